import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { testEnvironment } from './support/environment';
import { expectErrorBody, openDatabase, startFileStack, type FileStack } from './support/fixtures';
import { logInFully } from './support/second-factor';

const csrf = { 'x-konvergensi-csrf': '1' };

interface Session {
  token: string;
  cookie: string;
  id: string;
}

/**
 * Sessions as their users and ASVS 3.3 expect them: privileged roles (admin, AKS teams) end after
 * 30 minutes without a request of their own and 12 hours after login; everyone can see their
 * sessions, end one, and change their password with the current one, which ends the others. The
 * clock is moved by moving the session's times back in the database.
 */
describe('sessions: idle and absolute limits, the list of one’s own, password change', () => {
  let stack: FileStack;
  let db: DataSource;
  const password = () => testEnvironment().demoPassword;

  beforeAll(async () => {
    stack = await startFileStack('sessions');
    db = await openDatabase();
  });

  afterAll(async () => {
    await db?.destroy();
    await stack?.stop();
  });

  /** The whole login, with the authenticator code for the admin and the AKS teams. */
  const signIn = async (username: string, pass = password(), userAgent = 'uji-sesi'): Promise<Session> => {
    const response = await logInFully(stack.baseUrl, username, pass, userAgent);
    expect(response.status).toBe(200);
    const token = response.body.accessToken as string;
    const claims = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()) as { sid: string };
    const cookie = response.cookies.find((c) => c.startsWith('konvergensi_refresh='));
    if (!cookie) throw new Error(`no refresh cookie in ${JSON.stringify(response.cookies)}`);
    return { token, cookie, id: claims.sid };
  };
  const me = (session: Session) =>
    request(stack.baseUrl).get('/api/v1/me').set('authorization', `Bearer ${session.token}`);
  const refresh = (session: Session) =>
    request(stack.baseUrl).post('/api/v1/auth/refresh').set(csrf).set('cookie', session.cookie);
  const moveBack = (session: Session, column: 'last_seen_at' | 'started_at', minutes: number) =>
    db.query(`UPDATE auth_session SET ${column} = ${column} - make_interval(mins => $2) WHERE family_id = $1`, [
      session.id,
      minutes,
    ]);

  it('ends an AKS auditor’s session after 30 minutes without a request, and records why', async () => {
    const session = await signIn('metro.aks-teknis');
    expect((await me(session)).status).toBe(200);
    await moveBack(session, 'last_seen_at', 31);
    const idle = await me(session);
    expect(idle.status).toBe(401);
    expectErrorBody(idle.body, 'SESSION_ENDED');
    expect((await refresh(session)).status).toBe(401);
    const [row] = (await db.query('SELECT ended_reason FROM auth_session WHERE family_id = $1', [session.id])) as {
      ended_reason: string;
    }[];
    expect(row?.ended_reason).toBe('idle');
  });

  it('keeps a privileged session alive while its user works, and ends it 12 hours after login whatever', async () => {
    const session = await signIn('admin');
    await moveBack(session, 'last_seen_at', 20);
    expect((await me(session)).status).toBe(200);
    await moveBack(session, 'started_at', 12 * 60 + 1);
    const refreshed = await refresh(session);
    expect(refreshed.status).toBe(401);
    expectErrorBody(refreshed.body, 'SESSION_ENDED');
    expect((await me(session)).status).toBe(401);
  });

  it('does not end the session of a role without limits, such as a TPPS chair, when idle', async () => {
    const session = await signIn('metro.ketua');
    await moveBack(session, 'last_seen_at', 120);
    await moveBack(session, 'started_at', 13 * 60);
    expect((await me(session)).status).toBe(200);
    expect((await refresh(session)).status).toBe(200);
  });

  it('lists one’s own live sessions with the current one marked, and ends another one', async () => {
    const laptop = await signIn('metro.dinkes', password(), 'Laptop kantor');
    const phone = await signIn('metro.dinkes', password(), 'Ponsel');
    const listed = await request(stack.baseUrl)
      .get('/api/v1/me/sessions')
      .set('authorization', `Bearer ${laptop.token}`);
    expect(listed.status).toBe(200);
    const sessions = listed.body as { id: string; current: boolean; userAgent: string }[];
    expect(sessions.find((s) => s.id === laptop.id)).toMatchObject({ current: true, userAgent: 'Laptop kantor' });
    expect(sessions.find((s) => s.id === phone.id)).toMatchObject({ current: false, userAgent: 'Ponsel' });

    const ended = await request(stack.baseUrl)
      .delete(`/api/v1/me/sessions/${phone.id}`)
      .set('authorization', `Bearer ${laptop.token}`);
    expect(ended.status).toBe(204);
    expect((await me(phone)).status).toBe(401);
    expect((await refresh(phone)).status).toBe(401);
    expect((await me(laptop)).status).toBe(200);
  });

  it('answers 404 for a session of another user or one that does not exist', async () => {
    const officer = await signIn('metro.dinkes');
    const other = await signIn('metro.kepala-dinkes');
    for (const id of [other.id, randomUUID()]) {
      const response = await request(stack.baseUrl)
        .delete(`/api/v1/me/sessions/${id}`)
        .set('authorization', `Bearer ${officer.token}`);
      expect(response.status).toBe(404);
      expectErrorBody(response.body, 'SESSION_NOT_FOUND');
    }
    expect((await me(other)).status).toBe(200);
  });

  it('changes the password only with the current one, ends the other sessions and keeps this one', async () => {
    const username = `sesi.${Date.now()}`;
    const admin = await signIn('admin');
    const created = await request(stack.baseUrl)
      .post('/api/v1/users')
      .set('authorization', `Bearer ${admin.token}`)
      .send({
        username,
        displayName: 'Petugas Uji Sesi',
        email: `${username}@metro.test`,
        password: 'sandi-awal-yang-panjang',
        roles: ['opd_officer'],
        regencyCode: '18.72',
        unitCode: 'DINKES',
      });
    expect(created.status).toBe(201);
    const here = await signIn(username, 'sandi-awal-yang-panjang');
    const elsewhere = await signIn(username, 'sandi-awal-yang-panjang');
    const change = (body: object) =>
      request(stack.baseUrl).post('/api/v1/me/password').set('authorization', `Bearer ${here.token}`).send(body);

    const wrong = await change({ currentPassword: 'bukan-sandinya', newPassword: 'sandi-baru-yang-panjang' });
    expect(wrong.status).toBe(400);
    expectErrorBody(wrong.body, 'CURRENT_PASSWORD_WRONG');
    const common = await change({ currentPassword: 'sandi-awal-yang-panjang', newPassword: 'password12345' });
    expect(common.status).toBe(400);
    expectErrorBody(common.body, 'VALIDATION_FAILED');
    expect((await me(elsewhere)).status).toBe(200);

    const changed = await change({
      currentPassword: 'sandi-awal-yang-panjang',
      newPassword: 'sandi-baru-yang-panjang',
    });
    expect(changed.status).toBe(204);
    expect((await me(here)).status).toBe(200);
    expect((await me(elsewhere)).status).toBe(401);
    expect((await refresh(elsewhere)).status).toBe(401);
    const old = await request(stack.baseUrl)
      .post('/api/v1/auth/login')
      .send({ username, password: 'sandi-awal-yang-panjang' });
    expect(old.status).toBe(401);
    await signIn(username, 'sandi-baru-yang-panjang');
  });
});
