import { spawnSync } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import request from 'supertest';
import { ApiClient } from './support/api-client';
import { badutaRow, daysAgo, startAudit, waitForStage } from './support/aks-fixtures';
import { testEnvironment } from './support/environment';
import {
  expectErrorBody,
  expectStatus,
  insertTask,
  Logins,
  openDatabase,
  pngBytes,
  startFileStack,
  type FileStack,
} from './support/fixtures';
import { eventually, freePort, repoRoot, startApp } from './support/processes';

/**
 * What the other files leave untested end to end: security headers, closed CORS, token expiry and
 * session binding, cookie attributes, the deny-by-default and tenancy sweeps over every operation
 * of the OpenAPI document, error bodies without internals, secrets kept out of logs and the repo.
 * docs/security.md maps these tests to OWASP ASVS 4.0.3 level 2.
 */

/** A year no other test file uses for Kota Metro (the test database is shared). */
const year = 2063;
const holidayDate = '2063-03-13';
const metroVillage = '18.72.05.1003';
const foreignOrigin = 'https://penyerang.example';
const csrf = { 'x-konvergensi-csrf': '1' };
/** The only operations a caller without a token may reach. */
const publicOperations = [
  'GET /api/health',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/login/mfa',
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/mfa/enrolment',
  'POST /api/v1/auth/mfa/enrolment/confirm',
  'POST /api/v1/auth/password-reset',
  'POST /api/v1/auth/password-reset/confirm',
  'POST /api/v1/auth/refresh',
];

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A JWT signed by hand: HS256 with any key, or unsigned (`alg: none`). */
function jwt(claims: Record<string, unknown>, secret: string | null): string {
  const unsigned = `${base64url({ alg: secret === null ? 'none' : 'HS256', typ: 'JWT' })}.${base64url(claims)}`;
  if (secret === null) return `${unsigned}.`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

function claimsOf(token: string): Record<string, unknown> {
  const [, payload] = token.split('.');
  return JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

function refreshCookieOf(response: request.Response): string {
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const cookie = cookies.find((c) => c.startsWith('konvergensi_refresh='));
  if (!cookie) throw new Error(`no refresh cookie in ${JSON.stringify(cookies)}`);
  return cookie;
}

const cookiePair = (setCookie: string) => setCookie.split(';')[0] as string;

/** Internals an error body must never show: stack frames, file paths, driver and SQL text. */
const leaks = [
  /\n\s+at /,
  /node_modules/,
  /QueryFailedError|TypeORMError|EntityNotFound|EntityPropertyNotFound/,
  /\b(SELECT|INSERT INTO|UPDATE|DELETE FROM)\b .*\b(FROM|SET|VALUES|WHERE)\b/,
  /violates|duplicate key|syntax error at or near|invalid input syntax/i,
  /\b(TypeError|ReferenceError|RangeError)\b/,
  /"stack"\s*:/,
];

function expectNoInternals(response: request.Response): void {
  const text = response.text || JSON.stringify(response.body ?? '');
  for (const pattern of leaks) expect(`${response.status} ${text}`).not.toMatch(pattern);
  expect(text).not.toContain(repoRoot);
}

interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  template: string;
  label: string;
}

describe('security: headers, CORS, tokens and sessions, deny by default, tenancy, errors and secrets', () => {
  let stack: FileStack;
  let db: DataSource;
  let logins: Logins;
  let operations: Operation[];
  const fixtures = {
    taskId: '',
    evidenceId: '',
    recommendationId: '',
    activityId: '',
    auditId: '',
    caseId: '',
    userId: '',
  };
  /** Everything this file sent that must not reach the API's log. */
  const loggedSecrets: string[] = [];

  const http = () => request(stack.baseUrl);

  beforeAll(async () => {
    // No refresh grace here: this file shows reuse detection at its strictest (api-auth tests the grace).
    stack = await startFileStack('security', { REFRESH_REUSE_GRACE_SECONDS: '0' });
    db = await openDatabase();
    logins = new Logins(stack.baseUrl);
    const document = await http().get('/api/docs-json');
    operations = Object.entries(document.body.paths as Record<string, Record<string, unknown>>).flatMap(
      ([template, methods]) =>
        Object.keys(methods).map((method) => ({
          method: method as Operation['method'],
          template,
          label: `${method.toUpperCase()} ${template}`,
        })),
    );
    // One of each Metro resource the tenancy sweep reaches for, made once for the file.
    const admin = await logins.bearer('admin');
    await http().post('/api/v1/regencies/18.72/cycles').set(admin).send({ year }).expect(201);
    fixtures.taskId = (
      await insertTask(db, { regencyCode: '18.72', unitCode: 'DINKES', title: 'Tugas uji keamanan' })
    ).id;
    const evidence = await http()
      .post(`/api/v1/tasks/${fixtures.taskId}/evidence`)
      .set(await logins.bearer('metro.dinkes'))
      .attach('file', pngBytes(7), 'bukti-keamanan.png');
    fixtures.evidenceId = (expectStatus(evidence, 201).body as { id: string }).id;
    const secretary = await logins.bearer('metro.sekretaris');
    const recommendation = await http()
      .post(`/api/v1/regencies/18.72/cycles/${year}/review-recommendations`)
      .set(secretary)
      .send({ text: 'Rekomendasi kaji ulang uji keamanan' });
    fixtures.recommendationId = (expectStatus(recommendation, 201).body as { id: string }).id;
    const activity = await http()
      .post(`/api/v1/regencies/18.72/cycles/${year}/planned-activities`)
      .set(secretary)
      .send({
        unitCode: 'DINKES',
        name: 'Kegiatan uji keamanan',
        intervention: 'spesifik',
        target: 'Balita di kelurahan lokus',
        location: 'Kota Metro',
        budget: 1_500_000,
        fundingSource: 'apbd_kabupaten_kota',
      });
    fixtures.activityId = (expectStatus(activity, 201).body as { id: string }).id;
    const secretaryClient = await ApiClient.as(stack.baseUrl, 'metro.sekretaris');
    const audit = await startAudit(secretaryClient, '18.72', { year, semester: 1, templateCode: 'AKS' });
    fixtures.auditId = audit.id;
    await waitForStage(secretaryClient, audit.id, 'AKS.T1');
    // A lead, so the export of identities has someone who may read it.
    expectStatus(
      await http()
        .put(`/api/v1/aks/audits/${audit.id}/team`)
        .set(secretary)
        .send({
          members: [
            { username: 'metro.aks-teknis', team: 'technical', lead: true },
            { username: 'metro.aks-pakar', team: 'expert' },
          ],
        }),
      200,
    );
    const entered = await http()
      .post(`/api/v1/aks/audits/${audit.id}/cases`)
      .set(await logins.bearer('metro.aks-teknis'))
      .send(badutaRow({ nik: '1872014101630001', nama: 'Kasus Uji Keamanan' }));
    fixtures.caseId = (expectStatus(entered, 201).body as { id: string }).id;
    fixtures.userId = (
      (
        await http()
          .get('/api/v1/me')
          .set(await logins.bearer('metro.ketua'))
      ).body as { id: string }
    ).id;
  });

  afterAll(async () => {
    await db?.destroy();
    await stack?.stop();
  });

  const login = (username: string, password = testEnvironment().demoPassword) =>
    http().post('/api/v1/auth/login').send({ username, password });

  /** A fresh session: its access token and refresh cookie. */
  async function session(username: string): Promise<{ bearer: { authorization: string }; cookie: string }> {
    const response = expectStatus(await login(username), 200);
    const token = response.body.accessToken as string;
    loggedSecrets.push(token, cookiePair(refreshCookieOf(response)).split('=')[1] as string);
    return { bearer: { authorization: `Bearer ${token}` }, cookie: refreshCookieOf(response) };
  }

  /** Fills a path template with Kota Metro's resources, or with ones that do not exist. */
  function resolve(template: string, side: 'metro' | 'missing'): string {
    const metro = side === 'metro';
    const idOf: Record<string, string> = {
      tasks: fixtures.taskId,
      evidence: fixtures.evidenceId,
      audits: fixtures.auditId,
      cases: fixtures.caseId,
      'planned-activities': fixtures.activityId,
      'review-recommendations': fixtures.recommendationId,
      users: fixtures.userId,
    };
    const path = template
      .replace(/\/(regencies|regions)\/\{code\}/, `/$1/${metro ? '18.72' : '99.99'}`)
      .replace('/provinces/{provinceCode}', `/provinces/${metro ? '18' : '99'}`)
      .replace('/documents/{code}', '/documents/AKS_SK')
      .replace('{year}', String(year))
      .replace('{semester}', '1')
      .replace('{actionCode}', 'AKSI_1')
      .replace('{milestone}', 'data_entered')
      .replace('{kind}', 'year-start')
      .replace('{stageCode}', 'AKS.T5')
      .replace('{unitCode}', 'DINKES')
      .replace('{date}', holidayDate)
      .replace(
        /\/([a-z-]+)\/\{id\}/,
        (_, kind: string) => `/${kind}/${metro ? (idOf[kind] ?? randomUUID()) : randomUUID()}`,
      );
    if (path.includes('{')) throw new Error(`no value for a parameter of ${template}`);
    const query: Record<string, string> = {
      '/api/v1/regencies/{code}/holidays': `?from=${year}-01-01&to=${year}-01-31`,
      '/api/v1/regencies/{code}/dashboard': `?year=${year}`,
      '/api/v1/regencies/{code}/aks/facts': `?year=${year}&semester=1`,
      '/api/v1/provinces/{provinceCode}/overview': `?year=${year}`,
    };
    return `${path}${query[template] ?? ''}`;
  }

  /** Operations on one regency's resources: a regency, region or province code, or a fixture's id. */
  const isTenantScoped = (operation: Operation) =>
    /\{code\}|\{provinceCode\}/.test(operation.template) ||
    /\/(tasks|evidence|audits|cases|planned-activities|review-recommendations|users)\/\{id\}/.test(operation.template);

  /** A body an allowed caller would send, so a refusal is about who asks, not what is sent. */
  function bodyFor(operation: Operation, side: 'metro' | 'missing'): object | undefined {
    const metro = side === 'metro';
    const measurement = { berat_badan: '7,6', tinggi_badan: '70', tanggal_ukur: daysAgo(1) };
    const bodies: Record<string, object> = {
      'PUT /api/v1/regencies/{code}/holiday-overrides': {
        overrides: [{ date: holidayDate, kind: 'holiday', name: 'Cuti bersama uji' }],
      },
      'PUT /api/v1/regencies/{code}/escalation-settings': {
        ladder: { reminderWorkingDaysBefore: [3], secretaryAfterWorkingDays: 3, chairAfterWorkingDays: 7 },
        escalationDelivery: 'digest',
        digestTime: '07:00',
        unitDigestEnabled: true,
      },
      'POST /api/v1/regencies/{code}/cycles': { year },
      'PUT /api/v1/regencies/{code}/cycles/{year}/village-situation': {
        unitCode: 'DINKES',
        rows: [{ villageCode: metroVillage, prevalence: 12.5, cases: 3 }],
      },
      'POST /api/v1/regencies/{code}/cycles/{year}/lokus/decision': { add: [metroVillage] },
      'POST /api/v1/regencies/{code}/cycles/{year}/review-recommendations': { text: 'Rekomendasi dari luar' },
      'POST /api/v1/tasks/{id}/submit': { note: '' },
      'POST /api/v1/tasks/{id}/extension-requests': { requestedDueDate: `${year}-12-28`, reason: 'Data belum ada' },
      'POST /api/v1/tasks/{id}/extension-requests/decision': { approve: true, note: '' },
      'POST /api/v1/tasks/{id}/approve': { note: '' },
      'POST /api/v1/tasks/{id}/return': { reason: 'Lengkapi notulen' },
      'POST /api/v1/tasks/{id}/reassign': { unitCode: 'DINSOS', reason: 'Salah unit' },
      'POST /api/v1/tasks/{id}/cancel': { reason: 'Tidak jadi' },
      'POST /api/v1/regencies/{code}/tasks': {
        title: 'Tugas dari luar',
        unitCode: 'DINKES',
        dueDate: `${year}-06-30`,
      },
      'POST /api/v1/regencies/{code}/tasks/reassign': {
        taskIds: [metro ? fixtures.taskId : randomUUID()],
        unitCode: 'DINSOS',
        reason: 'Mutasi pegawai',
      },
      'PUT /api/v1/regencies/{code}/indicators/{year}/{semester}': {
        values: [{ code: 'Pilar 3. A7', numerator: 5, denominator: 10 }],
      },
      'PUT /api/v1/regencies/{code}/cycles/{year}/actions/{actionCode}/portal-milestones/{milestone}': {
        reachedOn: daysAgo(2),
        note: 'Data diinput ke portal',
      },
      'PUT /api/v1/regencies/{code}/assessments/{year}': {
        grades: [{ indicatorCode: 'AKSI_1.TAHAPAN', grade: 'B', note: 'Penilaian dari luar' }],
      },
      'POST /api/v1/regencies/{code}/cycles/{year}/planned-activities': {
        unitCode: 'DINKES',
        name: 'Kegiatan dari luar',
        intervention: 'spesifik',
        target: 'Balita',
        location: 'Kota Metro',
        budget: 1_000_000,
        fundingSource: 'apbd_kabupaten_kota',
      },
      'PATCH /api/v1/regencies/{code}/cycles/{year}/planned-activities/{id}': { budget: 2_000_000 },
      'POST /api/v1/regencies/{code}/aks/audits': { year, semester: 1, templateCode: 'AKS' },
      'POST /api/v1/aks/audits/{id}/stages/{stageCode}/complete': {},
      'PUT /api/v1/aks/audits/{id}/team': {
        members: [{ username: 'metro.aks-teknis', team: 'technical', lead: true }],
      },
      'POST /api/v1/aks/audits/{id}/follow-up-plan': {
        items: [{ recommendationId: randomUUID(), unitCode: 'DINKES', dueDate: `${year}-03-02` }],
      },
      'POST /api/v1/aks/audits/{id}/cases': badutaRow({ nik: '1872014101630002', nama: 'Kasus Dari Luar' }),
      'POST /api/v1/aks/cases/{id}/remeasurement': measurement,
      'POST /api/v1/aks/cases/{id}/monitoring': { ...measurement, bulan: 1 },
      'POST /api/v1/aks/cases/{id}/analysis': {
        findings: ['Temuan dari luar'],
        causes: ['Sebab dari luar'],
        recommendations: ['Saran dari luar'],
      },
      'PATCH /api/v1/users/{id}': { displayName: 'Nama Diubah Dari Luar' },
    };
    return bodies[operation.label];
  }

  const uploads = new Set([
    'POST /api/v1/tasks/{id}/evidence',
    'POST /api/v1/aks/audits/{id}/documents/{code}',
    'POST /api/v1/aks/audits/{id}/cases/import',
  ]);

  async function call(
    operation: Operation,
    path: string,
    headers: Record<string, string>,
    body: object | undefined,
  ): Promise<request.Response> {
    const agent = http();
    let pending = agent[operation.method](path)
      .set(csrf)
      .set('idempotency-key', `keamanan-${randomUUID()}`)
      .set(headers);
    if (uploads.has(operation.label)) return pending.attach('file', pngBytes(2, 90), 'berkas.png');
    if (body) pending = pending.send(body);
    return pending;
  }

  describe('security headers', () => {
    it('sends CSP, nosniff, frame, referrer and HSTS headers and no X-Powered-By on API, error and web app answers', async () => {
      const me = await logins.bearer('metro.ketua');
      const index = await http().get('/');
      const script = /src="(\/assets\/[^"]+\.js)"/.exec(index.text)?.[1];
      expect(script).toEqual(expect.any(String));
      const answers = await Promise.all([
        http().get('/api/health'),
        http().get('/api/v1/me').set(me),
        http().get('/api/v1/me'),
        http().get('/api/v1/tidak-ada').set(me),
        http().post('/api/v1/auth/login').set('content-type', 'application/json').send('{"username":'),
        http()
          .post('/api/v1/auth/login')
          .send({ username: 'admin', password: 'x'.repeat(2 * 1024 * 1024) }),
        Promise.resolve(index),
        http().get('/tugas/contoh-rute-aplikasi'),
        http().get(script as string),
      ]);
      expect(answers.map((a) => a.status)).toEqual([expect.any(Number), 200, 401, 404, 400, 413, 200, 200, 200]);
      for (const answer of answers) {
        const csp = String(answer.headers['content-security-policy'] ?? '');
        expect(csp).toContain("default-src 'self'");
        expect(csp).toMatch(/script-src 'self'(;|$)/);
        expect(csp).toContain("object-src 'none'");
        expect(csp).toMatch(/frame-ancestors '(self|none)'/);
        expect(csp).toContain("base-uri 'self'");
        expect(csp).toContain("form-action 'self'");
        expect(answer.headers['x-content-type-options']).toBe('nosniff');
        expect(answer.headers['x-frame-options']).toMatch(/^(SAMEORIGIN|DENY)$/);
        expect(answer.headers['referrer-policy']).toBe('no-referrer');
        expect(answer.headers['cross-origin-opener-policy']).toBe('same-origin');
        expect(answer.headers['x-powered-by']).toBeUndefined();
        const hsts = /max-age=(\d+)/.exec(String(answer.headers['strict-transport-security'] ?? ''));
        expect(Number(hsts?.[1] ?? 0)).toBeGreaterThanOrEqual(180 * 86_400);
      }
    });

    it('marks every API answer, refusals included, as no-store so no browser or proxy keeps personal data', async () => {
      const me = await logins.bearer('metro.aks-teknis');
      const answers = await Promise.all([
        http().get('/api/v1/me').set(me),
        http().get(`/api/v1/aks/cases/${fixtures.caseId}`).set(me),
        http().get('/api/v1/me'),
        http().get(`/api/v1/aks/cases/${randomUUID()}`).set(me),
      ]);
      expect(answers.map((a) => a.status)).toEqual([200, 200, 401, 404]);
      for (const answer of answers) expect(answer.headers['cache-control']).toBe('no-store');
    });

    it('serves evidence as a download of its sniffed type, never rendered inline', async () => {
      const download = await http()
        .get(`/api/v1/evidence/${fixtures.evidenceId}`)
        .set(await logins.bearer('metro.sekretaris'));
      expect(download.status).toBe(200);
      expect(download.headers['content-type']).toBe('image/png');
      expect(download.headers['content-disposition']).toMatch(/^attachment; filename\*=UTF-8''bukti-keamanan\.png$/);
      expect(download.headers['x-content-type-options']).toBe('nosniff');
      expect(download.headers['cache-control']).toBe('no-store');
    });

    it.each([
      ['an HTML page named .png', Buffer.from('<!doctype html><script>alert(document.cookie)</script>'), 'foto.png'],
      [
        'an SVG with a script named .png',
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        'foto.png',
      ],
      ['a script named .pdf', Buffer.from('#!/bin/sh\nrm -rf /\n'), 'laporan.pdf'],
    ])(
      'refuses %s as evidence with 415 by its content, whatever its name and declared type',
      async (_what, content, filename) => {
        const response = await http()
          .post(`/api/v1/tasks/${fixtures.taskId}/evidence`)
          .set(await logins.bearer('metro.dinkes'))
          .attach('file', content, { filename, contentType: 'image/png' });
        expect(response.status).toBe(415);
        expectErrorBody(response.body, 'UNSUPPORTED_FILE_TYPE');
      },
    );
  });

  describe('CORS stays closed', () => {
    it('answers a cross-origin preflight without any Access-Control-Allow header', async () => {
      for (const path of [
        '/api/v1/auth/login',
        '/api/v1/auth/refresh',
        '/api/v1/me',
        `/api/v1/tasks/${fixtures.taskId}`,
      ]) {
        const preflight = await http()
          .options(path)
          .set('origin', foreignOrigin)
          .set('access-control-request-method', 'POST')
          .set('access-control-request-headers', 'authorization, content-type, x-konvergensi-csrf');
        expect(preflight.status).toBeGreaterThanOrEqual(400);
        expect(Object.keys(preflight.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
      }
    });

    it('answers calls that name a foreign Origin without Access-Control-Allow-Origin, so no other site can read them', async () => {
      const answers = await Promise.all([
        http()
          .get('/api/v1/me')
          .set('origin', foreignOrigin)
          .set(await logins.bearer('metro.ketua')),
        http().get('/api/health').set('origin', foreignOrigin),
        login('metro.ketua').set('origin', foreignOrigin),
      ]);
      expect(answers.map((a) => a.status)).toEqual([200, expect.any(Number), 200]);
      for (const answer of answers) {
        expect(answer.headers['access-control-allow-origin']).toBeUndefined();
        expect(answer.headers['access-control-allow-credentials']).toBeUndefined();
      }
    });
  });

  describe('access tokens and sessions', () => {
    it('issues HS256 access tokens bound to a session that expire after 900 seconds', async () => {
      const response = expectStatus(await login('metro.sekretaris'), 200);
      const token = response.body.accessToken as string;
      const header = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')) as object;
      expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
      const claims = claimsOf(token);
      expect(claims).toMatchObject({ iss: 'konvergensi', aud: 'konvergensi-api', sub: expect.any(String) });
      expect(claims.sid).toMatch(/^[0-9a-f-]{36}$/);
      expect((claims.exp as number) - (claims.iat as number)).toBe(900);
      expect(response.body.expiresIn).toBe(900);
    });

    it('refuses an expired token with 401 ACCESS_TOKEN_EXPIRED, and forged, unsigned or foreign ones with 401 UNAUTHENTICATED', async () => {
      const secret = testEnvironment().authSecret;
      const now = Math.floor(Date.now() / 1000);
      const genuine = { sub: fixtures.userId, iss: 'konvergensi', aud: 'konvergensi-api', iat: now - 60 };
      const me = (token: string) => http().get('/api/v1/me').set('authorization', `Bearer ${token}`);

      const expired = await me(jwt({ ...genuine, iat: now - 1000, exp: now - 100 }, secret));
      expect(expired.status).toBe(401);
      expectErrorBody(expired.body, 'ACCESS_TOKEN_EXPIRED');

      const refused = [
        jwt({ ...genuine, exp: now + 300 }, 'kunci-lain-yang-bukan-rahasia-server-ini-sama-sekali'),
        jwt({ ...genuine, exp: now - 100 }, 'kunci-lain-yang-bukan-rahasia-server-ini-sama-sekali'),
        jwt({ ...genuine, exp: now + 300 }, null),
        jwt({ ...genuine, aud: 'aplikasi-lain', exp: now + 300 }, secret),
        jwt({ ...genuine, iss: 'penerbit-lain', exp: now + 300 }, secret),
        jwt({ ...genuine, sub: randomUUID(), exp: now + 300 }, secret),
        jwt({ ...genuine, sid: randomUUID(), exp: now + 300 }, secret),
        jwt({ ...genuine, nbf: now + 3600, exp: now + 7200 }, secret),
      ];
      for (const token of refused) {
        const response = await me(token);
        expect(response.status).toBe(401);
        expectErrorBody(response.body, 'UNAUTHENTICATED');
      }
      const wrongScheme = await http()
        .get('/api/v1/me')
        .set('authorization', `Basic ${Buffer.from('admin:sandi').toString('base64')}`);
      expect(wrongScheme.status).toBe(401);
    });

    it('ends the access token together with its session at logout, and leaves the other sessions of the user alive', async () => {
      const first = await session('metro.kepala-dinkes');
      const second = await session('metro.kepala-dinkes');
      expect((await http().get('/api/v1/me').set(first.bearer)).status).toBe(200);
      const out = await http().post('/api/v1/auth/logout').set('cookie', cookiePair(first.cookie)).set(csrf);
      expect(out.status).toBe(204);
      const after = await http().get('/api/v1/me').set(first.bearer);
      expect(after.status).toBe(401);
      expectErrorBody(after.body, 'UNAUTHENTICATED');
      expect((await http().get('/api/v1/me').set(second.bearer)).status).toBe(200);
    });

    it('ends every access token of the family when a rotated refresh token is replayed', async () => {
      const original = await session('metro.ketua');
      const rotated = await http().post('/api/v1/auth/refresh').set('cookie', cookiePair(original.cookie)).set(csrf);
      expect(rotated.status).toBe(200);
      const current = { authorization: `Bearer ${rotated.body.accessToken as string}` };
      expect((await http().get('/api/v1/me').set(original.bearer)).status).toBe(200);
      expect((await http().get('/api/v1/me').set(current)).status).toBe(200);

      const replay = await http().post('/api/v1/auth/refresh').set('cookie', cookiePair(original.cookie)).set(csrf);
      expect(replay.status).toBe(401);
      expectErrorBody(replay.body, 'INVALID_REFRESH_TOKEN');
      expect((await http().get('/api/v1/me').set(original.bearer)).status).toBe(401);
      expect((await http().get('/api/v1/me').set(current)).status).toBe(401);
    });

    it('ends the access tokens of an account when its password is reset through the mailed link', async () => {
      const admin = await logins.bearer('admin');
      const username = `keamanan.${Date.now()}`;
      const password = 'sandi-awal-yang-panjang';
      const created = await http()
        .post('/api/v1/users')
        .set(admin)
        .send({
          username,
          displayName: 'Pemantau Uji Keamanan',
          email: `${username}@riau.test`,
          password,
          roles: ['province_viewer'],
          provinceCode: '14',
        });
      expectStatus(created, 201);
      try {
        const signedIn = expectStatus(await login(username, password), 200);
        const bearer = { authorization: `Bearer ${signedIn.body.accessToken as string}` };
        expect((await http().get('/api/v1/me').set(bearer)).status).toBe(200);
        expect((await http().post('/api/v1/auth/password-reset').send({ identifier: username })).status).toBe(202);
        const mail = await stack.mail.waitFor((m) => m.to.some((to) => to.includes(username)), 30_000);
        const token = /token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1] as string;
        expect(token).toEqual(expect.any(String));
        loggedSecrets.push(token);
        const confirmed = await http()
          .post('/api/v1/auth/password-reset/confirm')
          .send({ token, newPassword: 'sandi-baru-yang-panjang' });
        expect(confirmed.status).toBe(204);
        expect((await http().get('/api/v1/me').set(bearer)).status).toBe(401);
        expect((await login(username, 'sandi-baru-yang-panjang')).status).toBe(200);
        const replayed = await http()
          .post('/api/v1/auth/password-reset/confirm')
          .send({ token, newPassword: 'sandi-ketiga-yang-panjang' });
        expect(replayed.status).toBe(400);
        expectErrorBody(replayed.body, 'INVALID_RESET_TOKEN');
      } finally {
        await http()
          .patch(`/api/v1/users/${created.body.id as string}`)
          .set(admin)
          .send({ active: false });
      }
    });

    it('authenticates data calls by the bearer token only: the refresh cookie alone opens nothing', async () => {
      const { cookie } = await session('metro.sekretaris');
      for (const path of ['/api/v1/me', '/api/v1/tasks', `/api/v1/aks/audits/${fixtures.auditId}`]) {
        const response = await http().get(path).set('cookie', cookiePair(cookie)).set(csrf);
        expect(response.status).toBe(401);
      }
    });

    it('refuses a login posted by a cross-site form (text/plain or urlencoded) without setting a cookie', async () => {
      const body = JSON.stringify({ username: 'admin', password: testEnvironment().demoPassword });
      for (const contentType of [
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
      ]) {
        const response = await http().post('/api/v1/auth/login').set('content-type', contentType).send(body);
        expect(response.status).toBe(400);
        expect(response.headers['set-cookie']).toBeUndefined();
      }
    });
  });

  describe('deny by default', () => {
    it('refuses every operation of the OpenAPI document but the public nine to a caller without a token, with 401', async () => {
      expect(operations.length).toBeGreaterThan(90);
      // Public routes may answer 401 themselves (refresh without a cookie); the guard's refusal is
      // 401 UNAUTHENTICATED, and only the public nine may answer anything else.
      const reachable: string[] = [];
      for (const operation of operations) {
        const response = await call(operation, resolve(operation.template, 'metro'), {}, undefined);
        if (response.status !== 401 || response.body?.code !== 'UNAUTHENTICATED') reachable.push(operation.label);
        else expectErrorBody(response.body, 'UNAUTHENTICATED');
      }
      expect(reachable.sort()).toEqual(publicOperations);
    });

    it('refuses every non-public operation to an expired token with 401 ACCESS_TOKEN_EXPIRED', async () => {
      const now = Math.floor(Date.now() / 1000);
      const expired = jwt(
        { sub: fixtures.userId, iss: 'konvergensi', aud: 'konvergensi-api', iat: now - 2000, exp: now - 1000 },
        testEnvironment().authSecret,
      );
      const codes = new Set<string>();
      for (const operation of operations.filter((o) => !publicOperations.includes(o.label))) {
        const response = await call(
          operation,
          resolve(operation.template, 'metro'),
          { authorization: `Bearer ${expired}` },
          undefined,
        );
        codes.add(`${response.status} ${String(response.body?.code)}`);
      }
      expect([...codes]).toEqual(['401 ACCESS_TOKEN_EXPIRED']);
    });
  });

  describe("tenancy: Kota Dumai's users on Kota Metro's resources", () => {
    const dumaiUsers = [
      'dumai.ketua',
      'dumai.sekretaris',
      'dumai.dinkes',
      'dumai.kepala-dinkes',
      'dumai.aks-teknis',
      'dumai.aks-pakar',
      'riau.provinsi',
    ];

    it("reaches each of Metro's resources in the sweep as a Metro user, so the refusals below are about tenancy", async () => {
      const insiders = ['metro.sekretaris', 'metro.aks-teknis', 'lampung.provinsi', 'admin'];
      // The lead's export of identities needs a step-up of the last minutes in that session.
      const lead = new ApiClient(stack.baseUrl, await logins.token('metro.aks-teknis'));
      expect((await lead.stepUp('metro.aks-teknis')).status).toBe(200);
      const unreachable: string[] = [];
      for (const operation of operations.filter((o) => o.method === 'get' && isTenantScoped(o))) {
        let reached = false;
        for (const username of insiders) {
          const response = await call(
            operation,
            resolve(operation.template, 'metro'),
            await logins.bearer(username),
            undefined,
          );
          if (![401, 403, 404].includes(response.status)) {
            reached = true;
            break;
          }
        }
        if (!reached) unreachable.push(operation.label);
      }
      expect(unreachable).toEqual([]);
    });

    it.each(dumaiUsers)(
      "answers %s on every operation on Metro's resources exactly as on resources that do not exist",
      async (username) => {
        const bearer = await logins.bearer(username);
        const differences: string[] = [];
        let compared = 0;
        for (const operation of operations.filter(isTenantScoped)) {
          const [metro, missing] = await Promise.all([
            call(operation, resolve(operation.template, 'metro'), bearer, bodyFor(operation, 'metro')),
            call(operation, resolve(operation.template, 'missing'), bearer, bodyFor(operation, 'missing')),
          ]);
          compared += 1;
          expectNoInternals(metro);
          const seen = `${metro.status} ${String(metro.body?.code)}`;
          const expected = `${missing.status} ${String(missing.body?.code)}`;
          const refused =
            metro.status === 403 || metro.status === 404 || (metro.status === 400 && operation.method !== 'get');
          if (seen !== expected || !refused) differences.push(`${operation.label}: ${seen}, not found: ${expected}`);
        }
        expect(compared).toBeGreaterThan(70);
        expect(differences).toEqual([]);
      },
    );

    it("answers a bulk reassignment naming a Metro task from Dumai's own regency as if the task did not exist", async () => {
      const bearer = await logins.bearer('dumai.sekretaris');
      const reassign = (taskId: string) =>
        http()
          .post('/api/v1/regencies/14.72/tasks/reassign')
          .set(bearer)
          .set('idempotency-key', `keamanan-${randomUUID()}`)
          .send({ taskIds: [taskId], unitCode: 'DINSOS', reason: 'Mutasi pegawai' });
      const metro = await reassign(fixtures.taskId);
      const missing = await reassign(randomUUID());
      expect(metro.status).toBe(200);
      expect(metro.body).toMatchObject({ reassigned: 0, failed: 1, results: [{ ok: false, code: 'TASK_NOT_FOUND' }] });
      expect({ ...metro.body, results: [] }).toEqual({ ...missing.body, results: [] });
      const task = await http()
        .get(`/api/v1/tasks/${fixtures.taskId}`)
        .set(await logins.bearer('metro.sekretaris'));
      expect(task.body).toMatchObject({ status: 'open', unit: expect.objectContaining({ code: 'DINKES' }) });
    });
  });

  describe('errors', () => {
    it('answers hostile and malformed requests with 4xx { code, message } that show no stack, SQL or path', async () => {
      const ketua = await logins.bearer('metro.ketua');
      const dinkes = await logins.bearer('metro.dinkes');
      const responses = await Promise.all([
        http().post('/api/v1/auth/login').set('content-type', 'application/json').send('{"username":"admin",'),
        http().get('/api/v1/tasks/bukan-uuid').set(ketua),
        http().get(`/api/v1/tasks/${fixtures.taskId}'%20OR%20'1'='1`).set(ketua),
        http().get('/api/v1/tasks/%E0%A4%A').set(ketua),
        http().get('/api/v1/regencies/18.72/cycles/99999999999999999999999').set(ketua),
        http().get('/api/v1/tasks?pageSize[]=1&status[$ne]=x').set(ketua),
        http().delete('/api/v1/me').set(ketua),
        http()
          .post('/api/v1/regencies/18.72/cycles')
          .set(await logins.bearer('metro.sekretaris'))
          .set('content-type', 'application/json')
          .send(`{"year": ${year}, "__proto__": {"isAdmin": true}}`),
        http()
          .post('/api/v1/auth/login')
          .set('content-type', 'application/json')
          .send(JSON.stringify({ username: 'admin', password: 'x'.repeat(2 * 1024 * 1024) })),
        http()
          .put(`/api/v1/regencies/18.72/indicators/${year}/1`)
          .set(dinkes)
          .set('content-type', 'application/json')
          .send('{"values":[{"code":"Pilar 3. A7","numerator":1e400,"denominator":10}]}'),
        http()
          .post(`/api/v1/tasks/${fixtures.taskId}/evidence`)
          .set(dinkes)
          .set('content-type', 'text/plain')
          .send('bukan berkas'),
        http()
          .get('/api/v1/me')
          .set('authorization', `Bearer ${'a'.repeat(8000)}`),
        http()
          .post('/api/v1/auth/login')
          .send({ username: { $gt: '' }, password: { $gt: '' } }),
      ]);
      for (const response of responses) {
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expectErrorBody(response.body);
        expect(Object.keys(response.body as object).every((key) => ['code', 'message', 'details'].includes(key))).toBe(
          true,
        );
        expectNoInternals(response);
      }
    });
  });

  describe('secrets', () => {
    it('keeps the reset link token, bearer tokens, refresh cookies and passwords out of the access log', async () => {
      const token = `uji-token-${randomUUID()}`;
      loggedSecrets.push(token);
      expect((await http().get(`/atur-ulang-kata-sandi?token=${token}`)).status).toBe(200);
      expect((await http().get(`/api/v1/me?token=${token}`)).status).toBe(401);
      await session('metro.dinkes');
      // pino writes the access log line when the response ends: wait for the last request's.
      await eventually(async () => (stack.api.output().includes('/api/v1/me?token=') ? true : undefined), 10_000);
      const log = stack.api.output();
      expect(log).toContain('atur-ulang-kata-sandi?token=[disembunyikan]');
      const found = [...loggedSecrets, testEnvironment().demoPassword, testEnvironment().authSecret].filter((secret) =>
        log.includes(secret),
      );
      expect(found).toEqual([]);
    });

    it('keeps no private key, cloud token or secret literal in any tracked file of the repository', () => {
      const listed = spawnSync('git', ['ls-files', '-z'], { cwd: repoRoot, encoding: 'utf8' });
      expect(listed.status).toBe(0);
      const files = listed.stdout.split('\0').filter(Boolean);
      expect(files.length).toBeGreaterThan(100);
      const secretFileNames =
        /(^|\/)(\.env(\.(?!example$)[^/]*)?|id_(rsa|ecdsa|ed25519)|auth-secret|aks-identity-key)$|\.(pem|key|p12|pfx)$|(^|\/)\.data\//;
      expect(files.filter((file) => secretFileNames.test(file))).toEqual([]);
      const begin = ['-----BEGIN', '[A-Z ]*PRIVATE KEY-----'].join(' ');
      const patterns = [
        new RegExp(begin),
        /\bAKIA[0-9A-Z]{16}\b/,
        /\bgh[pousr]_[A-Za-z0-9]{36}\b/,
        /\bxox[abprs]-[A-Za-z0-9-]{10,}/,
        // A secret setting given a literal value (a reference such as ${AUTH_SECRET} is fine).
        /\b(AUTH_SECRET|AKS_IDENTITY_KEY|SMTP_PASSWORD|DEMO_PASSWORD)['"]?\s*[:=]\s*['"][^'"${}\s]{8,}['"]/,
        // Credentials inside a database URL, except the throwaway password of the compose container.
        /postgres(ql)?:\/\/[^:/@\s]+:(?!postgres@)[^@\s]+@/,
      ];
      const hits: string[] = [];
      for (const file of files) {
        const path = join(repoRoot, file);
        let size: number;
        try {
          size = statSync(path).size;
        } catch {
          continue; // listed but deleted in the working tree
        }
        if (size > 2_000_000 || file.endsWith('package-lock.json')) continue;
        const text = readFileSync(path, 'utf8');
        if (text.includes('\0')) continue;
        for (const pattern of patterns) if (pattern.test(text)) hits.push(`${file}: ${pattern.source}`);
      }
      expect(hits).toEqual([]);
    });

    it('reads the environment only in the entry points, where the configuration is parsed once', () => {
      const listed = spawnSync('git', ['ls-files', '-z'], { cwd: repoRoot, encoding: 'utf8' });
      const sources = listed.stdout
        .split('\0')
        .filter((file) => /^(apps\/[^/]+\/src|libs\/[^/]+\/src|workflows)\/.*\.tsx?$/.test(file))
        .filter((file) => !/\.spec\.tsx?$/.test(file));
      expect(sources.length).toBeGreaterThan(50);
      const readers = sources.filter((file) => {
        try {
          return readFileSync(join(repoRoot, file), 'utf8')
            .split('\n')
            .some((line) => line.includes('process.env') && !/^\s*(\*|\/\/|\/\*)/.test(line));
        } catch {
          return false;
        }
      });
      // seed.ts is the demo-data command (DATABASE_URL, DEMO_PASSWORD), not a server process.
      expect(readers.sort()).toEqual(['apps/api/src/main.ts', 'apps/api/src/seed.ts', 'apps/worker/src/main.ts']);
    });
  });
});

describe('start-up configuration and the deployment behind a proxy', () => {
  const environment = () => testEnvironment();
  const baseEnv = () => ({
    DATABASE_URL: environment().databaseUrl,
    TEMPORAL_ADDRESS: environment().temporalAddress,
    AUTH_SECRET: environment().authSecret,
    AKS_IDENTITY_KEY: 'a5'.repeat(32),
  });

  describe('behind a TLS-terminating reverse proxy (APP_BASE_URL https, TRUST_PROXY loopback)', () => {
    let api: ReturnType<typeof startApp>;
    let baseUrl: string;

    beforeAll(async () => {
      const port = await freePort();
      api = startApp(
        'api',
        {
          ...baseEnv(),
          PORT: String(port),
          APP_BASE_URL: 'https://konvergensi.example',
          TRUST_PROXY: 'loopback',
          LOGIN_RATE_LIMIT_PER_MINUTE: '3',
        },
        join(environment().workDir, 'security-proxy-api.log'),
      );
      baseUrl = `http://127.0.0.1:${port}`;
      await eventually(async () => ((await fetch(`${baseUrl}/api/health`)).status > 0 ? true : undefined), 60_000);
    });

    afterAll(async () => {
      await api?.stop();
    });

    const loginFrom = (address: string, username: string, password: string) =>
      request(baseUrl).post('/api/v1/auth/login').set('x-forwarded-for', address).send({ username, password });

    it('sets the refresh cookie Secure, HttpOnly, SameSite=Strict, scoped to /api/v1/auth and expiring in 14 days', async () => {
      const response = await loginFrom('203.0.113.10', 'metro.ketua', environment().demoPassword);
      expect(response.status).toBe(200);
      const attributes = refreshCookieOf(response)
        .split(';')
        .slice(1)
        .map((a) => a.trim());
      expect(attributes).toEqual(
        expect.arrayContaining(['Path=/api/v1/auth', 'HttpOnly', 'Secure', 'SameSite=Strict']),
      );
      const expires = Date.parse(attributes.find((a) => a.startsWith('Expires='))?.slice(8) ?? '');
      expect(Math.round((expires - Date.now()) / 86_400_000)).toBe(14);
      expect(attributes.some((a) => /^Domain=/i.test(a))).toBe(false);
    });

    it('counts login attempts per client address from X-Forwarded-For, so one client cannot block everyone', async () => {
      const statuses: number[] = [];
      // A name of its own: unknown names are locked after 5 failures like accounts are.
      const unknown = `tidak.ada.${randomUUID().slice(0, 8)}`;
      for (let attempt = 0; attempt < 4; attempt++)
        statuses.push((await loginFrom('203.0.113.20', unknown, 'salah-sekali')).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      const elsewhere = await loginFrom('203.0.113.21', 'metro.sekretaris', environment().demoPassword);
      expect(elsewhere.status).toBe(200);
    });
  });

  it.each([
    ['an AUTH_SECRET shorter than 32 characters', { AUTH_SECRET: 'pendek'.repeat(2) }, 'AUTH_SECRET'],
    ['DEMO_MODE in production', { NODE_ENV: 'production', DEMO_MODE: 'true' }, 'DEMO_MODE'],
    ['production without AKS_IDENTITY_KEY', { NODE_ENV: 'production', AKS_IDENTITY_KEY: '' }, 'AKS_IDENTITY_KEY'],
  ])('refuses to start the API with %s, naming the variable', async (_what, overrides, variable) => {
    const port = await freePort();
    const api = startApp(
      'api',
      { ...baseEnv(), PORT: String(port), ...overrides },
      join(environment().workDir, `security-config-${variable}.log`),
    );
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([
      api.exited,
      new Promise<'running'>((r) => {
        timer = setTimeout(() => r('running'), 20_000);
      }),
    ]);
    clearTimeout(timer);
    if (code === 'running') await api.kill();
    expect(code).not.toBe('running');
    expect(code).not.toBe(0);
    expect(api.output()).toContain(variable);
  });
});
