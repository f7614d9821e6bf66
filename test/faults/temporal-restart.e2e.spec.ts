import { startMailCatcher, type MailCatcher } from '@konvergensi/mail-catcher';
import { Client, Connection } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { confirmProposedLokus, CycleDriver, reportMetroVillageSituation } from '../support/cycle-driver';
import { Logins, openDatabase } from '../support/fixtures';
import { OwnTemporal } from '../support/own-temporal';
import { eventually, freePort } from '../support/processes';
import { startStack, type Stack } from '../support/stack';

/**
 * The Temporal dev server stopped in the middle of a year of the eight actions and started again on
 * its persistent file: the API answers 503 while it is away (reads from the records go on), the
 * worker reconnects by itself, and the year finishes with every stage opened once and every task
 * approved once. The file has a Temporal server of its own, so stopping it touches no other file.
 */
const secondsPerDay = 0.3;
const year = 2053;

describe('the Temporal server restarted in the middle of a cycle', () => {
  let temporal: OwnTemporal;
  let mail: MailCatcher;
  let stack: Stack;
  let db: DataSource;
  let logins: Logins;

  beforeAll(async () => {
    temporal = await OwnTemporal.start('temporal-restart');
    const smtpPort = await freePort();
    mail = await startMailCatcher({ port: smtpPort });
    stack = await startStack({
      name: 'temporal-restart',
      smtpPort,
      extraEnv: {
        TEMPORAL_ADDRESS: temporal.address,
        TIME_COMPRESSION_SECONDS_PER_DAY: String(secondsPerDay),
        LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
      },
    });
    db = await openDatabase();
    logins = new Logins(stack.baseUrl);
  });

  afterAll(async () => {
    await stack?.stop();
    await mail?.stop();
    await temporal?.stop();
    await db?.destroy();
  });

  const cycleStatus = async (cycleId: string): Promise<string | undefined> =>
    ((await db.query(`SELECT status FROM cycle WHERE id = $1`, [cycleId])) as { status: string }[])[0]?.status;

  const actionsDone = async (cycleId: string): Promise<number> =>
    (
      (await db.query(`SELECT count(*)::int AS n FROM cycle_action WHERE cycle_id = $1 AND status = 'done'`, [
        cycleId,
      ])) as { n: number }[]
    )[0]!.n;

  it('finishes the year after the server was away, with every stage opened once and every task approved once', async () => {
    const secretaryAuth = await logins.bearer('metro.sekretaris');
    const created = await fetch(`${stack.baseUrl}/api/v1/regencies/18.72/cycles`, {
      method: 'POST',
      headers: { ...secretaryAuth, 'content-type': 'application/json' },
      body: JSON.stringify({ year, playFrom: `${year}-01-01` }),
    });
    expect(created.status).toBe(201);
    const cycle = (await created.json()) as { id: string };
    await reportMetroVillageSituation(stack.baseUrl, logins, year);
    const driver = new CycleDriver(
      stack.baseUrl,
      db,
      'metro.sekretaris',
      confirmProposedLokus(stack.baseUrl, logins, year),
    );

    // Into the year: the first two actions done, others under way, a task waiting for its unit.
    await driver.playUntil(
      async () => (await actionsDone(cycle.id)) >= 2 && (await driver.openTasks(cycle.id)).length > 0,
      cycle.id,
      240_000,
    );

    await temporal.stop();
    const stoppedAt = Date.now();
    // While the server is away: a submission cannot reach its workflow, says so and records nothing.
    const [waiting] = await driver.openTasks(cycle.id);
    expect(waiting).toBeDefined();
    await expect(driver.complete(waiting!)).rejects.toThrow(/: 503 .*WORKFLOW_UNAVAILABLE/);
    const afterRefusal = (await db.query(
      `SELECT t.status, count(e.id) FILTER (WHERE e.kind = 'submitted')::int AS submitted
         FROM task t LEFT JOIN task_event e ON e.task_id = t.id WHERE t.id = $1 GROUP BY t.id`,
      [waiting!.id],
    )) as { status: string; submitted: number }[];
    expect(afterRefusal[0]).toMatchObject({ submitted: 0 });
    expect(['open', 'returned']).toContain(afterRefusal[0]!.status);
    // Reads come from the records and go on.
    const status = await fetch(`${stack.baseUrl}/api/v1/regencies/18.72/cycles/${year}/status`, {
      headers: secretaryAuth,
    });
    expect(status.status).toBe(200);
    const health = await fetch(`${stack.baseUrl}/api/health`);
    expect(((await health.json()) as { services: Record<string, string> }).services.temporal).not.toBe('up');
    // Ten seconds away: a month of the compressed year passes without the server.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 10_000 - (Date.now() - stoppedAt))));
    await temporal.resume();
    console.log(`Temporal server away for ${Math.round((Date.now() - stoppedAt) / 1000)} s`);

    await driver.playUntil(async () => (await cycleStatus(cycle.id)) === 'done', cycle.id, 420_000);

    const actions = (await db.query(`SELECT code, status FROM cycle_action WHERE cycle_id = $1 ORDER BY sequence`, [
      cycle.id,
    ])) as { code: string; status: string }[];
    expect(actions.map((a) => `${a.code}:${a.status}`)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `AKSI_${n}:done`));
    // Every stage opened once and closed; no unit got the same task of a stage twice.
    const stages = (await db.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE s.closed_at IS NULL)::int AS unclosed
         FROM action_stage s JOIN cycle_action a ON a.id = s.action_id WHERE a.cycle_id = $1`,
      [cycle.id],
    )) as { n: number; unclosed: number }[];
    expect(stages[0]!.n).toBeGreaterThan(20);
    expect(stages[0]!.unclosed).toBe(0);
    const twice = (await db.query(
      `SELECT stage_id, assignee_unit_id, title, count(*)::int AS n FROM task WHERE cycle_id = $1
        GROUP BY stage_id, assignee_unit_id, title HAVING count(*) > 1`,
      [cycle.id],
    )) as unknown[];
    expect(twice).toEqual([]);
    // Every task approved exactly once (or, the one the server's absence kept open, approved after).
    const tasks = (await db.query(
      `SELECT t.status, count(e.id) FILTER (WHERE e.kind = 'approved')::int AS approvals,
              count(e.id) FILTER (WHERE e.kind = 'created')::int AS creations
         FROM task t LEFT JOIN task_event e ON e.task_id = t.id WHERE t.cycle_id = $1 GROUP BY t.id`,
      [cycle.id],
    )) as { status: string; approvals: number; creations: number }[];
    expect(tasks.length).toBeGreaterThan(50);
    expect(tasks.filter((t) => t.status !== 'approved' || t.approvals !== 1 || t.creations !== 1)).toEqual([]);
    console.log(
      `Temporal restart: the year finished with ${stages[0]!.n} stages and ${tasks.length} tasks, each approved once`,
    );
    // Temporal, from its persistent file: the cycle and its actions completed.
    const client = new Client({ connection: await Connection.connect({ address: temporal.address }) });
    try {
      // The records say "done" from the cycle's last activity; the workflow completes just after.
      const status = await eventually(
        async () => {
          const described = await client.workflow.getHandle(`cycle:18.72:${year}`).describe();
          return described.status.name === 'RUNNING' ? undefined : described.status.name;
        },
        30_000,
        'the cycle workflow to close',
      );
      expect(status).toBe('COMPLETED');
      const stillRunning = async (): Promise<string[]> => {
        const running: string[] = [];
        for await (const execution of client.workflow.list({ query: `ExecutionStatus = 'Running'` })) {
          if (execution.taskQueue === stack.taskQueue) running.push(execution.workflowId);
        }
        return running;
      };
      await eventually(
        async () => ((await stillRunning()).length === 0 ? true : undefined),
        30_000,
        'no workflow left running',
      ).catch(() => undefined);
      expect(await stillRunning()).toEqual([]);
    } finally {
      await client.connection.close();
    }
  }, 900_000);
});
