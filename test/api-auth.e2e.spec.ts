import { createHmac, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import request from 'supertest';
import { testEnvironment } from './support/environment';
import { expectErrorBody, Logins, startFileStack, type FileStack } from './support/fixtures';
import { eventually, freePort, startApp } from './support/processes';

const csrf = { 'x-konvergensi-csrf': '1' };

/** An HS256 JWT signed by hand, so a test can forge one with another key. */
function hs256(claims: Record<string, unknown>, secret: string): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

function refreshCookie(response: request.Response): string {
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const cookie = cookies.find((c) => c.startsWith('konvergensi_refresh='));
  if (!cookie) throw new Error(`no refresh cookie in ${JSON.stringify(cookies)}`);
  return cookie;
}

/** The claims of a JWT, read without checking it. */
function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()) as Record<string, unknown>;
}

/**
 * Kept short here so a test can wait it out; the default is 10 s. Within it a rotated refresh
 * token is exchanged again (two tabs refreshing at once), after it a replay ends the session.
 */
const reuseGraceSeconds = 3;
const pastTheGrace = () => new Promise((resolve) => setTimeout(resolve, reuseGraceSeconds * 1000 + 300));

/** `konvergensi_refresh=<value>` as a browser sends it back. */
function cookiePair(setCookie: string): string {
  return setCookie.split(';')[0] as string;
}

