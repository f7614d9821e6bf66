import { calendarDaysBetween, countWorkingDays, indonesianWorkingDayRules, localDateOf } from '@konvergensi/domain';
import type { DataSource } from 'typeorm';
import request from 'supertest';
import {
  expectErrorBody,
  expectStatus,
  insertTask,
  insertTaskEvent,
  Logins,
  openDatabase,
  startFileStack,
  type FileStack,
} from './support/fixtures';

/** A year no other test file plans, far enough ahead that the annual workflow opens nothing meanwhile. */
const year = 2041;
const statusPath = `/api/v1/regencies/18.72/cycles/${year}/status`;

/** Noon in Jakarta (05:00 UTC), `offset` days from today. */
function day(offset: number): Date {
  const date = new Date(Date.now() + offset * 86_400_000);
  date.setUTCHours(5, 0, 0, 0);
  return date;
}

interface Stage {
  id: string;
  code: string;
}
interface Action {
  id: string;
  code: string;
  stages: Stage[];
}

interface StatusView {
  actions: {
    code: string;
    status: string;
    statusLabel: string;
    progress: { stagesDone: number; stagesTotal: number; share: number; percent: number };
    lateStages: string[];
    waitingOn: { code: string; kind: string; status: string | null; neededBy: string[] }[];
  }[];
  blockers: {
    action: { code: string };
    stage: { code: string; daysLate: number | null };
    tasks: {
      taskId: string;
      title: string;
      unit: { code: string; name: string };
      waitingFor: string;
      daysLate: number;
      workingDaysLate: number;
      escalationLevel: number;
    }[];
  }[];
  overdueByUnit: { unit: { code: string }; count: number; tasks: { taskId: string }[] }[];
  units: { unit: { code: string }; closedTasks: number; closedOnTime: number; onTimeRate: number | null }[];
  indicators: {
    semester: number | null;
    withTarget: number;
    met: number;
    values: { code: string; target: string | null; met: boolean | null; direction: string }[];
  };
  focusVillages: { source: string; villages: { code: string; name: string }[] };
  latenessUnits: string;
}

