import { semesterCollectionPlan } from '@konvergensi/domain';
import { Client, Connection } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { CycleDriver } from './support/cycle-driver';
import { Logins, openDatabase, pdfBytes, startFileStack, type FileStack } from './support/fixtures';
import { testEnvironment } from './support/environment';
import { recordHistories } from './support/histories';
import { eventually } from './support/processes';

/**
 * The cycle as people meet it: a late Aksi 1 task holding the rembuk and named as its blocker, a
 * year started late, who approves a stage's tasks, what a submission must carry, Aksi 8's
 * recommendations carried into the next year, and the regency's schedules.
 */
const secondsPerDay = 0.5;

interface TaskRow {
  id: string;
  assignee_unit_id: string;
  unit_code: string;
  stage_code: string;
  deliverables: { kind: string }[];
  escalation_level: number;
  description: string;
}

describe('the cycle at work', () => {
  let stack: FileStack;
  let db: DataSource;
  let logins: Logins;
  let driver: CycleDriver;

  const call = async (username: string, method: string, path: string, body?: unknown, key?: string) => {
    const response = await fetch(`${stack.baseUrl}${path}`, {
      method,
      headers: {
        ...(await logins.bearer(username)),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(key ? { 'idempotency-key': key } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };

  const tasksOf = async (regency: string, year: number, stageCode: string): Promise<TaskRow[]> =>
    (await db.query(
      `SELECT t.id, t.assignee_unit_id, u.code AS unit_code, s.code AS stage_code, t.deliverables,
              t.escalation_level, t.description
         FROM task t JOIN action_stage s ON s.id = t.stage_id JOIN unit u ON u.id = t.assignee_unit_id
         JOIN cycle c ON c.id = t.cycle_id
        WHERE c.regency_code = $1 AND c.year = $2 AND s.code = $3 ORDER BY u.code`,
      [regency, year, stageCode],
    )) as TaskRow[];

  const upload = async (username: string, taskId: string): Promise<string> => {
    const form = new FormData();
    form.append('file', new Blob([pdfBytes('bukti')], { type: 'application/pdf' }), 'bukti.pdf');
    const response = await fetch(`${stack.baseUrl}/api/v1/tasks/${taskId}/evidence`, {
      method: 'POST',
      headers: await logins.bearer(username),
      body: form,
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };

  beforeAll(async () => {
    stack = await startFileStack('cycle-work', { TIME_COMPRESSION_SECONDS_PER_DAY: String(secondsPerDay) });
    db = await openDatabase();
    logins = new Logins(stack.baseUrl);
    driver = new CycleDriver(stack.baseUrl, db);
  });

  afterAll(async () => {
    await temporal?.connection.close();
    await db?.destroy();
    await stack?.stop();
  });

  let temporal: Client | undefined;
  const workflowResult = async (workflowId: string): Promise<unknown> => {
    temporal ??= new Client({ connection: await Connection.connect({ address: testEnvironment().temporalAddress }) });
    return temporal.workflow.getHandle(workflowId).result();
  };

  it('holds the rembuk behind a late Aksi 1 task and names that task, its unit and escalation as the blocker', async () => {
    const year = 2047;
    const created = await call('metro.sekretaris', 'POST', '/api/v1/regencies/18.72/cycles', {
      year,
      playFrom: `${year}-01-01`,
    });
    expect(created.status).toBe(201);
    const cycleId = created.body.id as string;
    // Every unit answers, except those owing Aksi 1's review of earlier analyses.
    const held = (task: { stage_code: string }) => task.stage_code === 'AKSI_1.T2';
    await driver.playUntil(
      async () => {
        const late = await tasksOf('18.72', year, 'AKSI_1.T2');
        const rembukAgenda = (await db.query(
          `SELECT s.status FROM action_stage s JOIN cycle_action a ON a.id = s.action_id
            WHERE a.cycle_id = $1 AND s.code = 'AKSI_3.T1'`,
          [cycleId],
        )) as { status: string }[];
        return late.length > 0 && late.every((t) => t.escalation_level >= 3) && rembukAgenda[0]?.status === 'done';
      },
      cycleId,
      180_000,
      held,
    );

    const status = await call('metro.ketua', 'GET', `/api/v1/regencies/18.72/cycles/${year}/status`);
    expect(status.status).toBe(200);
    const blockers = status.body.blockers as {
      stage: { code: string; daysLate: number | null };
      tasks: { taskId: string; unit: { code: string }; daysLate: number; escalationLevel: number }[];
    }[];
    const aksi1 = blockers.find((b) => b.stage.code === 'AKSI_1.T2');
    const heldTasks = await tasksOf('18.72', year, 'AKSI_1.T2');
    expect(aksi1?.tasks.map((t) => t.taskId).sort()).toEqual(heldTasks.map((t) => t.id).sort());
    expect(aksi1?.tasks.every((t) => t.daysLate > 0 && t.escalationLevel >= 3)).toBe(true);
    expect(aksi1?.tasks.map((t) => t.unit.code).sort()).toEqual(heldTasks.map((t) => t.unit_code).sort());

    const actions = status.body.actions as { code: string; waitingOn: { code: string; neededBy: string[] }[] }[];
    const rembuk = actions.find((a) => a.code === 'AKSI_3');
    expect(rembuk?.waitingOn.find((w) => w.code === 'AKSI_1')?.neededBy).toContain('AKSI_3.T2');
    const preparation = (await db.query(
      `SELECT s.opened_at FROM action_stage s JOIN cycle_action a ON a.id = s.action_id
        WHERE a.cycle_id = $1 AND s.code = 'AKSI_3.T2'`,
      [cycleId],
    )) as { opened_at: Date | null }[];
    expect(preparation[0]?.opened_at).toBeNull();
  }, 240_000);

  describe('a year started late (Kota Dumai, last year)', () => {
    // Last year on the real clock, so the year-start schedule below starts the year after it.
    const year = new Date().getFullYear() - 1;

    beforeAll(async () => {
      const created = await call('dumai.sekretaris', 'POST', '/api/v1/regencies/14.72/cycles', { year });
      if (created.status !== 201) throw new Error(`cycle ${year}: ${created.status} ${JSON.stringify(created.body)}`);
      await eventually(
        async () => ((await tasksOf('14.72', year, 'AKSI_6.T1')).length === 3 ? true : undefined),
        60_000,
        'the late stages to open',
      );
    });

    it('opens the first stage of every action at once, marked late', async () => {
      const stages = (await db.query(
        `SELECT a.code, s.status FROM action_stage s JOIN cycle_action a ON a.id = s.action_id
           JOIN cycle c ON c.id = a.cycle_id
          WHERE c.regency_code = '14.72' AND c.year = $1 AND s.sequence = (
            SELECT min(s2.sequence) FROM action_stage s2 WHERE s2.action_id = a.id)
          ORDER BY a.sequence`,
        [year],
      )) as { code: string; status: string }[];
      // Aksi 2 starts from the situation analysis, so its first stage waits for Aksi 1.
      expect(stages.map((s) => `${s.code}:${s.status}`)).toEqual([
        'AKSI_1:late',
        'AKSI_2:not_started',
        'AKSI_3:late',
        'AKSI_4:not_started',
        'AKSI_5:late',
        'AKSI_6:late',
        'AKSI_7:late',
        'AKSI_8:late',
      ]);
    });

    it('refuses a submission without evidence for the deliverables the template asks', async () => {
      const [task] = (await tasksOf('14.72', year, 'AKSI_6.T1')).filter((t) => t.unit_code === 'DINKES');
      const officer = await driver.userOf(task!.assignee_unit_id, 'opd_officer');
      const refused = await call(officer, 'POST', `/api/v1/tasks/${task!.id}/submit`, { note: 'x' }, 'no-evidence-1');
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('EVIDENCE_REQUIRED');
    });

    it("lets the stage owner approve a participating unit's submission, but not its own or another unit's", async () => {
      const tasks = await tasksOf('14.72', year, 'AKSI_6.T1');
      const dinkes = tasks.find((t) => t.unit_code === 'DINKES')!;
      const own = tasks.find((t) => t.unit_code === 'BAPPEDALITBANG')!;
      const officer = await driver.userOf(dinkes.assignee_unit_id, 'opd_officer');
      const evidence = await upload(officer, dinkes.id);
      const submitted = await call(
        officer,
        'POST',
        `/api/v1/tasks/${dinkes.id}/submit`,
        { note: 'Data terlampir', evidenceIds: [evidence] },
        'owner-submit-1',
      );
      expect(submitted.status).toBe(200);
      const owner = await driver.userOf(own.assignee_unit_id, 'opd_officer');
      const inbox = await call(owner, 'GET', '/api/v1/tasks?status=submitted&regency=14.72');
      expect((inbox.body.items as { id: string }[]).map((t) => t.id)).toContain(dinkes.id);
      const queue = await call(owner, 'GET', '/api/v1/tasks?decidable=true&pageSize=100');
      const queued = queue.body.items as { id: string; unit: { code: string } | null }[];
      expect(queued.map((t) => t.id)).toContain(dinkes.id);
      expect(queued.some((t) => t.unit?.code === 'BAPPEDALITBANG')).toBe(false);
      const detail = await call(owner, 'GET', `/api/v1/tasks/${dinkes.id}`);
      expect(detail.body.permissions).toEqual({ canWork: false, canDecide: true, canCoordinate: false });

      const outsider = await call('dumai.ketapang', 'POST', `/api/v1/tasks/${dinkes.id}/approve`, {}, 'outsider-1');
      expect(outsider.status).toBe(404);
      const selfApproval = await call(owner, 'POST', `/api/v1/tasks/${own.id}/approve`, {}, 'self-approve-1');
      expect(selfApproval.status).toBe(403);
      const approved = await call(
        owner,
        'POST',
        `/api/v1/tasks/${dinkes.id}/approve`,
        { note: 'Sesuai' },
        'owner-approve-1',
      );
      expect(approved.status).toBe(200);
      expect(approved.body.status).toBe('approved');
    });

    it('asks the unit head, not an officer, to submit a signature', async () => {
      const walikota = (await tasksOf('14.72', year, 'AKSI_3.T1')).find((t) => t.unit_code === 'WALIKOTA')!;
      const officer = await driver.userOf(walikota.assignee_unit_id, 'opd_officer');
      const evidence = await upload(officer, walikota.id);
      const byOfficer = await call(
        officer,
        'POST',
        `/api/v1/tasks/${walikota.id}/submit`,
        { evidenceIds: [evidence] },
        'signature-officer',
      );
      expect(byOfficer.status).toBe(403);
      expect(byOfficer.body.code).toBe('SIGNATURE_REQUIRES_HEAD');
      const head = await driver.userOf(walikota.assignee_unit_id, 'opd_head');
      const byHead = await call(
        head,
        'POST',
        `/api/v1/tasks/${walikota.id}/submit`,
        { note: 'Disetujui', evidenceIds: [evidence] },
        'signature-head',
      );
      expect(byHead.status).toBe(200);
    });

    it('checks village data row by row and keeps nothing of a refused batch', async () => {
      const before = (await db.query(`SELECT count(*)::int AS n FROM village_situation`)) as { n: number }[];
      const refused = await call('dumai.dinkes', 'PUT', `/api/v1/regencies/14.72/cycles/${year}/village-situation`, {
        rows: [
          { villageCode: '14.72:purnama', prevalence: 12, cases: 4 },
          { villageCode: '18.72.05.1001', prevalence: 12, cases: 4 },
        ],
      });
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('VILLAGE_DATA_INVALID');
      expect(String(refused.body.message)).toContain('baris 2');
      const absurd = await call('dumai.dinkes', 'PUT', `/api/v1/regencies/14.72/cycles/${year}/village-situation`, {
        rows: [{ villageCode: '14.72:purnama', prevalence: 140, cases: 4 }],
      });
      expect(absurd.status).toBe(400);
      const after = (await db.query(`SELECT count(*)::int AS n FROM village_situation`)) as { n: number }[];
      expect(after[0]!.n).toBe(before[0]!.n);
    });

    it("starts next year's cycle from the year-start schedule, carrying the unresolved Aksi 8 recommendations into Aksi 1, and never twice", async () => {
      const open = await call(
        'dumai.sekretaris',
        'POST',
        `/api/v1/regencies/14.72/cycles/${year}/review-recommendations`,
        {
          text: 'Perluas cakupan kelas ibu hamil di kelurahan lokus',
          unitCode: 'DINKES',
        },
      );
      expect(open.status).toBe(201);
      const done = await call(
        'dumai.sekretaris',
        'POST',
        `/api/v1/regencies/14.72/cycles/${year}/review-recommendations`,
        {
          text: 'Terbitkan SK tim percepatan tingkat kelurahan',
        },
      );
      const resolved = await call(
        'dumai.sekretaris',
        'POST',
        `/api/v1/regencies/14.72/cycles/${year}/review-recommendations/${done.body.id as string}/resolve`,
      );
      expect(resolved.status).toBe(200);

      // The schedule fires on 1 January; the admin runs it now, in (real) 2026.
      const nextYear = Number(new Date().toISOString().slice(0, 4));
      expect(nextYear).toBeGreaterThan(year);
      const yearStartRuns = async (count: number) =>
        eventually(
          async () => {
            const listed = await call('admin', 'GET', '/api/v1/regencies/14.72/schedules');
            const items = listed.body.items as { kind: string; recentRuns: { workflowId: string }[] }[];
            const recent = items.find((i) => i.kind === 'year-start')!.recentRuns;
            return recent.length >= count ? recent : undefined;
          },
          30_000,
          'the year-start runs',
        );
      expect((await call('admin', 'POST', '/api/v1/regencies/14.72/schedules/year-start/trigger')).status).toBe(200);
      const [first] = await yearStartRuns(1);
      expect(await workflowResult(first!.workflowId)).toBe(`cycle:14.72:${nextYear}`);
      const [row] = (await db.query(`SELECT created_by FROM cycle WHERE regency_code = '14.72' AND year = $1`, [
        nextYear,
      ])) as { created_by: string | null }[];
      expect(row).toEqual({ created_by: null });

      const carried = await call(
        'dumai.ketua',
        'GET',
        `/api/v1/regencies/14.72/cycles/${nextYear}/review-recommendations`,
      );
      expect(carried.body.items).toEqual([
        expect.objectContaining({
          text: 'Perluas cakupan kelas ibu hamil di kelurahan lokus',
          unitCode: 'DINKES',
          carriedFromLastYear: true,
          resolvedAt: null,
        }),
      ]);
      const firstStage = await eventually(
        async () => {
          const tasks = await tasksOf('14.72', nextYear, 'AKSI_1.T1');
          return tasks.length > 0 ? tasks : undefined;
        },
        60_000,
        'Aksi 1 of the next year to open',
      );
      expect(firstStage[0]!.description).toContain('Perluas cakupan kelas ibu hamil di kelurahan lokus');

      // A second run in the same year finds the cycle and starts nothing.
      const cycles = async () =>
        ((await db.query(`SELECT count(*)::int AS n FROM cycle WHERE regency_code = '14.72'`)) as { n: number }[])[0]!
          .n;
      const before = await cycles();
      expect((await call('admin', 'POST', '/api/v1/regencies/14.72/schedules/year-start/trigger')).status).toBe(200);
      const runs = await yearStartRuns(2);
      expect(await workflowResult(runs[1]!.workflowId)).toBeNull();
      expect(await cycles()).toBe(before);
      await recordHistories({
        'year-start-creates-cycle': first!.workflowId,
        'year-start-existing-cycle': runs[1]!.workflowId,
      });
    });
  });

  describe("the regency's schedules", () => {
    it('lists the year-start, semester and AKS identity retention schedules with their next runs, for the admin only', async () => {
      const listed = await call('admin', 'GET', '/api/v1/regencies/14.72/schedules');
      expect(listed.status).toBe(200);
      const items = listed.body.items as { kind: string; paused: boolean; nextRuns: string[]; timeZone: string }[];
      expect(items.map((i) => i.kind)).toEqual(['year-start', 'semester-collection', 'aks-identity-retention']);
      expect(items.every((i) => !i.paused && i.nextRuns.length > 0 && i.timeZone === 'Asia/Jakarta')).toBe(true);
      // 1 January 00:05 WIB is 31 December 17:05 UTC.
      expect(items[0]!.nextRuns[0]).toMatch(/-12-31T17:05:00\.000Z$/);
      const secretary = await call('dumai.sekretaris', 'GET', '/api/v1/regencies/14.72/schedules');
      expect(secretary.status).toBe(403);
    });

    it('pauses and resumes a schedule with a reason', async () => {
      const paused = await call('admin', 'POST', '/api/v1/regencies/14.72/schedules/semester-collection/pause', {
        note: 'Menunggu pemetaan unit baru',
      });
      expect(paused.body).toMatchObject({ paused: true, note: 'Menunggu pemetaan unit baru' });
      const resumed = await call('admin', 'POST', '/api/v1/regencies/14.72/schedules/semester-collection/resume', {
        note: 'Pemetaan selesai',
      });
      expect(resumed.body).toMatchObject({ paused: false });
      const unknown = await call('admin', 'POST', '/api/v1/regencies/14.72/schedules/monthly/pause', { note: 'abc' });
      expect(unknown.status).toBe(400);
    });

    it('opens one data-collection task per unit when the semester schedule runs, and never twice', async () => {
      const countTasks = async () =>
        (
          (await db.query(
            `SELECT count(*)::int AS n FROM task WHERE regency_code = '14.72' AND title LIKE 'Laporan semester %'`,
          )) as { n: number }[]
        )[0]!.n;
      const units = (await db.query(
        `SELECT code, name, role_codes FROM unit WHERE regency_code = '14.72' AND active`,
      )) as { code: string; name: string; role_codes: string[] }[];
      const expected = semesterCollectionPlan(
        units.map((u) => ({ code: u.code, name: u.name, roles: u.role_codes })),
      ).units.filter((u) => u.indicatorCodes.length > 0).length;
      expect(expected).toBeGreaterThan(3);
      const triggered = await call('admin', 'POST', '/api/v1/regencies/14.72/schedules/semester-collection/trigger');
      expect(triggered.status).toBe(200);
      await eventually(
        async () => ((await countTasks()) === expected ? true : undefined),
        60_000,
        'one collection task per unit',
      );
      const perUnit = (await db.query(
        `SELECT count(DISTINCT assignee_unit_id)::int AS n FROM task WHERE regency_code = '14.72' AND title LIKE 'Laporan semester %'`,
      )) as { n: number }[];
      expect(perUnit[0]!.n).toBe(expected);
      // A second run (a retried schedule, or an admin clicking twice) opens nothing new.
      await call('admin', 'POST', '/api/v1/regencies/14.72/schedules/semester-collection/trigger');
      const runs = await eventually(
        async () => {
          const listed = await call('admin', 'GET', '/api/v1/regencies/14.72/schedules');
          const items = listed.body.items as { kind: string; recentRuns: { workflowId: string }[] }[];
          const recent = items.find((i) => i.kind === 'semester-collection')!.recentRuns;
          return recent.length >= 2 ? recent : undefined;
        },
        30_000,
        'both runs to be listed',
      );
      const results = await Promise.all(runs.map((run) => workflowResult(run.workflowId)));
      expect(results).toEqual([expected, expected]);
      expect(await countTasks()).toBe(expected);
      await recordHistories({ 'semester-collection-run': runs[0]!.workflowId });
    });
  });
});