describe('auth: login, refresh, logout and /me', () => {
  let stack: FileStack;
  let logins: Logins;
  const password = () => testEnvironment().demoPassword;

  beforeAll(async () => {
    stack = await startFileStack('api-auth', { REFRESH_REUSE_GRACE_SECONDS: String(reuseGraceSeconds) });
    logins = new Logins(stack.baseUrl);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const login = (username: string, pass = password()) =>
    request(stack.baseUrl).post('/api/v1/auth/login').send({ username, password: pass });
  const refresh = (cookie?: string) => {
    const call = request(stack.baseUrl).post('/api/v1/auth/refresh').set(csrf);
    return cookie ? call.set('cookie', cookiePair(cookie)) : call;
  };

  it('logs in with the right password, returning a bearer token and an httpOnly SameSite refresh cookie', async () => {
    const response = await login('metro.sekretaris');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 900 });
    const cookie = refreshCookie(response);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/api\/v1\/auth/);
  });

  it('accepts the username in any case and with surrounding spaces', async () => {
    const response = await login('  Metro.Sekretaris ');
    expect(response.status).toBe(200);
  });

  it('refuses a wrong password and an unknown user with the same 401 body and no cookie', async () => {
    const wrong = await login('metro.ketua', 'salah-sekali-123');
    const unknown = await login(`tidak.ada.${randomUUID().slice(0, 8)}`, 'salah-sekali-123');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expectErrorBody(wrong.body, 'INVALID_CREDENTIALS');
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a login body without a password with 400', async () => {
    const response = await request(stack.baseUrl).post('/api/v1/auth/login').send({ username: 'admin' });
    expect(response.status).toBe(400);
    expectErrorBody(response.body, 'VALIDATION_FAILED');
  });

  it('rotates the refresh cookie: a new access token and a new cookie for the x-konvergensi-csrf header', async () => {
    const first = refreshCookie(await login('metro.dinkes'));
    const refreshed = await refresh(first);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.accessToken).toEqual(expect.any(String));
    const second = refreshCookie(refreshed);
    expect(cookiePair(second)).not.toBe(cookiePair(first));

    const me = await request(stack.baseUrl)
      .get('/api/v1/me')
      .set('authorization', `Bearer ${refreshed.body.accessToken as string}`);
    expect(me.status).toBe(200);
    expect(me.body.username).toBe('metro.dinkes');

    expect((await refresh(second)).status).toBe(200);
  });

  it('refuses a refresh without the x-konvergensi-csrf header with 403 and keeps the session', async () => {
    const cookie = refreshCookie(await login('metro.dinkes'));
    const refused = await request(stack.baseUrl).post('/api/v1/auth/refresh').set('cookie', cookiePair(cookie));
    expect(refused.status).toBe(403);
    expectErrorBody(refused.body, 'CSRF_HEADER_MISSING');
    expect((await refresh(cookie)).status).toBe(200);
  });

  it('refuses a refresh without a cookie or with an unknown cookie with 401', async () => {
    const none = await refresh();
    expect(none.status).toBe(401);
    expectErrorBody(none.body, 'INVALID_REFRESH_TOKEN');
    const unknown = await refresh('konvergensi_refresh=bukan-token-yang-pernah-dibuat');
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(none.body);
  });

  it('revokes the whole session family when a rotated refresh token is presented again after the grace period', async () => {
    const original = refreshCookie(await login('metro.ketua'));
    const rotated = await refresh(original);
    expect(rotated.status).toBe(200);
    const current = refreshCookie(rotated);

    await pastTheGrace();
    const replay = await refresh(original);
    expect(replay.status).toBe(401);
    expectErrorBody(replay.body, 'INVALID_REFRESH_TOKEN');

    // The thief's replay also ends the legitimate holder's session.
    expect((await refresh(current)).status).toBe(401);
  });

  it('gives a second tab presenting the just-rotated refresh token a fresh rotation, and keeps both tabs signed in', async () => {
    const shared = refreshCookie(await login('metro.dinkes'));
    const [first, second] = await Promise.all([refresh(shared), refresh(shared)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const late = await refresh(shared);
    expect(late.status).toBe(200);
    const cookies = [first, second, late].map((r) => cookiePair(refreshCookie(r)));
    expect(new Set([...cookies, cookiePair(shared)]).size).toBe(4);
    for (const answer of [first, second, late]) {
      const me = await request(stack.baseUrl)
        .get('/api/v1/me')
        .set('authorization', `Bearer ${answer.body.accessToken as string}`);
      expect(me.status).toBe(200);
    }
    // Every successor is a working refresh token of the same, still live session.
    for (const answer of [first, second, late]) expect((await refresh(refreshCookie(answer))).status).toBe(200);
  });

  it('refuses a just-rotated refresh token after logout, even within the grace period', async () => {
    const original = refreshCookie(await login('metro.kepala-dinkes'));
    const rotated = await refresh(original);
    expect(rotated.status).toBe(200);
    const out = await request(stack.baseUrl)
      .post('/api/v1/auth/logout')
      .set('cookie', cookiePair(refreshCookie(rotated)))
      .set(csrf);
    expect(out.status).toBe(204);
    const replay = await refresh(original);
    expect(replay.status).toBe(401);
    expectErrorBody(replay.body, 'INVALID_REFRESH_TOKEN');
  });

  it('logs out: 204, clears the cookie, and the refresh token no longer works', async () => {
    const cookie = refreshCookie(await login('metro.kepala-dinkes'));
    const out = await request(stack.baseUrl).post('/api/v1/auth/logout').set('cookie', cookiePair(cookie)).set(csrf);
    expect(out.status).toBe(204);
    expect(refreshCookie(out)).toMatch(/^konvergensi_refresh=;/);
    expect((await refresh(cookie)).status).toBe(401);
  });

  it('refuses a logout without the x-konvergensi-csrf header and leaves the session usable', async () => {
    const cookie = refreshCookie(await login('metro.kepala-bappeda'));
    const out = await request(stack.baseUrl).post('/api/v1/auth/logout').set('cookie', cookiePair(cookie));
    expect(out.status).toBe(403);
    expectErrorBody(out.body, 'CSRF_HEADER_MISSING');
    expect((await refresh(cookie)).status).toBe(200);
  });

  it('answers a logout without a cookie with 204', async () => {
    const out = await request(stack.baseUrl).post('/api/v1/auth/logout').set(csrf);
    expect(out.status).toBe(204);
  });

  /** A DINKES officer of Kota Metro with the password 'rahasia-yang-panjang', made by the admin. */
  const createOfficer = async (username: string) => {
    const created = await request(stack.baseUrl)
      .post('/api/v1/users')
      .set(await logins.bearer('admin'))
      .send({
        username,
        displayName: 'Petugas Uji',
        email: `${username}@metro.test`,
        password: 'rahasia-yang-panjang',
        roles: ['opd_officer'],
        regencyCode: '18.72',
        unitCode: 'DINKES',
      });
    expect(created.status).toBe(201);
    return created;
  };

  it('locks an account with 423 after repeated failures, even for the right password, until an admin resets it', async () => {
    const admin = await logins.bearer('admin');
    const username = `kunci.${Date.now()}`;
    const created = await createOfficer(username);
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await login(username, `salah-${attempt}-sandi`)).status).toBe(401);
    }
    const locked = await login(username, 'rahasia-yang-panjang');
    expect(locked.status).toBe(423);
    expectErrorBody(locked.body, 'ACCOUNT_LOCKED');

    const reset = await request(stack.baseUrl)
      .patch(`/api/v1/users/${created.body.id as string}`)
      .set(admin)
      .send({ password: 'sandi-baru-yang-panjang' });
    expect(reset.status).toBe(200);
    expect((await login(username, 'sandi-baru-yang-panjang')).status).toBe(200);
  });

  it('answers failed logins of an unknown name exactly as those of a real account, lockout included', async () => {
    const real = `nyata.${Date.now()}`;
    await createOfficer(real);
    const unknown = `tidak.ada.${Date.now()}`;
    const answers = async (username: string) => {
      const seen: { status: number; body: unknown }[] = [];
      for (let attempt = 1; attempt <= 7; attempt++) {
        const response = await login(username, `salah-${attempt}-sandi`);
        seen.push({ status: response.status, body: response.body });
      }
      return seen;
    };
    const ofReal = await answers(real);
    const ofUnknown = await answers(unknown);
    expect(ofReal.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 423, 423]);
    expect(ofUnknown).toEqual(ofReal);
  });

  it('returns the caller on /api/v1/me with roles, regency and unit', async () => {
    const response = await request(stack.baseUrl)
      .get('/api/v1/me')
      .set(await logins.bearer('metro.kepala-dinkes'));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      username: 'metro.kepala-dinkes',
      roles: ['opd_head'],
      regencyCode: '18.72',
      provinceCode: null,
      unit: { code: 'DINKES', name: expect.any(String) },
    });
    const viewer = await request(stack.baseUrl)
      .get('/api/v1/me')
      .set(await logins.bearer('lampung.provinsi'));
    expect(viewer.body).toMatchObject({
      roles: ['province_viewer'],
      regencyCode: null,
      provinceCode: '18',
      unit: null,
    });
  });

  it('answers /api/v1/me with 401 without a token, with a garbage token, with a token signed by another key, and without a live session id', async () => {
    const none = await request(stack.baseUrl).get('/api/v1/me');
    expect(none.status).toBe(401);
    expectErrorBody(none.body, 'UNAUTHENTICATED');
    const garbage = await request(stack.baseUrl).get('/api/v1/me').set('authorization', 'Bearer abc.def.ghi');
    expect(garbage.status).toBe(401);

    const adminToken = await logins.token('admin');
    const me = await request(stack.baseUrl).get('/api/v1/me').set('authorization', `Bearer ${adminToken}`);
    const sessionId = claimsOf(adminToken).sid;
    expect(sessionId).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
    const claims = {
      sub: me.body.id as string,
      sid: sessionId,
      iss: 'konvergensi',
      aud: 'konvergensi-api',
      exp: Math.floor(Date.now() / 1000) + 300,
    };
    const genuine = hs256(claims, testEnvironment().authSecret);
    expect((await request(stack.baseUrl).get('/api/v1/me').set('authorization', `Bearer ${genuine}`)).status).toBe(200);
    const forged = hs256(claims, 'kunci-lain-yang-bukan-rahasia-server-ini');
    const refused = await request(stack.baseUrl).get('/api/v1/me').set('authorization', `Bearer ${forged}`);
    expect(refused.status).toBe(401);
    const expired = hs256({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 }, testEnvironment().authSecret);
    expect((await request(stack.baseUrl).get('/api/v1/me').set('authorization', `Bearer ${expired}`)).status).toBe(401);

    // Correctly signed, but bound to no session (logout could never end it) or to a session that
    // does not exist: both are refused.
    const { sid: _dropped, ...sessionless } = claims;
    const unbound = hs256(sessionless, testEnvironment().authSecret);
    const strangerSession = hs256(
      { ...claims, sid: '00000000-0000-4000-8000-000000000000' },
      testEnvironment().authSecret,
    );
    for (const token of [unbound, strangerSession]) {
      const answer = await request(stack.baseUrl).get('/api/v1/me').set('authorization', `Bearer ${token}`);
      expect(answer.status).toBe(401);
      expectErrorBody(answer.body, 'UNAUTHENTICATED');
    }
  });

  it('stops accepting the access and refresh tokens of a deactivated user at once', async () => {
    const admin = await logins.bearer('admin');
    const username = `nonaktif.${Date.now()}`;
    const created = await request(stack.baseUrl)
      .post('/api/v1/users')
      .set(admin)
      .send({
        username,
        displayName: 'Ketua Uji Nonaktif',
        email: `${username}@metro.test`,
        password: 'rahasia-yang-panjang',
        roles: ['tpps_chair'],
        regencyCode: '18.72',
      });
    expect(created.status).toBe(201);
    const session = await login(username, 'rahasia-yang-panjang');
    const bearer = `Bearer ${session.body.accessToken as string}`;
    expect((await request(stack.baseUrl).get('/api/v1/me').set('authorization', bearer)).status).toBe(200);
    await request(stack.baseUrl)
      .patch(`/api/v1/users/${created.body.id as string}`)
      .set(admin)
      .send({ active: false })
      .expect(200);
    expect((await request(stack.baseUrl).get('/api/v1/me').set('authorization', bearer)).status).toBe(401);
    expect((await refresh(refreshCookie(session))).status).toBe(401);
    expect((await login(username, 'rahasia-yang-panjang')).status).toBe(401);
  });

  it('ends every session of a user when an admin sets a new password', async () => {
    const session = await login('dumai.kepala-dinkes');
    const cookie = refreshCookie(session);
    const admin = await logins.token('admin');
    const users = await request(stack.baseUrl)
      .get('/api/v1/users?regencyCode=14.72&pageSize=100')
      .set('authorization', `Bearer ${admin}`);
    const user = (users.body.items as { id: string; username: string }[]).find(
      (u) => u.username === 'dumai.kepala-dinkes',
    );
    const changed = await request(stack.baseUrl)
      .patch(`/api/v1/users/${user?.id}`)
      .set('authorization', `Bearer ${admin}`)
      .send({ password: 'kata-sandi-baru-123' });
    expect(changed.status).toBe(200);
    const refused = await refresh(cookie);
    expect(refused.status).toBe(401);
    expectErrorBody(refused.body, 'INVALID_REFRESH_TOKEN');
    expect((await login('dumai.kepala-dinkes', 'kata-sandi-baru-123')).status).toBe(200);
  });
});

