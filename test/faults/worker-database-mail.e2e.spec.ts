import { startMailCatcher, type CaughtMail, type MailCatcher } from '@konvergensi/mail-catcher';
import { addWorkingDays, indonesianWorkingDayRules } from '@konvergensi/domain';
import { Client, Connection } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import type { DataSource } from 'typeorm';
import { ApiClient, type ApiResponse } from '../support/api-client';
import { testEnvironment } from '../support/environment';
import { openDatabase } from '../support/fixtures';
import { recordHistories } from '../support/histories';
import { OwnTemporal } from '../support/own-temporal';
import { eventually, freePort, startApp } from '../support/processes';
import { startStack, type Stack } from '../support/stack';
import { compressedToday, createAdHocTask, type CreatedTask } from '../support/task-fixtures';

/**
 * Faults on the real services, each while tasks are being closed and their ladders fall due: the
 * worker killed, PostgreSQL's connections dropped, the SMTP server down for a minute. After each,
 * counted from the records, Temporal and the mailbox: no submission lost, no escalation step
 * skipped or repeated, no mail delivered twice, every workflow where it should be.
 *
 * The file has a Temporal dev server of its own, so the kills touch nothing of other files.
 */
const secondsPerDay = 2;
const ladderSteps = ['ladder_reminder', 'ladder_overdue', 'ladder_secretary', 'ladder_chair'];
const email = (username: string) => `${username}@demo.konvergensi.test`;

