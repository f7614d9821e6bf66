import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import request from 'supertest';
import { PipeCheckRecord } from '@konvergensi/persistence';
import { ApiClient } from './support/api-client';
import { aksCsv, badutaRow, daysAgo, startAudit, waitForStage } from './support/aks-fixtures';
import { testEnvironment } from './support/environment';
import {
  expectStatus,
  insertTask,
  Logins,
  openDatabase,
  pngBytes,
  startFileStack,
  type FileStack,
} from './support/fixtures';

/**
 * Each role × each endpoint of the API, on Kota Metro's resources → the class of outcome:
 * 401, 403, 404 (a resource the caller may not even know of), or allowed (anything else; the
 * task actions answer 501 until the task workflow exists).
 */
type Outcome = 401 | 403 | 404 | 'allowed';
const roles = [
  'anonymous',
  'admin',
  'province_viewer',
  'tpps_chair',
  'tpps_secretary',
  'opd_officer',
  'opd_head',
  'aks_technical',
  'aks_expert',
] as const;
type Role = (typeof roles)[number];

const userOf: Record<Exclude<Role, 'anonymous'>, string> = {
  admin: 'admin',
  province_viewer: 'lampung.provinsi',
  tpps_chair: 'metro.ketua',
  tpps_secretary: 'metro.sekretaris',
  opd_officer: 'metro.dinkes',
  opd_head: 'metro.kepala-dinkes',
  aks_technical: 'metro.aks-teknis',
  aks_expert: 'metro.aks-pakar',
};

interface Fixtures {
  taskId: string;
  evidenceId: string;
  userId: string;
  recommendationId: string;
  activityId: string;
  doomedActivityId: string;
  auditId: string;
  caseId: string;
  /** A case whose identity the lead's erasure row removes, so the other rows keep theirs. */
  erasableCaseId: string;
  pipeCheckId: string;
  substituteId: string;
  sessionId: string;
}

interface Endpoint {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  body?: (role: Role) => unknown;
  /** A multipart upload in the field "file": evidence (a PNG) unless a file is given. */
  upload?: boolean | { filename: string; content: () => Buffer };
  /** Serves identities of AKS cases: never 'allowed' for anyone outside the AKS teams. */
  identity?: boolean;
  /** Run before the call (as admin, or as the role) so the resource is there for an allowed caller. */
  prepare?: (role: Role) => Promise<void>;
  /** A refresh cookie to send along (`konvergensi_refresh=…`), made fresh for each call. */
  cookie?: () => Promise<string>;
  expected: Record<Role, Outcome>;
}

const A = 'allowed' as const;
/** Helper: one outcome per role in the order of `roles`. */
function row(...outcomes: Outcome[]): Record<Role, Outcome> {
  return Object.fromEntries(roles.map((role, i) => [role, outcomes[i] as Outcome])) as Record<Role, Outcome>;
}

const everyoneSignedIn = row(401, A, A, A, A, A, A, A, A);
const adminOnly = row(401, A, 403, 403, 403, 403, 403, 403, 403);
const secretaryOrAdmin = row(401, A, 403, 403, A, 403, 403, 403, 403);
const indicatorEditors = row(401, A, 403, 403, A, A, A, 403, 403);
const taskReaders = row(401, A, A, A, A, A, A, 404, 404);
const assignee = row(401, 403, 403, 403, 403, A, A, 404, 404);
const coordinators = row(401, A, 403, A, A, 403, 403, 404, 404);
const publicRoute = row(A, A, A, A, A, A, A, A, A);
/** Village data of Aksi 1: unit staff for their unit, the TPPS coordinators (and admin) for any. */
const villageDataEditors = row(401, A, 403, A, A, A, A, 403, 403);
const chairOrAdmin = row(401, A, 403, A, 403, 403, 403, 403, 403);
const chairSecretaryOrAdmin = row(401, A, 403, A, A, 403, 403, 403, 403);
const portalExporters = row(401, A, A, A, A, 403, 403, 403, 403);
const provinceGraders = row(401, A, A, 403, 403, 403, 403, 403, 403);
// The audit is organisational work of the secretariat and the AKS teams; the admin manages
// accounts and has no part in it. Case identities: other roles do not even learn a case exists.
const auditRunners = row(401, 403, 403, 403, A, 403, 403, A, 403);
const aksReportApprover = row(401, 403, 403, A, 403, 403, 403, 403, 403);
const caseRecorders = row(401, 403, 403, 403, 403, 403, 403, A, 403);
const aksTeams = row(401, 403, 403, 403, 403, 403, 403, A, A);
const caseReaders = row(401, 404, 404, 404, 404, 404, 404, A, A);
const caseMeasurers = row(401, 404, 404, 404, 404, 404, 404, A, 403);
const caseSigners = row(401, 404, 404, 404, 404, 404, 404, 403, A);
/** The officer's own substitutes (pengganti): unit officers and heads only, not even the admin. */
const unitStaff = row(401, 403, 403, 403, 403, A, A, 403, 403);
/** A public step whose token decides, never the caller: an unknown challenge is 401 for everyone. */
const challengeDecides = row(401, 401, 401, 401, 401, 401, 401, 401, 401);