describe('login rate limit', () => {
  it('answers 429 once one address exceeds the login attempts per minute', async () => {
    const port = await freePort();
    const environment = testEnvironment();
    const api = startApp(
      'api',
      {
        DATABASE_URL: environment.databaseUrl,
        TEMPORAL_ADDRESS: environment.temporalAddress,
        AUTH_SECRET: environment.authSecret,
        PORT: String(port),
        LOGIN_RATE_LIMIT_PER_MINUTE: '3',
      },
      join(environment.workDir, 'rate-limit-api.log'),
    );
    try {
      const baseUrl = `http://127.0.0.1:${port}`;
      await eventually(async () => ((await fetch(`${baseUrl}/api/health`)).status > 0 ? true : undefined));
      const statuses: number[] = [];
      // A name of its own: unknown names are locked after 5 failures like accounts are.
      const unknown = `tidak.ada.${randomUUID().slice(0, 8)}`;
      for (let i = 0; i < 4; i++) {
        const attempt = await request(baseUrl).post('/api/v1/auth/login').send({ username: unknown, password: 'x' });
        statuses.push(attempt.status);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
      const limited = await request(baseUrl)
        .post('/api/v1/auth/login')
        .send({ username: 'admin', password: environment.demoPassword });
      expect(limited.status).toBe(429);
      expectErrorBody(limited.body, 'TOO_MANY_LOGIN_ATTEMPTS');
    } finally {
      await api.stop();
    }
  });
});