describe('the status of a regency year', () => {
  let stack: FileStack;
  let db: DataSource;
  let logins: Logins;
  let actions: Action[];
  let lateTaskId: string;
  let status: StatusView;
  const http = () => request(stack.baseUrl);
  const stageOf = (actionCode: string, stageCode: string) =>
    actions.find((a) => a.code === actionCode)!.stages.find((s) => s.code === stageCode)!;

  beforeAll(async () => {
    stack = await startFileStack('cycle-status');
    db = await openDatabase();
    logins = new Logins(stack.baseUrl);
    const created = expectStatus(
      await http()
        .post('/api/v1/regencies/18.72/cycles')
        .set(await logins.bearer('metro.sekretaris'))
        .send({ year }),
      201,
    );
    actions = created.body.actions as Action[];
    const cycleId = created.body.id as string;

    // Aksi 1's first stage opened ten days ago, was due five days ago and is still open: late.
    const first = stageOf('AKSI_1', 'AKSI_1.T1');
    await db.query(`UPDATE action_stage SET status = 'in_progress', opened_at = $2, due_at = $3 WHERE id = $1`, [
      first.id,
      day(-10),
      day(-5),
    ]);
    await db.query(`UPDATE cycle_action SET status = 'in_progress' WHERE id = $1`, [actions[0]!.id]);
    const late = await insertTask(db, {
      regencyCode: '18.72',
      unitCode: 'DINKES',
      title: 'Data cakupan layanan Tabel 1.1 Dinas Kesehatan',
      stageId: first.id,
      cycleId,
      dueAt: day(-5),
      escalationLevel: 3,
    });
    lateTaskId = late.id;

    // Closed work for the on-time rates, on the same stage: DINSOS approved one of three on time,
    // BAPPEDA its only one; a cancelled task counts for nobody.
    const approved = async (unitCode: string, due: Date, approvedAt: Date | null) => {
      const task = await insertTask(db, {
        regencyCode: '18.72',
        unitCode,
        stageId: first.id,
        cycleId,
        dueAt: due,
        status: 'approved',
      });
      if (approvedAt) await insertTaskEvent(db, task.id, 'approved', approvedAt, { note: 'Lengkap' });
    };
    await approved('DINSOS', day(-3), day(-4));
    await approved('DINSOS', day(-3), day(-1));
    await approved('DINSOS', day(-2), null); // no event: its closing time (now) counts, after the due day
    await approved('BAPPEDA', day(-3), day(-3));
    await insertTask(db, {
      regencyCode: '18.72',
      unitCode: 'DINSOS',
      stageId: first.id,
      cycleId,
      dueAt: day(-6),
      status: 'cancelled',
    });

    // Semester-1 values: one indicator above its 70% target, one below its 90% target.
    expectStatus(
      await http()
        .put(`/api/v1/regencies/18.72/indicators/${year}/1`)
        .set(await logins.bearer('metro.sekretaris'))
        .send({
          values: [
            { code: 'Pilar 3. B6', numerator: 75, denominator: 100 },
            { code: 'Pilar 3. A7', numerator: 5, denominator: 10 },
          ],
        }),
      200,
    );

    const response = expectStatus(
      await http()
        .get(statusPath)
        .set(await logins.bearer('metro.ketua')),
      200,
    );
    status = response.body as StatusView;
  });

  afterAll(async () => {
    await db?.destroy();
    await stack?.stop();
  });

  it('reports each of the eight actions with its status, label and share of stages done', () => {
    expect(status.actions.map((a) => a.code)).toEqual([
      'AKSI_1',
      'AKSI_2',
      'AKSI_3',
      'AKSI_4',
      'AKSI_5',
      'AKSI_6',
      'AKSI_7',
      'AKSI_8',
    ]);
    const aksi1 = status.actions[0]!;
    expect(aksi1).toMatchObject({ status: 'late', statusLabel: 'terlambat', lateStages: ['AKSI_1.T1'] });
    expect(aksi1.progress.stagesDone).toBe(0);
    expect(aksi1.progress.stagesTotal).toBeGreaterThan(1);
    expect(status.actions[4]).toMatchObject({ status: 'not_started', statusLabel: 'belum mulai' });
  });

  it('names the late Aksi 1 task as the blocker of its stage, with its unit, days late and escalation level', () => {
    const blocker = status.blockers.find((b) => b.stage.code === 'AKSI_1.T1');
    expect(blocker?.action.code).toBe('AKSI_1');
    expect(blocker?.tasks).toHaveLength(1);
    const task = blocker!.tasks[0]!;
    const dueDay = localDateOf(day(-5), 'Asia/Jakarta');
    const today = localDateOf(new Date(), 'Asia/Jakarta');
    expect(task).toMatchObject({
      taskId: lateTaskId,
      title: 'Data cakupan layanan Tabel 1.1 Dinas Kesehatan',
      unit: { code: 'DINKES', name: expect.stringMatching(/Kesehatan/) },
      waitingFor: 'submission',
      daysLate: calendarDaysBetween(dueDay, today),
      workingDaysLate: countWorkingDays(dueDay, today, indonesianWorkingDayRules()),
      escalationLevel: 3,
    });
    expect(status.latenessUnits).toContain('hari kalender');
  });

  it('names the unfinished dependency that Aksi 3, not started, waits for', () => {
    const aksi3 = status.actions.find((a) => a.code === 'AKSI_3')!;
    expect(aksi3.status).toBe('not_started');
    expect(aksi3.waitingOn).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'AKSI_1', kind: 'action', status: 'late', neededBy: ['AKSI_3.T2'] }),
      ]),
    );
    // Aksi 1 has no dependencies of its own to wait for.
    expect(status.actions[0]!.waitingOn).toEqual([]);
  });

  it('lists overdue tasks by unit', () => {
    const dinkes = status.overdueByUnit.find((u) => u.unit.code === 'DINKES');
    expect(dinkes).toMatchObject({ count: 1, tasks: [{ taskId: lateTaskId }] });
    expect(status.overdueByUnit.find((u) => u.unit.code === 'DINSOS')).toBeUndefined();
  });

  it("computes each unit's on-time rate from the approved tasks and their approval events", () => {
    const rate = (code: string) => status.units.find((u) => u.unit.code === code);
    expect(rate('DINSOS')).toMatchObject({ closedTasks: 3, closedOnTime: 1, onTimeRate: 33.3 });
    expect(rate('BAPPEDA')).toMatchObject({ closedTasks: 1, closedOnTime: 1, onTimeRate: 100 });
    expect(rate('DINKES')).toMatchObject({ closedTasks: 0, onTimeRate: null });
  });

  it('reports indicator achievement against the catalogue targets for the latest semester with values', () => {
    expect(status.indicators).toMatchObject({ semester: 1, withTarget: 2, met: 1 });
    const byCode = Object.fromEntries(status.indicators.values.map((v) => [v.code, v]));
    expect(byCode['Pilar 3. B6']).toMatchObject({ target: '70% Tahun 2024', met: true, direction: 'atLeast' });
    expect(byCode['Pilar 3. A7']).toMatchObject({ met: false });
  });

  it('shows the focus villages the secretary confirmed', async () => {
    expect(status.focusVillages.source).toBe('none');
    const cycle = await db.query(`SELECT id FROM cycle WHERE regency_code = '18.72' AND year = $1`, [year]);
    await db.query(
      `INSERT INTO lokus_village (cycle_id, village_code, rank, status) VALUES ($1, '18.72.05.1001', 1, 'confirmed')`,
      [cycle[0].id],
    );
    const response = await http()
      .get(statusPath)
      .set(await logins.bearer('metro.sekretaris'));
    expect(response.status).toBe(200);
    expect(response.body.focusVillages).toMatchObject({ source: 'confirmed', villages: [{ code: '18.72.05.1001' }] });
    expect(response.body.focusVillages.villages[0].name).not.toBe('18.72.05.1001');
  });

  it("shows the status to Lampung's province viewer and hides it from Dumai and Riau with 404", async () => {
    expect(
      (
        await http()
          .get(statusPath)
          .set(await logins.bearer('lampung.provinsi'))
      ).status,
    ).toBe(200);
    for (const outsider of ['dumai.ketua', 'riau.provinsi']) {
      const response = await http()
        .get(statusPath)
        .set(await logins.bearer(outsider));
      expect(response.status).toBe(404);
      expectErrorBody(response.body, 'REGENCY_NOT_FOUND');
    }
  });

  it('answers a year without a cycle with 404 and a bad year with 400, in Indonesian', async () => {
    const missing = await http()
      .get('/api/v1/regencies/18.72/cycles/2099/status')
      .set(await logins.bearer('metro.ketua'));
    expect(missing.status).toBe(404);
    expectErrorBody(missing.body, 'CYCLE_NOT_FOUND');
    const bad = await http()
      .get('/api/v1/regencies/18.72/cycles/tahun-ini/status')
      .set(await logins.bearer('metro.ketua'));
    expect(bad.status).toBe(400);
    expectErrorBody(bad.body);
  });
});