/** A year no other test file uses for Kota Metro (the test database is shared). */
const year = 2051;
const holidayDate = '2028-03-13';
const metroVillage = '18.72.05.1003';
const cycle = `/api/v1/regencies/18.72/cycles/${year}`;
const reports = `/api/v1/regencies/18.72/reports/${year}`;
const plannedActivity = (name: string) => ({
  unitCode: 'DINKES',
  name,
  intervention: 'spesifik',
  target: 'Balita di kelurahan lokus',
  location: 'Kota Metro',
  budget: 1_500_000,
  fundingSource: 'apbd_kabupaten_kota',
});
const measurement = () => ({ berat_badan: '7,6', tinggi_badan: '70', tanggal_ukur: daysAgo(1) });

describe('authorization matrix: each role × each endpoint on Kota Metro', () => {
  let stack: FileStack;
  let db: DataSource;
  let logins: Logins;
  const fixtures: Fixtures = {
    taskId: '',
    evidenceId: '',
    userId: '',
    recommendationId: '',
    activityId: '',
    doomedActivityId: '',
    auditId: '',
    caseId: '',
    erasableCaseId: '',
    pipeCheckId: '',
    substituteId: '',
    sessionId: '',
  };
  /** Logs in afresh and answers the new session's refresh cookie as a browser sends it back. */
  const freshRefreshCookie = async (): Promise<string> => {
    const session = await request(stack.baseUrl)
      .post('/api/v1/auth/login')
      .send({ username: 'metro.ketua', password: testEnvironment().demoPassword });
    const cookies = ([] as string[]).concat(expectStatus(session, 200).headers['set-cookie'] ?? []);
    const cookie = cookies.find((c) => c.startsWith('konvergensi_refresh='));
    if (!cookie) throw new Error(`no refresh cookie in ${JSON.stringify(cookies)}`);
    return cookie.split(';')[0] as string;
  };
  let workerStopped = false;
  /** The lead's full reveals and erasures need a step-up (password and code again) of the last minutes. */
  const stepUpTheLead = async (role: Role) => {
    if (role !== 'aks_technical') return;
    const stepped = await new ApiClient(stack.baseUrl, await logins.token(userOf[role])).stepUp(userOf[role]);
    if (stepped.status !== 200) throw new Error(`step-up failed: ${JSON.stringify(stepped.body)}`);
  };

  const endpoints: Endpoint[] = [
    { method: 'get', path: '/api/health', expected: publicRoute },

    // ── sign-in: public, and answering the same whatever bearer token rides along ─────────────
    {
      method: 'post',
      path: '/api/v1/auth/login',
      body: () => ({ username: 'metro.ketua', password: testEnvironment().demoPassword }),
      expected: publicRoute,
    },
    // The refresh cookie decides (a fresh one here: 200 for everyone); without one it is 401 for everyone.
    { method: 'post', path: '/api/v1/auth/refresh', cookie: freshRefreshCookie, expected: publicRoute },
    { method: 'post', path: '/api/v1/auth/logout', expected: publicRoute },
    // The same 202 for every caller and every identifier, known or not (no account enumeration).
    {
      method: 'post',
      path: '/api/v1/auth/password-reset',
      body: () => ({ identifier: 'tidak.ada.matriks' }),
      expected: publicRoute,
    },
    // The link's token decides, never the caller: an unknown one is 400 INVALID_RESET_TOKEN for everyone.
    {
      method: 'post',
      path: '/api/v1/auth/password-reset/confirm',
      body: () => ({ token: 'token-tautan-yang-tidak-pernah-dikirim', newPassword: 'sandi-matriks-panjang' }),
      expected: publicRoute,
    },
    // The second step of a login and the enrolment at a first login: the challenge token decides.
    {
      method: 'post',
      path: '/api/v1/auth/login/mfa',
      body: () => ({ challengeToken: 'tantangan-yang-tidak-pernah-dibuat', code: '123456' }),
      expected: challengeDecides,
    },
    {
      method: 'post',
      path: '/api/v1/auth/mfa/enrolment',
      body: () => ({ challengeToken: 'tantangan-yang-tidak-pernah-dibuat' }),
      expected: challengeDecides,
    },
    {
      method: 'post',
      path: '/api/v1/auth/mfa/enrolment/confirm',
      body: () => ({ challengeToken: 'tantangan-yang-tidak-pernah-dibuat', code: '123456' }),
      expected: challengeDecides,
    },
    { method: 'get', path: '/api/v1/me', expected: everyoneSignedIn },
    // One's own authenticator: the admin and AKS teams have one (409 to a new enrolment), the
    // others may start one; a wrong code or password is a 400 for one's own account only.
    { method: 'get', path: '/api/v1/me/mfa', expected: everyoneSignedIn },
    { method: 'post', path: '/api/v1/me/mfa/enrolment', expected: everyoneSignedIn },
    {
      method: 'post',
      path: '/api/v1/me/mfa/enrolment/confirm',
      body: () => ({ code: '000000' }),
      expected: everyoneSignedIn,
    },
    {
      method: 'post',
      path: '/api/v1/me/mfa/recovery-codes',
      body: () => ({ password: 'bukan-sandi-yang-benar', code: '000000' }),
      expected: everyoneSignedIn,
    },
    {
      method: 'post',
      path: '/api/v1/me/mfa/disable',
      body: () => ({ password: 'bukan-sandi-yang-benar', code: '000000' }),
      expected: everyoneSignedIn,
    },
    {
      method: 'post',
      path: '/api/v1/me/step-up',
      body: () => ({ password: 'bukan-sandi-yang-benar', code: '000000' }),
      expected: everyoneSignedIn,
    },
    // The caller's own account: everyone signed in, on their own account only.
    {
      // A wrong current password: answers 400 CURRENT_PASSWORD_WRONG to a caller who may change
      // theirs, and changes no demo password that other files log in with.
      method: 'post',
      path: '/api/v1/me/password',
      body: () => ({ currentPassword: 'bukan-sandi-yang-benar', newPassword: 'sandi-matriks-baru-panjang' }),
      expected: everyoneSignedIn,
    },
    { method: 'get', path: '/api/v1/me/sessions', expected: everyoneSignedIn },
    {
      // A second session of the same user, made for the call: ending it leaves the matrix's own.
      method: 'delete',
      path: '/api/v1/me/sessions/:sessionId',
      prepare: async (role) => {
        if (role === 'anonymous') return;
        const client = await ApiClient.as(stack.baseUrl, userOf[role]);
        const listed = await client.get<{ id: string; current: boolean }[]>('/api/v1/me/sessions');
        fixtures.sessionId = listed.body.find((session) => session.current)?.id ?? '';
      },
      expected: everyoneSignedIn,
    },
    { method: 'get', path: '/api/v1/me/substitutes', expected: unitStaff },
    {
      // Far in the future: the substitute gets no access to the unit's tasks in other test files.
      method: 'post',
      path: '/api/v1/me/substitutes',
      body: () => ({ substituteUsername: 'metro.sekretaris', startsOn: '2099-01-05', endsOn: '2099-01-09' }),
      expected: unitStaff,
    },
    {
      // Only the officer who named the substitute may end it: each unit role ends one of their own.
      method: 'delete',
      path: '/api/v1/me/substitutes/:substituteId',
      prepare: async (role) => {
        const named = await request(stack.baseUrl)
          .post('/api/v1/me/substitutes')
          .set(await logins.bearer(role === 'opd_head' ? userOf.opd_head : userOf.opd_officer))
          .send({ substituteUsername: 'metro.sekretaris', startsOn: '2099-02-02', endsOn: '2099-02-06' });
        fixtures.substituteId = (expectStatus(named, 201).body as { id: string }).id;
      },
      expected: unitStaff,
    },
    // The walking skeleton's diagnostics: the system admin only.
    {
      method: 'post',
      path: '/api/v1/pipe-checks',
      body: () => ({ recipient: 'matriks.pipa@metro.test' }),
      expected: adminOnly,
    },
    { method: 'get', path: '/api/v1/pipe-checks/:pipeCheckId', expected: adminOnly },
    { method: 'get', path: '/api/v1/regions', expected: everyoneSignedIn },
    { method: 'get', path: '/api/v1/indicators/catalogue?semester=1&unit=me', expected: everyoneSignedIn },
    {
      method: 'get',
      path: '/api/v1/regencies/18.72/holidays?from=2027-01-01&to=2027-01-31',
      expected: everyoneSignedIn,
    },
    { method: 'get', path: '/api/v1/regions/18.72', expected: everyoneSignedIn },
    {
      method: 'post',
      path: '/api/v1/regions',
      body: () => ({ code: '18.72.91', level: 'district', name: 'Kecamatan Uji Matriks', parentCode: '18.72' }),
      expected: adminOnly,
    },
    { method: 'get', path: '/api/v1/regencies/18.72/units', expected: everyoneSignedIn },
    {
      method: 'post',
      path: '/api/v1/regencies/18.72/units',
      body: () => ({ code: 'UJI_MATRIKS', name: 'Unit Uji Matriks' }),
      expected: adminOnly,
    },
    {
      method: 'patch',
      path: '/api/v1/regencies/18.72/units/UJI_MATRIKS',
      // A name, not a role mapping: a unit mapped to a role would be handed that role's tasks in the
      // cycles other test files start in Metro.
      body: () => ({ name: 'Unit Uji Matriks Diubah' }),
      expected: adminOnly,
    },
    { method: 'get', path: '/api/v1/users?regencyCode=18.72', expected: adminOnly },
    {
      method: 'post',
      path: '/api/v1/users',
      body: () => ({
        username: 'matriks.baru',
        displayName: 'Pengguna Matriks Baru',
        email: 'matriks.baru@metro.test',
        password: 'sandi-matriks-panjang',
        roles: ['tpps_chair'],
        regencyCode: '18.72',
      }),
      expected: adminOnly,
    },
    {
      method: 'patch',
      path: '/api/v1/users/:userId',
      body: () => ({ displayName: 'Nama Diubah' }),
      expected: adminOnly,
    },
    // The admin resets a lost authenticator (the matrix's user has none: the same 204).
    { method: 'delete', path: '/api/v1/users/:userId/mfa', expected: adminOnly },
    { method: 'get', path: '/api/v1/regencies/18.72/holiday-overrides', expected: everyoneSignedIn },
    {
      method: 'put',
      path: '/api/v1/regencies/18.72/holiday-overrides',
      body: () => ({ overrides: [{ date: holidayDate, kind: 'holiday', name: 'Cuti bersama uji' }] }),
      expected: secretaryOrAdmin,
    },
    {
      method: 'delete',
      path: `/api/v1/regencies/18.72/holiday-overrides/${holidayDate}`,
      prepare: async () => {
        await request(stack.baseUrl)
          .put('/api/v1/regencies/18.72/holiday-overrides')
          .set(await logins.bearer('admin'))
          .send({ overrides: [{ date: holidayDate, kind: 'holiday', name: 'Cuti bersama uji' }] })
          .expect(200);
      },
      expected: secretaryOrAdmin,
    },
    { method: 'get', path: '/api/v1/regencies/18.72/escalation-settings', expected: everyoneSignedIn },
    {
      method: 'put',
      path: '/api/v1/regencies/18.72/escalation-settings',
      body: () => ({
        ladder: { reminderWorkingDaysBefore: [3], secretaryAfterWorkingDays: 3, chairAfterWorkingDays: 7 },
        escalationDelivery: 'digest',
        digestTime: '07:00',
        unitDigestEnabled: true,
      }),
      expected: secretaryOrAdmin,
    },
    { method: 'post', path: '/api/v1/regencies/18.72/cycles', body: () => ({ year }), expected: secretaryOrAdmin },
    { method: 'get', path: `/api/v1/regencies/18.72/cycles/${year}`, expected: everyoneSignedIn },
    { method: 'get', path: '/api/v1/tasks', expected: everyoneSignedIn },
    { method: 'get', path: '/api/v1/tasks/:taskId', expected: taskReaders },
    { method: 'post', path: '/api/v1/tasks/:taskId/submit', body: () => ({ note: '' }), expected: assignee },
    {
      method: 'post',
      path: '/api/v1/tasks/:taskId/extension-requests',
      body: () => ({ requestedDueDate: '2028-12-28', reason: 'Data belum lengkap' }),
      expected: assignee,
    },
    { method: 'post', path: '/api/v1/tasks/:taskId/approve', body: () => ({ note: '' }), expected: coordinators },
    {
      method: 'post',
      path: '/api/v1/tasks/:taskId/return',
      body: () => ({ reason: 'Lengkapi notulen' }),
      expected: coordinators,
    },
    {
      method: 'post',
      path: '/api/v1/tasks/:taskId/reassign',
      body: () => ({ unitCode: 'DINSOS', reason: 'Salah unit' }),
      expected: coordinators,
    },
    // The fixture task has no workflow: an allowed caller meets 409 TASK_CLOSED and nothing changes.
    {
      method: 'post',
      path: '/api/v1/tasks/:taskId/extension-requests/decision',
      body: () => ({ approve: true, note: '' }),
      expected: coordinators,
    },
    {
      method: 'post',
      path: '/api/v1/tasks/:taskId/cancel',
      body: () => ({ reason: 'Tidak jadi dikerjakan' }),
      expected: coordinators,
    },
    {
      // A unit the regency lacks: an allowed caller meets 400 UNIT_NOT_FOUND and no task starts.
      method: 'post',
      path: '/api/v1/regencies/18.72/tasks',
      body: () => ({ title: 'Tugas rapat matriks', unitCode: 'TIDAK_ADA', dueDate: `${year}-06-30` }),
      expected: chairSecretaryOrAdmin,
    },
    {
      // A task that does not exist: an allowed caller gets its per-task TASK_NOT_FOUND result.
      method: 'post',
      path: '/api/v1/regencies/18.72/tasks/reassign',
      body: () => ({ taskIds: [randomUUID()], unitCode: 'DINSOS', reason: 'Mutasi pegawai' }),
      expected: chairSecretaryOrAdmin,
    },
    { method: 'get', path: '/api/v1/tasks/:taskId/evidence', expected: taskReaders },
    { method: 'post', path: '/api/v1/tasks/:taskId/evidence', upload: true, expected: assignee },
    { method: 'get', path: '/api/v1/evidence/:evidenceId', expected: taskReaders },
    {
      method: 'put',
      path: `/api/v1/regencies/18.72/indicators/${year}/1`,
      body: () => ({ values: [{ code: 'Pilar 3. A7', numerator: 5, denominator: 10 }] }),
      expected: indicatorEditors,
    },
    {
      // A preview only: the form's header row and no values, nothing stored.
      method: 'post',
      path: `/api/v1/regencies/18.72/indicators/${year}/1/import`,
      upload: { filename: 'formulir.csv', content: () => Buffer.from('KODE INDIKATOR;CAPAIAN\n') },
      expected: indicatorEditors,
    },
    {
      // The PUT above stored the value; it has no warning, so an allowed caller gets 409.
      method: 'post',
      path: `/api/v1/regencies/18.72/indicators/${year}/1/confirmations`,
      body: () => ({ code: 'Pilar 3. A7', note: 'Sudah diperiksa' }),
      expected: indicatorEditors,
    },
    { method: 'get', path: `/api/v1/regencies/18.72/indicators/${year}/1`, expected: everyoneSignedIn },
    { method: 'get', path: `/api/v1/regencies/18.72/dashboard?year=${year}`, expected: everyoneSignedIn },

    // ── the year's data work (Aksi 1, Aksi 8) ─────────────────────────────────────────────────
    {
      method: 'put',
      path: `${cycle}/village-situation`,
      body: () => ({ unitCode: 'DINKES', rows: [{ villageCode: metroVillage, prevalence: 12.5, cases: 3 }] }),
      expected: villageDataEditors,
    },
    { method: 'get', path: `${cycle}/situation-analysis`, expected: everyoneSignedIn },
    { method: 'get', path: `${cycle}/lokus`, expected: everyoneSignedIn },
    {
      method: 'post',
      path: `${cycle}/lokus/decision`,
      body: () => ({ add: [metroVillage] }),
      expected: secretaryOrAdmin,
    },
    { method: 'get', path: `${cycle}/review-recommendations`, expected: everyoneSignedIn },
    {
      method: 'post',
      path: `${cycle}/review-recommendations`,
      body: () => ({ text: 'Perkuat pendataan balita di kelurahan lokus' }),
      expected: secretaryOrAdmin,
    },
    {
      method: 'post',
      path: `${cycle}/review-recommendations/:recommendationId/resolve`,
      expected: secretaryOrAdmin,
    },

    // ── schedules (admin); `trigger` is the last row of the matrix (see there) ───────────────────
    { method: 'get', path: '/api/v1/regencies/18.72/schedules', expected: adminOnly },
    {
      method: 'post',
      path: '/api/v1/regencies/18.72/schedules/year-start/pause',
      body: () => ({ note: 'Uji matriks akses' }),
      expected: adminOnly,
    },
    {
      method: 'post',
      path: '/api/v1/regencies/18.72/schedules/year-start/resume',
      body: () => ({ note: 'Uji matriks akses selesai' }),
      expected: adminOnly,
    },

    // ── status, national portal, province ───────────────────────────────────────────────────
    { method: 'get', path: `${cycle}/status`, expected: everyoneSignedIn },
    { method: 'get', path: `${cycle}/actions/AKSI_1/portal-export`, expected: portalExporters },
    { method: 'get', path: `${cycle}/actions/AKSI_1/portal-milestones`, expected: everyoneSignedIn },
    {
      method: 'put',
      path: `${cycle}/actions/AKSI_1/portal-milestones/data_entered`,
      body: () => ({ reachedOn: daysAgo(2), note: 'Data diinput ke portal' }),
      expected: secretaryOrAdmin,
    },
    { method: 'get', path: `/api/v1/provinces/18/overview?year=${year}`, expected: provinceGraders },
    { method: 'get', path: `/api/v1/regencies/18.72/assessments/${year}`, expected: everyoneSignedIn },
    {
      method: 'put',
      path: `/api/v1/regencies/18.72/assessments/${year}`,
      body: () => ({ grades: [{ indicatorCode: 'AKSI_1.TAHAPAN', grade: 'B', note: 'Uji matriks akses' }] }),
      expected: provinceGraders,
    },

    // ── semester report ─────────────────────────────────────────────────────────────────────
    { method: 'get', path: `${reports}/1`, expected: everyoneSignedIn },
    { method: 'get', path: `${reports}/1.xlsx`, expected: everyoneSignedIn },
    { method: 'get', path: `${reports}/1.pdf`, expected: everyoneSignedIn },
    { method: 'get', path: `${reports}/1/collection-plan`, expected: everyoneSignedIn },
    { method: 'post', path: `${reports}/1/compile`, expected: secretaryOrAdmin },
    { method: 'post', path: `${reports}/1/review`, expected: secretaryOrAdmin },
    { method: 'post', path: `${reports}/1/approve`, expected: chairOrAdmin },
    { method: 'post', path: `${reports}/1/send`, expected: chairSecretaryOrAdmin },

    // ── Aksi 2 planned activities ───────────────────────────────────────────────────────────
    { method: 'get', path: `${cycle}/planned-activities`, expected: everyoneSignedIn },
    { method: 'get', path: `${cycle}/planned-activities/:activityId`, expected: everyoneSignedIn },
    {
      method: 'post',
      path: `${cycle}/planned-activities`,
      body: () => plannedActivity('Kegiatan uji matriks baru'),
      expected: indicatorEditors,
    },
    {
      method: 'patch',
      path: `${cycle}/planned-activities/:activityId`,
      body: () => ({ budget: 2_000_000, tracking: { rkpd: { status: 'diusulkan' } } }),
      expected: indicatorEditors,
    },
    {
      method: 'delete',
      path: `${cycle}/planned-activities/:doomedActivityId`,
      prepare: async () => {
        const created = await request(stack.baseUrl)
          .post(`${cycle}/planned-activities`)
          .set(await logins.bearer('admin'))
          .send(plannedActivity('Kegiatan uji matriks dihapus'));
        fixtures.doomedActivityId = (expectStatus(created, 201).body as { id: string }).id;
      },
      expected: indicatorEditors,
    },
    { method: 'get', path: `${cycle}/integration-matrix`, expected: everyoneSignedIn },

    // ── the stunting case audit (AKS): aggregates ───────────────────────────────────────────
    { method: 'get', path: '/api/v1/aks/templates', expected: everyoneSignedIn },
    {
      method: 'post',
      path: '/api/v1/regencies/18.72/aks/audits',
      // The audit of this semester exists: an allowed caller meets 409, and no workflow starts.
      body: () => ({ year, semester: 1, templateCode: 'AKS' }),
      expected: auditRunners,
    },
    { method: 'get', path: '/api/v1/regencies/18.72/aks/audits', expected: everyoneSignedIn },
    { method: 'get', path: `/api/v1/regencies/18.72/aks/facts?year=${year}&semester=1`, expected: everyoneSignedIn },
    { method: 'get', path: '/api/v1/aks/audits/:auditId', expected: everyoneSignedIn },
    { method: 'get', path: '/api/v1/aks/audits/:auditId/recap', expected: everyoneSignedIn },
    {
      // Not the open stage: the workflow refuses it, so the audit does not move on.
      method: 'post',
      path: '/api/v1/aks/audits/:auditId/stages/AKS.T5/complete',
      body: () => ({}),
      expected: auditRunners,
    },
    {
      method: 'put',
      path: '/api/v1/aks/audits/:auditId/team',
      body: () => ({
        members: [
          { username: 'metro.aks-teknis', team: 'technical', lead: true },
          { username: 'metro.aks-pakar', team: 'expert', specialty: 'Dokter spesialis anak' },
        ],
      }),
      expected: auditRunners,
    },
    { method: 'get', path: '/api/v1/aks/audits/:auditId/team', expected: everyoneSignedIn },
    { method: 'post', path: '/api/v1/aks/audits/:auditId/documents/AKS_SK', upload: true, expected: auditRunners },
    { method: 'get', path: '/api/v1/aks/audits/:auditId/documents', expected: everyoneSignedIn },
    { method: 'get', path: '/api/v1/aks/audits/:auditId/recommendations', expected: everyoneSignedIn },
    {
      method: 'post',
      path: '/api/v1/aks/audits/:auditId/follow-up-plan',
      body: () => ({ items: [{ recommendationId: randomUUID(), unitCode: 'DINKES', dueDate: '2051-03-02' }] }),
      expected: auditRunners,
    },
    { method: 'get', path: '/api/v1/aks/audits/:auditId/report', expected: everyoneSignedIn },
    { method: 'post', path: '/api/v1/aks/audits/:auditId/report/compile', expected: auditRunners },
    { method: 'post', path: '/api/v1/aks/audits/:auditId/report/approve', expected: aksReportApprover },
    { method: 'post', path: '/api/v1/aks/audits/:auditId/report/submit', expected: auditRunners },

    // ── AKS case identities: the AKS teams of the regency only ──────────────────────────────
    {
      method: 'post',
      path: '/api/v1/aks/audits/:auditId/cases/import',
      // One row with a short NIK: the import answers its report and keeps no identity.
      upload: {
        filename: 'kasus.csv',
        content: () => Buffer.from(aksCsv([badutaRow({ nik: '18720141', nama: 'Nik Pendek' })])),
      },
      identity: true,
      expected: caseRecorders,
    },
    {
      method: 'post',
      path: '/api/v1/aks/audits/:auditId/cases',
      body: () => ({ ...badutaRow({ nik: '1872014101510099', nama: 'Kasus Ganda Matriks' }), nik: 'bukan-nik' }),
      identity: true,
      expected: caseRecorders,
    },
    { method: 'get', path: '/api/v1/aks/audits/:auditId/cases', identity: true, expected: aksTeams },
    {
      // The lead must have stepped up (password and code again) in the last minutes: done first here.
      method: 'get',
      path: '/api/v1/aks/audits/:auditId/cases/export',
      identity: true,
      prepare: stepUpTheLead,
      expected: caseRecorders,
    },
    { method: 'get', path: '/api/v1/aks/cases/:caseId', identity: true, expected: caseReaders },
    {
      method: 'post',
      path: '/api/v1/aks/cases/:caseId/remeasurement',
      body: measurement,
      identity: true,
      expected: caseMeasurers,
    },
    {
      method: 'post',
      path: '/api/v1/aks/cases/:caseId/monitoring',
      body: () => ({ ...measurement(), bulan: 1 }),
      identity: true,
      expected: caseMeasurers,
    },
    {
      method: 'post',
      path: '/api/v1/aks/cases/:caseId/analysis',
      body: () => ({
        findings: ['Asupan protein hewani kurang'],
        causes: ['Pola asuh belum tepat'],
        recommendations: ['Kelas ibu balita setiap bulan'],
      }),
      identity: true,
      expected: caseReaders,
    },
    { method: 'post', path: '/api/v1/aks/cases/:caseId/sign-off', identity: true, expected: caseSigners },

    // ── a data subject's requests (see, correct, erase) and retention: the AKS lead; UU PDP ──
    {
      method: 'get',
      path: '/api/v1/aks/cases/:caseId/identity',
      identity: true,
      prepare: stepUpTheLead,
      expected: caseMeasurers,
    },
    {
      method: 'patch',
      path: '/api/v1/aks/cases/:caseId/identity',
      body: () => ({ alamat: 'Jl. Matriks RT 02', alasan: 'Permintaan koreksi subjek data (matriks)' }),
      identity: true,
      expected: caseMeasurers,
    },
    {
      method: 'post',
      path: '/api/v1/aks/cases/:erasableCaseId/identity/erasure',
      body: () => ({ alasan: 'Permintaan penghapusan subjek data (matriks)' }),
      identity: true,
      prepare: stepUpTheLead,
      expected: caseMeasurers,
    },
    { method: 'get', path: '/api/v1/aks/audits/:auditId/identity-erasures', expected: aksTeams },
    { method: 'get', path: '/api/v1/regencies/18.72/aks-retention-settings', expected: everyoneSignedIn },
    {
      method: 'put',
      path: '/api/v1/regencies/18.72/aks-retention-settings',
      body: () => ({ retentionMonths: 24 }),
      expected: secretaryOrAdmin,
    },

    // Last, because it stops this file's worker first: the triggered year start would otherwise
    // create and run Metro's cycle of the current year, which other test files work in. Without a
    // worker on this file's task queue the run is recorded by Temporal and never executes.
    {
      method: 'post',
      path: '/api/v1/regencies/18.72/schedules/year-start/trigger',
      prepare: async () => {
        if (workerStopped) return;
        workerStopped = true;
        await stack.worker.stop();
      },
      expected: adminOnly,
    },
  ];

  beforeAll(async () => {
    stack = await startFileStack('authorization-matrix');
    db = await openDatabase();
    logins = new Logins(stack.baseUrl);
    const task = await insertTask(db, { regencyCode: '18.72', unitCode: 'DINKES', title: 'Tugas matriks akses' });
    fixtures.taskId = task.id;
    const uploaded = await request(stack.baseUrl)
      .post(`/api/v1/tasks/${task.id}/evidence`)
      .set(await logins.bearer('metro.dinkes'))
      .attach('file', pngBytes(3), 'bukti-matriks.png');
    expectStatus(uploaded, 201);
    fixtures.evidenceId = uploaded.body.id as string;
    const user = await request(stack.baseUrl)
      .post('/api/v1/users')
      .set(await logins.bearer('admin'))
      .send({
        username: 'matriks.ubah',
        displayName: 'Pengguna Matriks',
        email: 'matriks.ubah@metro.test',
        password: 'sandi-matriks-panjang',
        roles: ['tpps_chair'],
        regencyCode: '18.72',
      });
    expectStatus(user, 201);
    fixtures.userId = user.body.id as string;
    // The cycle read needs a cycle; the unit patch needs the unit.
    await request(stack.baseUrl)
      .post('/api/v1/regencies/18.72/cycles')
      .set(await logins.bearer('admin'))
      .send({ year })
      .expect(201);
    await request(stack.baseUrl)
      .post('/api/v1/regencies/18.72/units')
      .set(await logins.bearer('admin'))
      .send({ code: 'UJI_MATRIKS', name: 'Unit Uji Matriks' })
      .expect(201);
    // One of each record the new endpoints act on, made once for the file.
    const recommendation = await request(stack.baseUrl)
      .post(`${cycle}/review-recommendations`)
      .set(await logins.bearer('metro.sekretaris'))
      .send({ text: 'Rekomendasi kaji ulang untuk matriks akses' });
    fixtures.recommendationId = (expectStatus(recommendation, 201).body as { id: string }).id;
    const activity = await request(stack.baseUrl)
      .post(`${cycle}/planned-activities`)
      .set(await logins.bearer('metro.sekretaris'))
      .send(plannedActivity('Kegiatan uji matriks'));
    fixtures.activityId = (expectStatus(activity, 201).body as { id: string }).id;
    const secretary = await ApiClient.as(stack.baseUrl, 'metro.sekretaris');
    const audit = await startAudit(secretary, '18.72', { year, semester: 1, templateCode: 'AKS' });
    fixtures.auditId = audit.id;
    await waitForStage(secretary, audit.id, 'AKS.T1');
    const entered = await request(stack.baseUrl)
      .post(`/api/v1/aks/audits/${audit.id}/cases`)
      .set(await logins.bearer('metro.aks-teknis'))
      .send(badutaRow({ nik: '1872014101510001', nama: 'Kasus Matriks Akses' }));
    fixtures.caseId = (expectStatus(entered, 201).body as { id: string }).id;
    const erasable = await request(stack.baseUrl)
      .post(`/api/v1/aks/audits/${audit.id}/cases`)
      .set(await logins.bearer('metro.aks-teknis'))
      .send(badutaRow({ nik: '1872014101510002', nama: 'Kasus Matriks Dihapus' }));
    fixtures.erasableCaseId = (expectStatus(erasable, 201).body as { id: string }).id;
    const pipeCheck = await db
      .getRepository(PipeCheckRecord)
      .save({ id: randomUUID(), workflowId: `matriks-pipa-${randomUUID()}`, status: 'completed', mailMessageId: null });
    fixtures.pipeCheckId = pipeCheck.id;
  });

  afterAll(async () => {
    await db?.destroy();
    await stack?.stop();
  });

  const cells = endpoints.flatMap((endpoint) =>
    roles.map((role) => ({
      role,
      endpoint,
      outcome: endpoint.expected[role],
      label: `${endpoint.method.toUpperCase()} ${endpoint.path}`,
    })),
  );

  it.each(cells)('$role → $label answers $outcome', async ({ role, endpoint, outcome }) => {
    await endpoint.prepare?.(role);
    const path = endpoint.path.replace(
      /:(\w+)Id\b/,
      (_, name: string) => fixtures[`${name}Id` as keyof Fixtures] || `:${name}Id`,
    );
    const agent = request(stack.baseUrl);
    let call = agent[endpoint.method](path)
      .set('x-konvergensi-csrf', '1')
      .set('idempotency-key', `matriks-${randomUUID()}`);
    if (role !== 'anonymous') call = call.set(await logins.bearer(userOf[role]));
    if (endpoint.cookie) call = call.set('cookie', await endpoint.cookie());
    const response = endpoint.upload
      ? typeof endpoint.upload === 'object'
        ? await call.attach('file', endpoint.upload.content(), endpoint.upload.filename)
        : await call.attach('file', pngBytes(2, 40), 'bukti.png')
      : endpoint.body
        ? await call.send(endpoint.body(role) as object)
        : await call;
    const observed = [401, 403, 404].includes(response.status) ? response.status : 'allowed';
    expect(observed).toBe(outcome);
    // Refusals carry { code, message }. The task actions hand over to the task workflow (another
    // issue) and may answer 501 meanwhile; every other endpoint answers without a 5xx.
    const isTaskAction = /\/tasks\/:taskId\/(submit|extension-requests|approve|return|reassign)$/.test(endpoint.path);
    const body = response.body as { code?: unknown; message?: unknown };
    // An allowed call must also be well-formed, or a malformed request would pass for "allowed"
    // without ever reaching the role check it is meant to exercise.
    expect({
      errorBodyShaped: observed === 'allowed' || (typeof body.code === 'string' && typeof body.message === 'string'),
      serverError: response.status >= 500 && !isTaskAction,
      malformedRequest: observed === 'allowed' && ['VALIDATION_FAILED', 'MALFORMED_JSON'].includes(String(body.code)),
    }).toEqual({ errorBodyShaped: true, serverError: false, malformedRequest: false });
  });

  it('never lets a role outside the AKS teams reach an endpoint that serves case identities', () => {
    const identityEndpoints = endpoints.filter((endpoint) => endpoint.identity);
    expect(identityEndpoints.length).toBeGreaterThanOrEqual(9);
    const leaks = identityEndpoints.flatMap((endpoint) =>
      roles
        .filter((role) => role !== 'aks_technical' && role !== 'aks_expert' && endpoint.expected[role] === 'allowed')
        .map((role) => `${role} → ${endpoint.method.toUpperCase()} ${endpoint.path}`),
    );
    expect(leaks).toEqual([]);
  });

  /** The OpenAPI path template of a matrix row: its concrete values put back as parameters. */
  const templateOf = (endpoint: Endpoint): string =>
    endpoint.path
      .split('?')[0]!
      .replace(/\/18\.72(?=\/|$)/, '/{code}')
      .replace(/\/provinces\/18\//, '/provinces/{provinceCode}/')
      .replace(new RegExp(`/${year}/1(?=[/.]|$)`), '/{year}/{semester}')
      .replace(`/cycles/${year}`, '/cycles/{year}')
      .replace(`/assessments/${year}`, '/assessments/{year}')
      .replace('/actions/AKSI_1/', '/actions/{actionCode}/')
      .replace('/portal-milestones/data_entered', '/portal-milestones/{milestone}')
      .replace('/schedules/year-start/', '/schedules/{kind}/')
      .replace('/stages/AKS.T5/', '/stages/{stageCode}/')
      .replace('/documents/AKS_SK', '/documents/{code}')
      .replace(`/holiday-overrides/${holidayDate}`, '/holiday-overrides/{date}')
      .replace('/units/UJI_MATRIKS', '/units/{unitCode}')
      .replace(/:\w+Id\b/, '{id}');
  const operationOf = (endpoint: Endpoint) => `${endpoint.method.toUpperCase()} ${templateOf(endpoint)}`;

  /** Every operation (method and path template) of the running API's OpenAPI document. */
  async function documentedOperations(): Promise<string[]> {
    const document = await request(stack.baseUrl).get('/api/docs-json');
    expect(document.status).toBe(200);
    const paths = document.body.paths as Record<string, Record<string, unknown>>;
    const methods = new Set(['get', 'post', 'put', 'patch', 'delete']);
    return Object.entries(paths).flatMap(([template, operations]) =>
      Object.keys(operations)
        .filter((method) => methods.has(method))
        .map((method) => `${method.toUpperCase()} ${template}`),
    );
  }

  it('lists every endpoint of the matrix in the OpenAPI document', async () => {
    const documented = new Set(await documentedOperations());
    expect(endpoints.map(operationOf).filter((operation) => !documented.has(operation))).toEqual([]);
  });

  it('has a row for every operation of the OpenAPI document, once, so a new endpoint without one fails', async () => {
    const documented = await documentedOperations();
    const covered = endpoints.map(operationOf);
    expect(documented.filter((operation) => !covered.includes(operation))).toEqual([]);
    expect(covered.filter((operation, i) => covered.indexOf(operation) !== i)).toEqual([]);
    expect(new Set(covered).size).toBe(documented.length);
  });
});
