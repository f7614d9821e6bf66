import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ApiClient } from './support/api-client';
import { badutaRow, startAudit, waitForStage } from './support/aks-fixtures';
import { testEnvironment } from './support/environment';
import { expectErrorBody, openDatabase, startFileStack, type FileStack } from './support/fixtures';
import { logInFully, nextTotpCode, rememberTotpSecret, type LoginResult } from './support/second-factor';

/** A year no other test file audits Kota Metro in (the test database is shared). */
const auditYear = 2057;
const userPassword = 'sandi-dua-langkah-panjang';

async function post(baseUrl: string, path: string, body: unknown): Promise<LoginResult> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : {}) as Record<string, unknown>,
    cookies: response.headers.getSetCookie().map((cookie) => cookie.split(';')[0] ?? ''),
  };
}

/**
 * Verifikasi dua langkah (OWASP ASVS V2.7/V2.8) as its users meet it: the admin and the AKS
 * teams must set up an authenticator at their first login and give a code at every login after;
 * a code counts once, a recovery code once, wrong codes lock the account as wrong passwords do;
 * other roles may switch it on and off; the admin resets a lost one; and the lead's export of
 * identities needs a step-up of the last five minutes, recorded in the access log.
 */
describe('MFA: enrolment, codes at login, recovery codes, reset, and the step-up before identities leave', () => {
  let stack: FileStack;
  let db: DataSource;
  let admin: ApiClient;
  let baseUrl: string;

  beforeAll(async () => {
    // Room for the five wrong codes of one challenge without locking the account at the same time.
    stack = await startFileStack('mfa', { LOGIN_MAX_FAILURES: '8' });
    baseUrl = stack.baseUrl;
    db = await openDatabase();
    admin = await ApiClient.as(baseUrl, 'admin');
  });

  afterAll(async () => {
    await db?.destroy();
    await stack?.stop();
  });

  async function newUser(
    roles: string[],
    extra: Record<string, unknown> = {},
  ): Promise<{ id: string; username: string }> {
    const username = `uji.mfa.${randomUUID().slice(0, 8)}`;
    const created = await admin.post<{ id: string }>('/api/v1/users', {
      username,
      displayName: 'Pengguna Uji MFA',
      email: `${username}@uji.test`,
      password: userPassword,
      roles,
      ...extra,
    });
    expect(created.status).toBe(201);
    return { id: created.body.id, username };
  }

  const passwordStep = (username: string) => post(baseUrl, '/api/v1/auth/login', { username, password: userPassword });
  const failedLogins = async (userId: string) =>
    ((await db.query(`SELECT failed_login_count AS n FROM app_user WHERE id = $1`, [userId])) as { n: number }[])[0]?.n;

  /** A new system admin, enrolled through the first-login flow; answers its secret and codes. */
  async function enrolledAdmin() {
    const user = await newUser(['system_admin']);
    const first = await passwordStep(user.username);
    const started = await post(baseUrl, '/api/v1/auth/mfa/enrolment', { challengeToken: first.body.challengeToken });
    const secret = started.body.secret as string;
    rememberTotpSecret(user.username, secret);
    const confirmed = await post(baseUrl, '/api/v1/auth/mfa/enrolment/confirm', {
      challengeToken: first.body.challengeToken,
      code: await nextTotpCode(user.username, secret),
    });
    expect(confirmed.status).toBe(200);
    return { ...user, secret, recoveryCodes: confirmed.body.recoveryCodes as string[] };
  }

  it('makes an admin set up an authenticator at the first login, with a QR code, before any session exists', async () => {
    const user = await newUser(['system_admin']);
    const first = await passwordStep(user.username);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ mfaEnrolmentRequired: true, challengeToken: expect.any(String) });
    expect(first.cookies).toEqual([]);

    const started = await post(baseUrl, '/api/v1/auth/mfa/enrolment', { challengeToken: first.body.challengeToken });
    expect(started.status).toBe(200);
    const secret = started.body.secret as string;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(started.body.otpauthUri).toBe(
      `otpauth://totp/Konvergensi:${user.username}?issuer=Konvergensi&secret=${secret}&algorithm=SHA1&digits=6&period=30`,
    );
    expect(String(started.body.qrSvg)).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    rememberTotpSecret(user.username, secret);

    const wrong = await post(baseUrl, '/api/v1/auth/mfa/enrolment/confirm', {
      challengeToken: first.body.challengeToken,
      code: '000000',
    });
    expect(wrong.status).toBe(401);
    expectErrorBody(wrong.body, 'MFA_CODE_INVALID');
    expect(await failedLogins(user.id)).toBe(1);

    const confirmed = await post(baseUrl, '/api/v1/auth/mfa/enrolment/confirm', {
      challengeToken: first.body.challengeToken,
      code: await nextTotpCode(user.username, secret),
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.accessToken).toEqual(expect.any(String));
    expect(confirmed.cookies.some((cookie) => cookie.startsWith('konvergensi_refresh='))).toBe(true);
    const codes = confirmed.body.recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(await failedLogins(user.id)).toBe(0);

    // The secret is kept encrypted; the codes only as hashes.
    const [stored] = (await db.query(
      `SELECT encode(secret_ciphertext, 'escape') AS raw, enabled_at FROM user_mfa WHERE user_id = $1`,
      [user.id],
    )) as { raw: string; enabled_at: Date | null }[];
    expect(stored?.enabled_at).not.toBeNull();
    expect(stored?.raw).not.toContain(secret);
    const hashes = (await db.query(`SELECT code_hash FROM mfa_recovery_code WHERE user_id = $1`, [user.id])) as {
      code_hash: string;
    }[];
    expect(hashes).toHaveLength(10);
    for (const code of codes) expect(hashes.map((h) => h.code_hash)).not.toContain(code);

    // The enrolment challenge is spent.
    const again = await post(baseUrl, '/api/v1/auth/mfa/enrolment', { challengeToken: first.body.challengeToken });
    expect(again.status).toBe(401);
    expectErrorBody(again.body, 'MFA_CHALLENGE_INVALID');
  });

  it('asks for a code at every later login and counts a wrong one towards the lockout', async () => {
    const user = await enrolledAdmin();
    const first = await passwordStep(user.username);
    expect(first.body).toEqual({ mfaRequired: true, challengeToken: expect.any(String) });
    const wrong = await post(baseUrl, '/api/v1/auth/login/mfa', {
      challengeToken: first.body.challengeToken,
      code: '123456',
    });
    expect(wrong.status).toBe(401);
    expectErrorBody(wrong.body, 'MFA_CODE_INVALID');
    expect(wrong.cookies).toEqual([]);
    expect(await failedLogins(user.id)).toBe(1);
    const right = await post(baseUrl, '/api/v1/auth/login/mfa', {
      challengeToken: first.body.challengeToken,
      code: await nextTotpCode(user.username),
    });
    expect(right.status).toBe(200);
    expect(right.body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 900 });
    expect(await failedLogins(user.id)).toBe(0);
  });

  it('refuses a code that was already used once, without counting it as a wrong one', async () => {
    const user = await enrolledAdmin();
    const one = await passwordStep(user.username);
    const two = await passwordStep(user.username);
    const code = await nextTotpCode(user.username);
    const used = await post(baseUrl, '/api/v1/auth/login/mfa', { challengeToken: one.body.challengeToken, code });
    expect(used.status).toBe(200);
    const replayed = await post(baseUrl, '/api/v1/auth/login/mfa', { challengeToken: two.body.challengeToken, code });
    expect(replayed.status).toBe(401);
    expectErrorBody(replayed.body, 'MFA_CODE_REUSED');
    expect(await failedLogins(user.id)).toBe(0);
  });

  it('takes each recovery code once, in any letter case, and tells how many are left', async () => {
    const user = await enrolledAdmin();
    const [code] = user.recoveryCodes;
    const first = await passwordStep(user.username);
    const recovered = await post(baseUrl, '/api/v1/auth/login/mfa', {
      challengeToken: first.body.challengeToken,
      code: code!.toUpperCase(),
    });
    expect(recovered.status).toBe(200);
    const client = new ApiClient(baseUrl, recovered.body.accessToken as string);
    expect((await client.get('/api/v1/me/mfa')).body).toEqual({
      enabled: true,
      enabledAt: expect.any(String),
      required: true,
      recoveryCodesLeft: 9,
    });
    const second = await passwordStep(user.username);
    const spent = await post(baseUrl, '/api/v1/auth/login/mfa', { challengeToken: second.body.challengeToken, code });
    expect(spent.status).toBe(401);
    expectErrorBody(spent.body, 'MFA_CODE_INVALID');
  });

  it('ends a challenge after five wrong codes, so the right code no longer helps without the password', async () => {
    const user = await enrolledAdmin();
    const first = await passwordStep(user.username);
    for (let i = 0; i < 5; i++) {
      const wrong = await post(baseUrl, '/api/v1/auth/login/mfa', {
        challengeToken: first.body.challengeToken,
        code: String(100000 + i),
      });
      expectErrorBody(wrong.body, 'MFA_CODE_INVALID');
    }
    const late = await post(baseUrl, '/api/v1/auth/login/mfa', {
      challengeToken: first.body.challengeToken,
      code: await nextTotpCode(user.username),
    });
    expect(late.status).toBe(401);
    expectErrorBody(late.body, 'MFA_CHALLENGE_INVALID');
    expect((await logInFully(baseUrl, user.username, userPassword)).status).toBe(200);
  });

  it('locks the account after LOGIN_MAX_FAILURES wrong codes in a row, as after wrong passwords', async () => {
    const user = await enrolledAdmin();
    for (let i = 0; i < 2; i++) {
      const challenge = await passwordStep(user.username);
      for (let j = 0; j < 4; j++)
        await post(baseUrl, '/api/v1/auth/login/mfa', {
          challengeToken: challenge.body.challengeToken,
          code: '999999',
        });
    }
    const locked = await passwordStep(user.username);
    expect(locked.status).toBe(423);
    expectErrorBody(locked.body, 'ACCOUNT_LOCKED');
  });

  it('keeps the authenticator optional for other roles: switched on, asked at login, switched off again', async () => {
    const user = await newUser(['province_viewer'], { provinceCode: '18' });
    const plain = await passwordStep(user.username);
    expect(plain.body.accessToken).toEqual(expect.any(String));
    const client = new ApiClient(baseUrl, plain.body.accessToken as string);
    expect((await client.get('/api/v1/me/mfa')).body).toEqual({
      enabled: false,
      enabledAt: null,
      required: false,
      recoveryCodesLeft: 0,
    });
    const started = await client.post<{ secret: string; qrSvg: string }>('/api/v1/me/mfa/enrolment');
    expect(started.status).toBe(200);
    rememberTotpSecret(user.username, started.body.secret);
    const wrong = await client.post<{ code: string }>('/api/v1/me/mfa/enrolment/confirm', { code: '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('MFA_CODE_INVALID');
    const confirmed = await client.post<{ recoveryCodes: string[] }>('/api/v1/me/mfa/enrolment/confirm', {
      code: await nextTotpCode(user.username),
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect((await passwordStep(user.username)).body.mfaRequired).toBe(true);

    const renewed = await client.post<{ recoveryCodes: string[] }>('/api/v1/me/mfa/recovery-codes', {
      password: userPassword,
      code: await nextTotpCode(user.username),
    });
    expect(renewed.status).toBe(200);
    expect(renewed.body.recoveryCodes.filter((code) => confirmed.body.recoveryCodes.includes(code))).toEqual([]);

    const refused = await client.post<{ code: string }>('/api/v1/me/mfa/disable', {
      password: 'bukan-sandinya',
      code: await nextTotpCode(user.username),
    });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('CURRENT_PASSWORD_WRONG');
    const off = await client.post('/api/v1/me/mfa/disable', {
      password: userPassword,
      code: await nextTotpCode(user.username),
    });
    expect(off.status).toBe(204);
    expect((await passwordStep(user.username)).body.accessToken).toEqual(expect.any(String));
  });

  it('does not let a role that requires the authenticator switch it off', async () => {
    const user = await enrolledAdmin();
    const login = await logInFully(baseUrl, user.username, userPassword);
    const client = new ApiClient(baseUrl, login.body.accessToken as string);
    const refused = await client.post<{ code: string }>('/api/v1/me/mfa/disable', {
      password: userPassword,
      code: await nextTotpCode(user.username),
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('MFA_REQUIRED_FOR_ROLE');
    expect(
      ((await db.query(`SELECT count(*)::int AS n FROM user_mfa WHERE user_id = $1`, [user.id])) as { n: number }[])[0]
        ?.n,
    ).toBe(1);
  });

  it('lets the system admin reset a lost authenticator; the user then sets up a new one at login', async () => {
    const user = await enrolledAdmin();
    const officer = await ApiClient.as(baseUrl, 'metro.dinkes');
    expect((await officer.delete(`/api/v1/users/${user.id}/mfa`)).status).toBe(403);
    expect((await admin.delete(`/api/v1/users/${user.id}/mfa`)).status).toBe(204);
    expect((await admin.delete(`/api/v1/users/${randomUUID()}/mfa`)).status).toBe(404);
    const first = await passwordStep(user.username);
    expect(first.body.mfaEnrolmentRequired).toBe(true);
    expect(
      (
        (await db.query(`SELECT count(*)::int AS n FROM mfa_recovery_code WHERE user_id = $1`, [user.id])) as {
          n: number;
        }[]
      )[0]?.n,
    ).toBe(0);
  });

  describe('step-up before the AKS lead exports identities', () => {
    let lead: ApiClient;
    let auditId: string;

    beforeAll(async () => {
      const secretary = await ApiClient.as(baseUrl, 'metro.sekretaris');
      const audit = await startAudit(secretary, '18.72', { year: auditYear, semester: 1, templateCode: 'AKS' });
      auditId = audit.id;
      await waitForStage(secretary, auditId, 'AKS.T1');
      const team = await secretary.put(`/api/v1/aks/audits/${auditId}/team`, {
        members: [
          { username: 'metro.aks-teknis', team: 'technical', lead: true },
          { username: 'metro.aks-pakar', team: 'expert' },
        ],
      });
      if (team.status !== 200) throw new Error(`setting the team failed: ${JSON.stringify(team.body)}`);
      lead = await ApiClient.as(baseUrl, 'metro.aks-teknis');
      const entered = await lead.post(
        `/api/v1/aks/audits/${auditId}/cases`,
        badutaRow({ nik: '1872014101570001', nama: 'Kasus Uji Langkah' }),
      );
      if (entered.status !== 201) throw new Error(`entering the case failed: ${JSON.stringify(entered.body)}`);
    });

    /** The login session of a client (the `sid` claim of its access token). */
    const sessionOf = (client: ApiClient): string =>
      (JSON.parse(Buffer.from(String(client.token).split('.')[1] ?? '', 'base64url').toString()) as { sid: string })
        .sid;
    const exportOf = (client: ApiClient) =>
      client.get<string | { code: string }>(`/api/v1/aks/audits/${auditId}/cases/export`);

    it('refuses the export until the lead gives password and code again, then allows it for five minutes', async () => {
      const before = await exportOf(lead);
      expect(before.status).toBe(403);
      expect((before.body as { code: string }).code).toBe('STEP_UP_REQUIRED');

      const wrongPassword = await lead.post<{ code: string }>('/api/v1/me/step-up', {
        password: 'bukan-sandinya',
        code: await nextTotpCode('metro.aks-teknis'),
      });
      expect(wrongPassword.status).toBe(400);
      expect(wrongPassword.body.code).toBe('CURRENT_PASSWORD_WRONG');
      const wrongCode = await lead.post<{ code: string }>('/api/v1/me/step-up', {
        password: testEnvironment().demoPassword,
        code: '000000',
      });
      expect(wrongCode.status).toBe(400);
      expect(wrongCode.body.code).toBe('MFA_CODE_INVALID');

      const stepped = await lead.stepUp('metro.aks-teknis');
      expect(stepped.status).toBe(200);
      const validFor = new Date(stepped.body.validUntil).getTime() - Date.now();
      expect(validFor).toBeGreaterThan(4 * 60_000);
      expect(validFor).toBeLessThanOrEqual(5 * 60_000);

      const exported = await exportOf(lead);
      expect(exported.status).toBe(200);
      expect(String(exported.body)).toContain('1872014101570001');
      const logged = (await db.query(
        `SELECT a.step_up_at, s.step_up_at AS session_step_up FROM aks_identity_access a
           JOIN aks_case c ON c.id = a.case_id
           JOIN auth_session s ON s.family_id = $2
          WHERE c.audit_id = $1 AND a.purpose = 'ekspor'`,
        [auditId, sessionOf(lead)],
      )) as { step_up_at: Date; session_step_up: Date }[];
      expect(logged).toHaveLength(1);
      expect(logged[0]?.step_up_at.toISOString()).toBe(logged[0]?.session_step_up.toISOString());
    });

    it('asks again once the step-up is older than five minutes, and a step-up holds for its own session only', async () => {
      expect((await lead.stepUp('metro.aks-teknis')).status).toBe(200);
      const otherSession = await ApiClient.as(baseUrl, 'metro.aks-teknis');
      const elsewhere = await exportOf(otherSession);
      expect(elsewhere.status).toBe(403);
      expect((elsewhere.body as { code: string }).code).toBe('STEP_UP_REQUIRED');

      expect((await exportOf(lead)).status).toBe(200);
      await db.query(`UPDATE auth_session SET step_up_at = step_up_at - interval '6 minutes' WHERE family_id = $1`, [
        sessionOf(lead),
      ]);
      const stale = await exportOf(lead);
      expect(stale.status).toBe(403);
      expect((stale.body as { code: string }).code).toBe('STEP_UP_REQUIRED');
    });

    it('tells a user without an authenticator to set one up rather than to step up', async () => {
      const user = await newUser(['province_viewer'], { provinceCode: '18' });
      const login = await passwordStep(user.username);
      const client = new ApiClient(baseUrl, login.body.accessToken as string);
      const stepUp = await client.post<{ code: string }>('/api/v1/me/step-up', {
        password: userPassword,
        code: '123456',
      });
      expect(stepUp.status).toBe(409);
      expect(stepUp.body.code).toBe('MFA_NOT_ENABLED');
    });
  });

  it('never writes a secret, a code or a challenge token into the API log', async () => {
    const log = stack.api.output();
    const { secret } = await enrolledAdmin();
    expect(stack.api.output()).not.toContain(secret);
    expect(log).not.toMatch(/challengeToken|recoveryCodes|secretCiphertext/);
  });
});
