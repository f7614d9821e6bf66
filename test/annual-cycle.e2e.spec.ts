import type { DataSource } from 'typeorm';
import { confirmProposedLokus, CycleDriver, reportMetroVillageSituation } from './support/cycle-driver';
import { recordHistories } from './support/histories';
import { Logins, openDatabase, startFileStack, type FileStack } from './support/fixtures';

/**
 * A whole year of the eight actions for Kota Metro on the real Temporal server, played on a
 * compressed clock (SECONDS_PER_DAY real seconds per calendar day from 1 January).
 */
const secondsPerDay = 0.3;
const year = 2046;

describe('the annual cycle of the eight actions', () => {
  let stack: FileStack;
  let db: DataSource;
  let logins: Logins;

  beforeAll(async () => {
    stack = await startFileStack('annual-cycle', { TIME_COMPRESSION_SECONDS_PER_DAY: String(secondsPerDay) });
    db = await openDatabase();
    logins = new Logins(stack.baseUrl);
  });

  afterAll(async () => {
    await db?.destroy();
    await stack?.stop();
  });

  it('runs a whole year: every action finishes, each stage after what it requires', async () => {
    const started = Date.now();
    const created = await fetch(`${stack.baseUrl}/api/v1/regencies/18.72/cycles`, {
      method: 'POST',
      headers: { ...(await logins.bearer('metro.sekretaris')), 'content-type': 'application/json' },
      body: JSON.stringify({ year, playFrom: `${year}-01-01` }),
    });
    expect(created.status).toBe(201);
    const cycle = (await created.json()) as { id: string; actions: { code: string }[] };
    expect(cycle.actions.map((a) => a.code)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `AKSI_${n}`));

    const hot = await reportMetroVillageSituation(stack.baseUrl, logins, year);
    const driver = new CycleDriver(
      stack.baseUrl,
      db,
      'metro.sekretaris',
      confirmProposedLokus(stack.baseUrl, logins, year),
    );
    await driver.playUntil(
      async () => {
        const [row] = (await db.query(`SELECT status FROM cycle WHERE id = $1`, [cycle.id])) as { status: string }[];
        return row?.status === 'done';
      },
      cycle.id,
      (400 * secondsPerDay + 240) * 1000,
    );
    const seconds = Math.round((Date.now() - started) / 1000);
    console.log(`compressed year ${year} for Kota Metro finished in ${seconds} s (${secondsPerDay} s per day)`);

    const actions = (await db.query(`SELECT code, status FROM cycle_action WHERE cycle_id = $1 ORDER BY sequence`, [
      cycle.id,
    ])) as { code: string; status: string }[];
    expect(actions.map((a) => `${a.code}:${a.status}`)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `AKSI_${n}:done`));

    // Dependency order: no stage opened before what it requires had closed.
    const stages = (await db.query(
      `SELECT s.code, a.code AS action_code, s.opened_at, s.closed_at FROM action_stage s
         JOIN cycle_action a ON a.id = s.action_id WHERE a.cycle_id = $1`,
      [cycle.id],
    )) as { code: string; action_code: string; opened_at: Date; closed_at: Date }[];
    const plan = (await db.query(`SELECT template_snapshot FROM cycle WHERE id = $1`, [cycle.id])) as {
      template_snapshot: { actions: { code: string; stages: { code: string; requires: string[] }[] }[] };
    }[];
    const closedAt = new Map<string, number>();
    for (const s of stages) closedAt.set(s.code, s.closed_at.getTime());
    for (const action of plan[0]!.template_snapshot.actions) {
      closedAt.set(
        action.code,
        Math.max(...stages.filter((s) => s.action_code === action.code).map((s) => s.closed_at.getTime())),
      );
    }
    const violations: string[] = [];
    for (const action of plan[0]!.template_snapshot.actions) {
      for (const stage of action.stages) {
        const opened = stages.find((s) => s.code === stage.code)!.opened_at.getTime();
        for (const required of stage.requires) {
          if ((closedAt.get(required) ?? Infinity) > opened)
            violations.push(`${stage.code} opened before ${required} closed`);
        }
      }
    }
    expect(violations).toEqual([]);
    expect(stages.every((s) => s.closed_at !== null)).toBe(true);

    // Aksi 7 weighs in February and August: the August round opened after the February one closed.
    const weighing = stages.filter((s) => s.code === 'AKSI_7.T2' || s.code === 'AKSI_7.T3');
    expect(weighing).toHaveLength(2);
    // The monthly reports of Aksi 5 opened one round a month, July to December.
    const monthly = (await db.query(
      `SELECT count(DISTINCT t.title)::int AS rounds FROM task t JOIN action_stage s ON s.id = t.stage_id
        WHERE t.cycle_id = $1 AND s.code = 'AKSI_5.T4'`,
      [cycle.id],
    )) as { rounds: number }[];
    expect(monthly[0]!.rounds).toBe(6);

    // Aksi 1 proposed the two kelurahan its analysis found, and the secretary confirmed them.
    const lokus = (await db.query(`SELECT village_code, status FROM lokus_village WHERE cycle_id = $1 ORDER BY rank`, [
      cycle.id,
    ])) as { village_code: string; status: string }[];
    expect(lokus.map((l) => `${l.village_code}:${l.status}`).sort()).toEqual(
      [...hot].map((id) => `${id}:confirmed`).sort(),
    );

    const [signed] = (await db.query(
      `SELECT t.id FROM task t JOIN action_stage s ON s.id = t.stage_id
        WHERE t.cycle_id = $1 AND s.code = 'AKSI_3.EVENT' ORDER BY t.id LIMIT 1`,
      [cycle.id],
    )) as { id: string }[];
    await recordHistories({
      'annual-cycle-whole-year': `cycle:18.72:${year}`,
      'action-rembuk-waits-for-other-actions': `cycle:18.72:${year}:AKSI_3`,
      'action-monthly-rounds': `cycle:18.72:${year}:AKSI_5`,
      'task-of-stage-tells-its-action': `task:${signed!.id}`,
    });
  }, 480_000);
});
