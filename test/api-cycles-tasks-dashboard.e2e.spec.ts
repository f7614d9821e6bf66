import type { DataSource } from 'typeorm';
import request from 'supertest';
import {
  expectErrorBody,
  insertTask,
  insertTaskEvent,
  Logins,
  openDatabase,
  startFileStack,
  type FileStack,
} from './support/fixtures';

/** Noon in Jakarta (05:00 UTC), `offset` days from today: the due day reads the same in every zone test. */
function day(offset: number): Date {
  const date = new Date(Date.now() + offset * 86_400_000);
  date.setUTCHours(5, 0, 0, 0);
  return date;
}
const iso = (date: Date) => date.toISOString().slice(0, 10);

interface CycleView {
  id: string;
  actions: {
    id: string;
    code: string;
    number: number;
    status: string;
    statusLabel: string;
    progress: { stagesDone: number; stagesTotal: number; percent: number };
    stages: { id: string }[];
  }[];
}

describe('cycles, the task inbox and the dashboard', () => {
  let stack: FileStack;
  let db: DataSource;
  let logins: Logins;
  let cycle: CycleView;
  const tasks: Record<string, string> = {};
  const http = () => request(stack.baseUrl);

  beforeAll(async () => {
    stack = await startFileStack('api-cycles-tasks');
    db = await openDatabase();
    logins = new Logins(stack.baseUrl);
  });

  afterAll(async () => {
    await db?.destroy();
    await stack?.stop();
  });

  describe('cycles', () => {
    it('creates the eight actions of the year from the template for the TPPS secretary', async () => {
      const created = await http()
        .post('/api/v1/regencies/18.72/cycles')
        .set(await logins.bearer('metro.sekretaris'))
        .send({ year: 2027 });
      expect(created.status).toBe(201);
      cycle = created.body as CycleView;
      expect(cycle.actions.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      for (const action of cycle.actions) {
        expect(['belum mulai', 'berjalan', 'terlambat', 'selesai']).toContain(action.statusLabel);
        expect(action.progress).toEqual({ stagesDone: 0, stagesTotal: action.stages.length, percent: 0 });
        expect(action.stages.length).toBeGreaterThan(0);
      }
    });

    it('reads the cycle back with status and progress for any Metro user', async () => {
      const read = await http()
        .get('/api/v1/regencies/18.72/cycles/2027')
        .set(await logins.bearer('metro.dinkes'));
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ id: cycle.id, regencyCode: '18.72', year: 2027 });
      expect(read.body.actions).toHaveLength(8);
    });

    it('refuses a second cycle for the same year with 409 and a missing year with 404', async () => {
      const again = await http()
        .post('/api/v1/regencies/18.72/cycles')
        .set(await logins.bearer('admin'))
        .send({ year: 2027 });
      expect(again.status).toBe(409);
      expectErrorBody(again.body, 'CYCLE_EXISTS');
      const missing = await http()
        .get('/api/v1/regencies/18.72/cycles/2033')
        .set(await logins.bearer('metro.ketua'));
      expect(missing.status).toBe(404);
      expectErrorBody(missing.body, 'CYCLE_NOT_FOUND');
    });

    it('refuses cycle creation by the TPPS chair with 403', async () => {
      const response = await http()
        .post('/api/v1/regencies/18.72/cycles')
        .set(await logins.bearer('metro.ketua'))
        .send({ year: 2033 });
      expect(response.status).toBe(403);
    });
  });

  describe('tasks', () => {
    beforeAll(async () => {
      const aksi1 = cycle.actions.find((a) => a.code === 'AKSI_1')!;
      const stageId = aksi1.stages[0]!.id;
      const base = { regencyCode: '18.72', cycleId: cycle.id, stageId };
      tasks.late = (
        await insertTask(db, {
          ...base,
          unitCode: 'DINKES',
          title: 'Analisis situasi (terlambat)',
          dueAt: day(-10),
          escalationLevel: 2,
        })
      ).id;
      tasks.submitted = (
        await insertTask(db, {
          ...base,
          unitCode: 'DINKES',
          title: 'Analisis situasi (diserahkan)',
          status: 'submitted',
          dueAt: day(5),
        })
      ).id;
      tasks.dinsos = (
        await insertTask(db, { ...base, unitCode: 'DINSOS', title: 'Analisis situasi DINSOS', dueAt: day(20) })
      ).id;
      await insertTaskEvent(db, tasks.submitted, 'created', new Date('2027-01-01T01:00:00Z'), { by: 'uji' });
      await insertTaskEvent(db, tasks.submitted, 'submitted', new Date('2027-02-01T01:00:00Z'), { note: 'lengkap' });
    });

    const inbox = async (username: string, query: string) => {
      const response = await http()
        .get(`/api/v1/tasks?action=AKSI_1&pageSize=100&${query}`)
        .set(await logins.bearer(username));
      expect(response.status).toBe(200);
      return response.body as {
        items: { id: string; status: string; overdue: boolean; unit: { code: string } }[];
        total: number;
        page: number;
        pageSize: number;
      };
    };
    const mine = (ids: string[]) => ids.filter((id) => Object.values(tasks).includes(id));

    it("shows an OPD officer only their unit's tasks, sorted by due date", async () => {
      const body = await inbox('metro.dinkes', '');
      expect(mine(body.items.map((t) => t.id))).toEqual([tasks.late, tasks.submitted]);
    });

    it('shows the TPPS secretary every unit and filters by unit, status, due dates and overdue', async () => {
      expect(mine((await inbox('metro.sekretaris', '')).items.map((t) => t.id))).toEqual([
        tasks.late,
        tasks.submitted,
        tasks.dinsos,
      ]);
      expect(mine((await inbox('metro.sekretaris', 'unit=DINSOS')).items.map((t) => t.id))).toEqual([tasks.dinsos]);
      expect(mine((await inbox('metro.sekretaris', 'status=submitted')).items.map((t) => t.id))).toEqual([
        tasks.submitted,
      ]);
      expect(mine((await inbox('metro.sekretaris', 'status=open,returned')).items.map((t) => t.id))).toEqual([
        tasks.late,
        tasks.dinsos,
      ]);
      expect(
        mine(
          (await inbox('metro.sekretaris', `dueAfter=${iso(day(5))}&dueBefore=${iso(day(19))}`)).items.map((t) => t.id),
        ),
      ).toEqual([tasks.submitted]);
      expect(mine((await inbox('metro.sekretaris', `dueBefore=${iso(day(-10))}`)).items.map((t) => t.id))).toEqual([
        tasks.late,
      ]);
      const overdue = await inbox('metro.sekretaris', 'overdue=true');
      expect(mine(overdue.items.map((t) => t.id))).toEqual([tasks.late]);
      expect(overdue.items.every((t) => t.overdue)).toBe(true);
    });

    it('pages through the inbox', async () => {
      const all = await inbox('metro.sekretaris', 'unit=DINKES');
      const page2 = await http()
        .get('/api/v1/tasks?action=AKSI_1&unit=DINKES&pageSize=1&page=2')
        .set(await logins.bearer('metro.sekretaris'));
      expect(page2.body).toMatchObject({ page: 2, pageSize: 1, total: all.total });
      expect(page2.body.items.map((t: { id: string }) => t.id)).toEqual([all.items[1]!.id]);
    });

    it('reads one task with its event history in order', async () => {
      const read = await http()
        .get(`/api/v1/tasks/${tasks.submitted}`)
        .set(await logins.bearer('metro.kepala-dinkes'));
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({
        id: tasks.submitted,
        status: 'submitted',
        unit: { code: 'DINKES' },
        regencyCode: '18.72',
      });
      expect(read.body.events.map((e: { kind: string }) => e.kind)).toEqual(['created', 'submitted']);
      expect(read.body.events[1].payload).toEqual({ note: 'lengkap' });
    });

    it("hides another unit's task from an officer with 404", async () => {
      const response = await http()
        .get(`/api/v1/tasks/${tasks.dinsos}`)
        .set(await logins.bearer('metro.dinkes'));
      expect(response.status).toBe(404);
      expectErrorBody(response.body, 'TASK_NOT_FOUND');
    });

    it.each([
      ['submit', 'metro.dinkes', { note: '' }],
      ['extension-requests', 'metro.kepala-dinkes', { requestedDueDate: '2027-02-20', reason: 'Data belum lengkap' }],
      ['approve', 'metro.sekretaris', { note: '' }],
      ['return', 'metro.ketua', { reason: 'Lengkapi notulen rapat' }],
      ['reassign', 'metro.sekretaris', { unitCode: 'DINSOS', reason: 'Salah unit' }],
    ])('passes the auth and tenancy checks of %s for %s', async (action, username, body) => {
      const response = await http()
        .post(`/api/v1/tasks/${tasks.late}/${action}`)
        .set(await logins.bearer(username))
        .set('idempotency-key', `uji-${action}-${Date.now()}`)
        .send(body);
      expect([401, 403, 404]).not.toContain(response.status);
    });

    it('refuses task actions to the wrong role with 403', async () => {
      const submitBySecretary = await http()
        .post(`/api/v1/tasks/${tasks.dinsos}/submit`)
        .set(await logins.bearer('metro.sekretaris'))
        .set('idempotency-key', 'uji-tolak-0001')
        .send({ note: '' });
      expect(submitBySecretary.status).toBe(403);
      const approveByOfficer = await http()
        .post(`/api/v1/tasks/${tasks.submitted}/approve`)
        .set(await logins.bearer('metro.dinkes'))
        .set('idempotency-key', 'uji-tolak-0002')
        .send({ note: '' });
      expect(approveByOfficer.status).toBe(403);
    });
  });

  describe('dashboard', () => {
    it('shows per-action status, overdue tasks by unit and open escalations for the TPPS chair', async () => {
      const response = await http()
        .get('/api/v1/regencies/18.72/dashboard?year=2027')
        .set(await logins.bearer('metro.ketua'));
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ regencyCode: '18.72', year: 2027 });
      expect(response.body.actions).toHaveLength(8);
      const dinkes = (response.body.units as { code: string; overdueTasks: number; openTasks: number }[]).find(
        (u) => u.code === 'DINKES',
      );
      expect(dinkes?.overdueTasks).toBeGreaterThanOrEqual(1);
      expect(dinkes?.openTasks).toBeGreaterThanOrEqual(2);
      const escalation = (
        response.body.openEscalations as { taskId: string; escalationLevel: number; daysLate: number }[]
      ).find((e) => e.taskId === tasks.late);
      expect(escalation).toMatchObject({ escalationLevel: 2, unit: { code: 'DINKES' } });
      expect(escalation!.daysLate).toBeGreaterThan(0);
    });

    it('shows the province viewer the dashboard of a regency of the province', async () => {
      const response = await http()
        .get('/api/v1/regencies/18.72/dashboard?year=2027')
        .set(await logins.bearer('lampung.provinsi'));
      expect(response.status).toBe(200);
      expect(response.body.regencyName).toEqual(expect.any(String));
    });
  });
});