describe('faults while tasks close and escalations fall due', () => {
  let temporal: OwnTemporal;
  let temporalClient: Client;
  let smtpPort: number;
  let mail: MailCatcher;
  let stack: Stack;
  let db: DataSource;
  let secretary: ApiClient;
  let officer: ApiClient;
  let savedSettings: unknown;
  /** Every status the API answered during the faults, to show none was a 500. */
  const answered: number[] = [];
  /** Tasks this file opened, cancelled at the end so other files' inboxes do not fill with them. */
  const opened: string[] = [];

  beforeAll(async () => {
    temporal = await OwnTemporal.start('faults');
    temporalClient = new Client({ connection: await Connection.connect({ address: temporal.address }) });
    smtpPort = await freePort();
    mail = await startMailCatcher({ port: smtpPort });
    stack = await startStack({
      name: 'faults',
      smtpPort,
      extraEnv: {
        TEMPORAL_ADDRESS: temporal.address,
        TIME_COMPRESSION_SECONDS_PER_DAY: String(secondsPerDay),
        MAIL_DISPATCH_INTERVAL_MS: '200',
        MAIL_RETRY_MAX_SECONDS: '2',
        LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
      },
    });
    db = await openDatabase();
    secretary = await ApiClient.as(stack.baseUrl, 'metro.sekretaris');
    officer = await ApiClient.as(stack.baseUrl, 'metro.dinkes');
    savedSettings = (await secretary.get<Record<string, unknown>>('/api/v1/regencies/18.72/escalation-settings')).body;
    // Every step as its own mail, so each one can be counted in the mailbox.
    const settings = await secretary.put('/api/v1/regencies/18.72/escalation-settings', {
      ladder: { reminderWorkingDaysBefore: [3], secretaryAfterWorkingDays: 3, chairAfterWorkingDays: 7 },
      escalationDelivery: 'immediate',
      digestTime: '23:59:59',
      unitDigestEnabled: false,
    });
    if (settings.status !== 200) throw new Error(`setting the ladder failed: ${JSON.stringify(settings.body)}`);
  });

  afterAll(async () => {
    const stillOpen = opened.length
      ? ((await db.query(`SELECT id FROM task WHERE id = ANY($1) AND status IN ('open', 'returned', 'submitted')`, [
          opened,
        ])) as { id: string }[])
      : [];
    for (const { id } of stillOpen) {
      await secretary.post(
        `/api/v1/tasks/${id}/cancel`,
        { reason: 'Selesai diuji' },
        { 'idempotency-key': randomUUID() },
      );
    }
    if (savedSettings && typeof savedSettings === 'object' && !(savedSettings as { isDefault?: boolean }).isDefault) {
      const { ladder, escalationDelivery, digestTime, unitDigestEnabled } = savedSettings as Record<string, unknown>;
      await secretary?.put('/api/v1/regencies/18.72/escalation-settings', {
        ladder,
        escalationDelivery,
        digestTime,
        unitDigestEnabled,
      });
    } else {
      await db?.query(`DELETE FROM escalation_setting WHERE regency_code = '18.72'`);
    }
    await stack?.stop();
    await mail?.stop();
    await temporalClient?.connection.close();
    await temporal?.stop();
    await db?.destroy();
  });

  /** Tasks due `workingDays` after the compressed today: the reminder falls due within seconds. */
  const openTasks = async (label: string, count: number, workingDays: number): Promise<CreatedTask[]> => {
    const due = addWorkingDays(
      await compressedToday(secretary, secondsPerDay),
      workingDays,
      indonesianWorkingDayRules(),
    );
    const tasks: CreatedTask[] = [];
    for (let i = 1; i <= count; i += 1) tasks.push(await createAdHocTask(secretary, `${label} ${i}`, due));
    opened.push(...tasks.map((t) => t.id));
    return tasks;
  };

  /**
   * Repeats a request with the same Idempotency-Key while the API answers 503 (a service behind it
   * is down) or cannot be reached, as the web app does; any other answer ends it.
   */
  const persist = async <T>(send: () => Promise<ApiResponse<T>>, timeoutMs = 120_000): Promise<ApiResponse<T>> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      let response: ApiResponse<T> | undefined;
      try {
        response = await send();
        answered.push(response.status);
      } catch {
        response = undefined;
      }
      if (response && response.status !== 503) return response;
      if (Date.now() > deadline) throw new Error(`no answer but 503 within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  };

  /** Submit as the DINKES officer, approve as the secretary: one key each, however often sent. */
  const closeTask = async (taskId: string): Promise<[number, number]> => {
    const submitKey = randomUUID();
    const approveKey = randomUUID();
    const submitted = await persist(() =>
      officer.post(`/api/v1/tasks/${taskId}/submit`, { note: 'Terlampir' }, { 'idempotency-key': submitKey }),
    );
    const approved = await persist(() =>
      secretary.post(`/api/v1/tasks/${taskId}/approve`, { note: 'Diterima' }, { 'idempotency-key': approveKey }),
    );
    return [submitted.status, approved.status];
  };

  const eventCounts = async (taskIds: string[]): Promise<Map<string, Record<string, number>>> => {
    const rows = (await db.query(
      `SELECT task_id, kind, count(*)::int AS n FROM task_event WHERE task_id = ANY($1) GROUP BY task_id, kind`,
      [taskIds],
    )) as { task_id: string; kind: string; n: number }[];
    const counts = new Map<string, Record<string, number>>(taskIds.map((id) => [id, {}]));
    for (const row of rows) counts.get(row.task_id)![row.kind] = row.n;
    return counts;
  };

  const statuses = async (taskIds: string[]): Promise<string[]> =>
    ((await db.query(`SELECT status FROM task WHERE id = ANY($1) ORDER BY id`, [taskIds])) as { status: string }[]).map(
      (row) => row.status,
    );

  const workflowStatuses = async (taskIds: string[]): Promise<string[]> =>
    Promise.all(
      taskIds.map(async (id) => (await temporalClient.workflow.getHandle(`task:${id}`).describe()).status.name),
    );

  const waitForLadderEnd = (taskIds: string[], timeoutMs: number) =>
    eventually(
      async () => {
        const counts = await eventCounts(taskIds);
        return [...counts.values()].every((c) => (c.ladder_chair ?? 0) >= 1) ? true : undefined;
      },
      timeoutMs,
      'every open task to reach the chair',
    );

  const mailsOf = (taskIds: string[]): CaughtMail[] =>
    mail.messages().filter((m) => taskIds.some((id) => m.text.includes(`/tugas/${id}`)));

  /** Every outbox row of these tasks delivered, and each Message-ID arrived exactly once. */
  const expectEveryMailOnce = async (taskIds: string[]): Promise<number> => {
    await eventually(
      async () => {
        const rows = (await db.query(
          `SELECT count(*)::int AS n FROM mail_outbox WHERE task_id = ANY($1) AND status <> 'sent'`,
          [taskIds],
        )) as { n: number }[];
        return rows[0]!.n === 0 ? true : undefined;
      },
      60_000,
      'the outbox of these tasks to be delivered',
    );
    const outbox = (await db.query(`SELECT message_id FROM mail_outbox WHERE task_id = ANY($1)`, [taskIds])) as {
      message_id: string;
    }[];
    const expected = outbox.map((row) => row.message_id.replace(/^<|>$/g, '')).sort();
    await eventually(
      async () => (mailsOf(taskIds).length >= expected.length ? true : undefined),
      20_000,
      'the mails to arrive',
    );
    const received = mailsOf(taskIds)
      .map((m) => (m.messageId ?? '').replace(/^<|>$/g, ''))
      .sort();
    expect(received).toEqual(expected);
    return received.length;
  };

  /** Per still-open task: created once, each of the four ladder steps once, in the ladder's order. */
  const expectFullLadderOnce = async (taskIds: string[]): Promise<void> => {
    const counts = await eventCounts(taskIds);
    for (const id of taskIds) {
      expect({ id, ...counts.get(id) }).toEqual({
        id,
        created: 1,
        ladder_reminder: 1,
        ladder_overdue: 1,
        ladder_secretary: 1,
        ladder_chair: 1,
      });
    }
    // Other test files add heads and secretaries of their own to Metro, so the seeded people are
    // among the recipients, and no recipient got the same notice twice.
    for (const id of taskIds) {
      const notices = mailsOf([id]).flatMap((m) => m.to.map((to) => `${to}|${m.subject.split(':')[0]}`));
      expect(new Set(notices).size).toBe(notices.length);
      expect(notices).toEqual(
        expect.arrayContaining([
          `${email('metro.dinkes')}|Tugas baru`,
          `${email('metro.dinkes')}|Pengingat`,
          `${email('metro.dinkes')}|Terlambat`,
          `${email('metro.kepala-dinkes')}|Terlambat`,
          `${email('metro.sekretaris')}|Eskalasi ke Sekretaris TPPS`,
          `${email('metro.ketua')}|Eskalasi ke Ketua TPPS`,
        ]),
      );
    }
  };

  /** Per closed task: submitted and approved once, no ladder step twice, the workflow completed. */
  const expectClosedOnce = async (taskIds: string[]): Promise<void> => {
    expect(await statuses(taskIds)).toEqual(taskIds.map(() => 'approved'));
    const counts = await eventCounts(taskIds);
    for (const id of taskIds) {
      const c = counts.get(id)!;
      expect({ id, created: c.created, submitted: c.submitted, approved: c.approved }).toEqual({
        id,
        created: 1,
        submitted: 1,
        approved: 1,
      });
      for (const step of ladderSteps) expect(c[step] ?? 0).toBeLessThanOrEqual(1);
    }
    // An approval answers once recorded; the workflow completes in its next workflow task.
    await eventually(
      async () => ((await workflowStatuses(taskIds)).every((s) => s !== 'RUNNING') ? true : undefined),
      30_000,
      'the workflows of the closed tasks to complete',
    ).catch(() => undefined);
    expect(await workflowStatuses(taskIds)).toEqual(taskIds.map(() => 'COMPLETED'));
  };

  it('loses no submission and skips or repeats no escalation when the worker is killed during a burst of closes', async () => {
    const tasks = await openTasks('Data e-PPGBM (pekerja dimatikan)', 24, 4);
    const closing = tasks.slice(0, 12).map((t) => t.id);
    const open = tasks.slice(12).map((t) => t.id);
    // The burst: twelve closes at once while the ladders of all 24 run.
    const closes = Promise.all(closing.map((id) => closeTask(id)));
    await eventually(
      async () => {
        const rows = (await db.query(
          `SELECT count(*)::int AS n FROM task_event WHERE task_id = ANY($1) AND kind = 'submitted'`,
          [closing],
        )) as { n: number }[];
        return rows[0]!.n >= 3 ? true : undefined;
      },
      60_000,
      'the burst to be under way',
    );
    // Killed between two SMTP exchanges: SMTP has no idempotency key, so a crash inside one
    // exchange could deliver that mail again (with the same Message-ID); outside one it cannot.
    await eventually(
      async () => {
        const due = (await db.query(
          `SELECT count(*)::int AS n FROM mail_outbox WHERE status = 'pending' AND next_attempt_at <= now()`,
        )) as { n: number }[];
        return due[0]!.n === 0 ? true : undefined;
      },
      20_000,
      'a moment without mail due',
    );
    await stack.worker.kill();
    const killedAt = Date.now();
    // Down for three compressed days: reminders and overdue notices fall due meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 3 * secondsPerDay * 1000));
    stack.worker = startApp('worker', stack.env, join(testEnvironment().workDir, 'faults-worker-2.log'));
    const closed = await closes;
    console.log(`worker killed ${Math.round((Date.now() - killedAt) / 1000)} s before the burst's last answer`);

    expect(closed).toEqual(closing.map(() => [200, 200]));
    await expectClosedOnce(closing);
    await waitForLadderEnd(open, 120_000);
    // Give any repeated step a chance to show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await expectFullLadderOnce(open);
    expect(await statuses(open)).toEqual(open.map(() => 'open'));
    expect(await workflowStatuses(open)).toEqual(open.map(() => 'RUNNING'));
    const delivered = await expectEveryMailOnce(tasks.map((t) => t.id));
    console.log(`worker kill: 12 closes, 12 full ladders, ${delivered} mails each delivered once`);
    // Histories that went through the crash (failed and timed-out workflow tasks) replay too.
    await secretary.post(
      `/api/v1/tasks/${open[0]}/cancel`,
      { reason: 'Selesai diuji' },
      { 'idempotency-key': randomUUID() },
    );
    const [lastApproved] = (await db.query(
      `SELECT task_id FROM task_event WHERE task_id = ANY($1) AND kind = 'approved' ORDER BY occurred_at DESC LIMIT 1`,
      [closing],
    )) as { task_id: string }[];
    await recordHistories(
      {
        'task-closed-across-worker-kill': `task:${lastApproved!.task_id}`,
        'task-ladder-across-worker-kill': `task:${open[0]}`,
      },
      temporal.address,
    );
  }, 300_000);

  it('loses no submission and leaves no half-written record when PostgreSQL drops every connection', async () => {
    const tasks = await openTasks('Rekap sasaran (koneksi basis data diputus)', 12, 4);
    const closing = tasks.slice(0, 8).map((t) => t.id);
    const open = tasks.slice(8).map((t) => t.id);
    const killer = new PgClient({ connectionString: testEnvironment().databaseUrl });
    await killer.connect();
    let drops = 0;
    let terminated = 0;
    const dropping = (async () => {
      // Five times, 400 ms apart: every connection of the API, the worker and this file, mid-burst.
      for (; drops < 5; drops += 1) {
        const rows = (await killer.query(
          `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid()`,
        )) as { rows: { n: number }[] };
        terminated += rows.rows[0]!.n;
        await new Promise((resolve) => setTimeout(resolve, 400));
      }
    })();
    // Creating tasks during the drops too: each either exists with its workflow, or not at all.
    // One Idempotency-Key per intended task, kept across repeats: a repeat after a 503 whose first
    // attempt did record the task answers that task instead of creating a second.
    const creating = Promise.all(
      Array.from({ length: 6 }, (_, i) => {
        const key = { 'idempotency-key': `create-${randomUUID()}` };
        return persist(() =>
          secretary.post<CreatedTask>(
            '/api/v1/regencies/18.72/tasks',
            {
              title: `Tugas baru saat basis data putus ${i + 1}`,
              description: 'Dibuat saat koneksi basis data diputus',
              unitCode: 'DINKES',
              dueDate: addWorkingDays(tasks[0]!.dueAt.slice(0, 10), 20, indonesianWorkingDayRules()),
              deliverables: [{ kind: 'document', title: 'Laporan' }],
            },
            key,
          ),
        );
      }),
    );
    const closed = await Promise.all(closing.map((id) => closeTask(id)));
    const created = await creating;
    await dropping;
    await killer.end();
    console.log(`PostgreSQL: ${terminated} connections terminated in ${drops} rounds`);
    expect(terminated).toBeGreaterThan(0);

    expect(closed).toEqual(closing.map(() => [200, 200]));
    await expectClosedOnce(closing);
    expect(created.map((r) => r.status)).toEqual(created.map(() => 201));
    const createdIds = created.map((r) => r.body.id);
    const createdRows = (await db.query(
      `SELECT count(*)::int AS n FROM task WHERE title LIKE 'Tugas baru saat basis data putus %' AND regency_code = '18.72'`,
    )) as { n: number }[];
    expect(createdRows[0]!.n).toBe(6);
    expect(await workflowStatuses(createdIds)).toEqual(createdIds.map(() => 'RUNNING'));
    await eventually(
      async () => {
        const counts = await eventCounts(createdIds);
        return [...counts.values()].every((c) => c.created === 1) ? true : undefined;
      },
      30_000,
      'the new tasks to record their creation',
    );
    await waitForLadderEnd(open, 120_000);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await expectFullLadderOnce(open);
    for (const id of createdIds) await secretary.post(`/api/v1/tasks/${id}/cancel`, { reason: 'Selesai diuji' });
    const delivered = await expectEveryMailOnce(tasks.map((t) => t.id));
    console.log(`PostgreSQL drops: 8 closes, 4 full ladders, 6 creations, ${delivered} mails each delivered once`);
  }, 300_000);

  it('delivers every notice exactly once after the SMTP server has been down for a minute, and the ladder kept time', async () => {
    const tasks = await openTasks('Laporan PMT (SMTP mati)', 6, 3);
    const ids = tasks.map((t) => t.id);
    await eventually(
      async () => (mailsOf(ids).filter((m) => m.subject.startsWith('Tugas baru')).length === 6 ? true : undefined),
      30_000,
      'the assignment mails',
    );
    await mail.stop();
    // Read what arrived only once the server is down: a mail accepted while it was stopping counts.
    const before = mail.messages();
    const downAt = Date.now();
    // A minute is 30 compressed days: every step of every ladder falls due while SMTP is down.
    await waitForLadderEnd(ids, 60_000);
    const stepsWhileDown = (await db.query(
      `SELECT count(*)::int AS n FROM task_event WHERE task_id = ANY($1) AND kind LIKE 'ladder_%'`,
      [ids],
    )) as { n: number }[];
    const waiting = (await db.query(
      `SELECT count(*)::int AS n, max(attempts)::int AS attempts FROM mail_outbox
        WHERE task_id = ANY($1) AND status = 'pending'`,
      [ids],
    )) as { n: number; attempts: number }[];
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 60_000 - (Date.now() - downAt))));
    mail = await startMailCatcher({ port: smtpPort, initial: before });
    console.log(
      `SMTP down ${Math.round((Date.now() - downAt) / 1000)} s: ${waiting[0]!.n} mails waited, up to ${waiting[0]!.attempts} attempts each`,
    );
    // All four steps of all six ladders happened while no mail could leave.
    expect(stepsWhileDown[0]!.n).toBe(6 * 4);
    // The two overdue notices and two escalations of each task at least (the reminder, due at once,
    // may have left before the server went down), each tried more than once.
    expect(waiting[0]!.n).toBeGreaterThanOrEqual(6 * 4);
    expect(waiting[0]!.attempts).toBeGreaterThan(1);
    const delivered = await expectEveryMailOnce(ids);
    expect(delivered).toBeGreaterThanOrEqual(6 * 6);
    await expectFullLadderOnce(ids);
  }, 240_000);

  it('answered every request during the faults with a result or a 503, never a 500', () => {
    const tally: Record<number, number> = {};
    for (const status of answered) tally[status] = (tally[status] ?? 0) + 1;
    console.log(`answers during the faults by status: ${JSON.stringify(tally)}`);
    expect(answered.length).toBeGreaterThan(0);
    expect(answered.filter((status) => status >= 500 && status !== 503)).toEqual([]);
  });
});
