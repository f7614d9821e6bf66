#!/usr/bin/env node
// `npm run bench:tasks`: how long closing a task takes through the API (submit + approve over
// HTTP, with auth and the API's reads), beside the same two Temporal Updates sent from a bare
// client in the same run (the baseline). Starts everything it needs on 127.0.0.1 (a Temporal dev
// server on a throwaway SQLite file, a fresh `konvergensi_bench_test_<time>` database, an SMTP
// receiver, the worker and the API), measures, removes it all again, prints a Markdown table and
// writes it with the machine's description into docs/benchmarks.md.
//
// Parameters (argv wins over env):
//   --tasks=N          BENCH_TASKS           measured closes per path and concurrency (200)
//   --concurrency=L    BENCH_CONCURRENCY     comma-separated concurrency levels (10,50)
//   --warmup=W         BENCH_WARMUP          warm-up closes per path and level, not counted (max(20, C))
//   --phase-timeout=S  BENCH_PHASE_TIMEOUT   seconds a phase may take before it stops taking tasks (300)
//   --max-minutes=M    BENCH_MAX_MINUTES     the whole run stops (and cleans up) after this (25)
//   --no-write         BENCH_WRITE=0         print only, leave docs/benchmarks.md alone
//   --skip-build       BENCH_SKIP_BUILD=1    use the existing dist/ as it is
//   --keep-logs        BENCH_KEEP_LOGS=1     keep the work folder (process logs) after the run
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  commonOptions,
  fmt,
  log,
  machineTable,
  option,
  percentile,
  positiveInt,
  prepareBuild,
  ratio,
  root,
  runMain,
  runPhase as runLanes,
  sleep,
  startBenchStack,
  summarize as summarizeValues,
  timed,
  until,
  writeDocSection,
} from './lib/bench-kit.mjs';

const require = createRequire(import.meta.url);

// ---------------------------------------------------------------- parameters

const params = {
  tasks: positiveInt(option('tasks', 'BENCH_TASKS', '200'), 'tasks (BENCH_TASKS)'),
  concurrency: String(option('concurrency', 'BENCH_CONCURRENCY', '10,50'))
    .split(',')
    .map((c) => positiveInt(c.trim(), 'concurrency (BENCH_CONCURRENCY)')),
  warmup: option('warmup', 'BENCH_WARMUP', undefined),
  phaseTimeoutMs: positiveInt(option('phase-timeout', 'BENCH_PHASE_TIMEOUT', '300'), 'phase timeout') * 1000,
  ...commonOptions({ maxMinutes: 25 }),
};
const warmupFor = (c) => (params.warmup === undefined ? Math.max(20, c) : Number(params.warmup));
if (params.warmup !== undefined && !(Number.isInteger(Number(params.warmup)) && Number(params.warmup) >= 0))
  throw new Error(`warmup must be a whole number, got "${params.warmup}"`);

const regencyCode = '18.72'; // Kota Metro in the demo seed
const unitCode = 'DINKES';
const officerName = 'metro.dinkes';
const secretaryName = 'metro.sekretaris';
const requestTimeoutMs = 30_000;

// ---------------------------------------------------------------- statistics

function summarize(result) {
  const closes = summarizeValues(result.samples.map((s) => s.close));
  return {
    closes: closes.n,
    errors: result.errors.length,
    firstErrors: result.errors.slice(0, 3),
    wallSeconds: result.wallMs / 1000,
    throughput: closes.n / (result.wallMs / 1000),
    p50: closes.p50,
    p95: closes.p95,
    p99: closes.p99,
    max: closes.max,
    submitP50: summarizeValues(result.samples.map((s) => s.first)).p50,
    approveP50: summarizeValues(result.samples.map((s) => s.second)).p50,
    stoppedAtDeadline: result.stoppedAtDeadline,
  };
}

// ---------------------------------------------------------------- load generation

/** The kit's bounded lanes with this benchmark's phase limit. */
const runPhase = (items, concurrency, fn) => runLanes(items, concurrency, fn, { timeoutMs: params.phaseTimeoutMs });

// ---------------------------------------------------------------- report

function resultsTable(rows) {
  const lines = [
    '| concurrency | path | closes | errors | throughput (closes/s) | p50 ms | p95 ms | p99 ms | max ms | 1st Update p50 ms | 2nd Update p50 ms |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const { concurrency, api, bare } of rows) {
    const row = (name, s) =>
      `| ${concurrency} | ${name} | ${s.closes} | ${s.errors} | ${fmt(s.throughput)} | ${fmt(s.p50, 0)} | ${fmt(s.p95, 0)} | ${fmt(s.p99, 0)} | ${fmt(s.max, 0)} | ${fmt(s.submitP50, 0)} | ${fmt(s.approveP50, 0)} |`;
    lines.push(row('API: submit + approve over HTTP', api));
    lines.push(row('bare Temporal: the two Updates', bare));
    lines.push(
      `| ${concurrency} | **ratio API / bare** |  |  | ${ratio(api.throughput, bare.throughput)} | **${ratio(api.p50, bare.p50)}** | **${ratio(api.p95, bare.p95)}** | **${ratio(api.p99, bare.p99)}** | ${ratio(api.max, bare.max)} | ${ratio(api.submitP50, bare.submitP50)} | ${ratio(api.approveP50, bare.approveP50)} |`,
    );
  }
  return lines.join('\n');
}

function resultsSection({ machine, rows, notes, startedAt, durationS }) {
  const warmups = [...new Set(params.concurrency.map(warmupFor))].join('/');
  return [
    `Run of ${startedAt.toISOString().replace(/\.\d+Z$/, 'Z')} (commit \`${machine.commit}\`, ${Math.round(durationS)} s in all): ` +
      `N = ${params.tasks} measured closes per path and concurrency, warm-up ${warmups} closes per path and level (not counted).`,
    '',
    machineTable(machine),
    '',
    resultsTable(rows),
    '',
    ...notes.map((n) => `- ${n}`),
  ].join('\n');
}

// ---------------------------------------------------------------- the run

async function main() {
  const startedAt = new Date();
  log(
    `bench:tasks: N=${params.tasks}, concurrency ${params.concurrency.join(', ')}, warm-up ${params.concurrency.map(warmupFor).join('/')}`,
  );
  prepareBuild({ skipBuild: params.skipBuild, log });
  const stack = await startBenchStack({ name: 'bench-tasks', log });
  const { one, db, http, client, taskQueue, demoPassword } = stack;
  const { worker, api } = stack.children;
  const contracts = require(join(root, 'libs', 'contracts', 'dist', 'index.js'));
  const { defaultPayloadConverter } = require('@temporalio/common');
  const unitId = (await one('SELECT id FROM unit WHERE regency_code = $1 AND code = $2', [regencyCode, unitCode]))?.id;
  const officerId = (await one('SELECT id FROM app_user WHERE username = $1', [officerName]))?.id;
  const secretaryId = (await one('SELECT id FROM app_user WHERE username = $1', [secretaryName]))?.id;
  if (!unitId || !officerId || !secretaryId)
    throw new Error('the seed did not create Kota Metro, DINKES and its users');
  const machine = stack.machine();

  const dueDate = (() => {
    const d = require(join(root, 'libs', 'domain', 'dist', 'index.js'));
    // Far enough ahead that no rung of the ladder (reminder 3 working days before) fires during the run.
    return d.addWorkingDays(d.localDateOf(new Date(), 'Asia/Jakarta'), 40, d.indonesianWorkingDayRules());
  })();

  /** Waits until the worker is idle: every given task opened (openTask done) and no mail pending. */
  async function quiesce(taskIds) {
    await until(
      'the worker to catch up',
      300_000,
      async () => {
        const opened = taskIds.length
          ? Number(
              (
                await one(`SELECT count(*) AS n FROM task_event WHERE kind = 'created' AND task_id = ANY($1::uuid[])`, [
                  taskIds,
                ])
              ).n,
            )
          : 0;
        const pending = Number((await one(`SELECT count(*) AS n FROM mail_outbox WHERE status = 'pending'`)).n);
        return opened === taskIds.length && pending === 0;
      },
      { everyMs: 500, children: [worker, api] },
    );
    await sleep(1000);
  }

  const secretaryToken = await http.login(secretaryName, demoPassword);

  /** Opens `count` tasks through the API (as the secretary), `lanes` at a time. Not timed. */
  async function createApiTasks(count, label) {
    const created = [];
    const result = await runPhase(
      Array.from({ length: count }, (_, i) => i),
      10,
      async (i) => {
        const { status, body } = await http.call('POST', `/api/v1/regencies/${regencyCode}/tasks`, {
          token: secretaryToken,
          body: {
            title: `Bench ${label} #${i + 1}`,
            description: 'Tugas uji beban',
            unitCode,
            dueDate,
            deliverables: [],
          },
        });
        if (status !== 201) throw new Error(`create: ${status} ${JSON.stringify(body)}`);
        created.push(body.id);
        return {};
      },
    );
    if (result.errors.length) throw new Error(`creating tasks through the API failed: ${result.errors[0]}`);
    return created;
  }

  // The baseline's workflows get exactly the input the API gives its own (same schedule and ladder).
  const [probeTaskId] = await createApiTasks(1, 'probe');
  const history = await client.workflow.getHandle(contracts.taskWorkflowId(probeTaskId)).fetchHistory();
  const probeInput = defaultPayloadConverter.fromPayload(
    history.events[0].workflowExecutionStartedEventAttributes.input.payloads[0],
  );
  if (probeInput.assigneeUnitId !== unitId) throw new Error('unexpected workflow input of the probe task');

  /** Starts `count` task workflows straight on Temporal; the worker's openTask inserts the rows. */
  async function startBareTasks(count, label) {
    const started = [];
    const result = await runPhase(
      Array.from({ length: count }, (_, i) => i),
      10,
      async (i) => {
        const taskId = randomUUID();
        await client.workflow.start(contracts.taskWorkflowType, {
          taskQueue,
          workflowId: contracts.taskWorkflowId(taskId),
          args: [{ ...probeInput, taskId, title: `Bench ${label} #${i + 1}`, createdBy: secretaryId }],
        });
        started.push(taskId);
        return {};
      },
    );
    if (result.errors.length) throw new Error(`starting workflows failed: ${result.errors[0]}`);
    return started;
  }

  /** submit (as the officer) then approve (as the secretary) over HTTP, timed as one round trip. */
  const closeViaApi = (sessions) => async (taskId, lane) => {
    const { officer, secretary } = sessions[lane];
    const t0 = performance.now();
    const submit = await http.call('POST', `/api/v1/tasks/${taskId}/submit`, {
      token: officer,
      body: { note: 'Selesai' },
      headers: { 'idempotency-key': randomUUID() },
    });
    const t1 = performance.now();
    if (submit.status !== 200 || submit.body?.status !== 'submitted')
      throw new Error(`submit: ${submit.status} ${JSON.stringify(submit.body)}`);
    const approve = await http.call('POST', `/api/v1/tasks/${taskId}/approve`, {
      token: secretary,
      body: {},
      headers: { 'idempotency-key': randomUUID() },
    });
    const t2 = performance.now();
    if (approve.status !== 200 || approve.body?.status !== 'approved')
      throw new Error(`approve: ${approve.status} ${JSON.stringify(approve.body)}`);
    return { close: t2 - t0, first: t1 - t0, second: t2 - t1 };
  };

  /** The same two Updates from a bare client, with the ids the API would give them. */
  const closeViaTemporal = async (taskId) => {
    const handle = client.workflow.getHandle(contracts.taskWorkflowId(taskId));
    const withDeadline = (fn) => client.withDeadline(Date.now() + requestTimeoutMs, fn);
    const submitId = `submit:${randomUUID()}`;
    const approveId = `approve:${randomUUID()}`;
    const t0 = performance.now();
    const submitted = await withDeadline(() =>
      handle.executeUpdate(contracts.submitTaskUpdate, {
        args: [
          {
            requestId: submitId,
            actor: { userId: officerId, onBehalfOfUserId: null },
            note: 'Selesai',
            evidenceIds: [],
          },
        ],
        updateId: submitId,
      }),
    );
    const t1 = performance.now();
    if (submitted.status !== 'submitted') throw new Error(`submit answered ${submitted.status}`);
    const approved = await withDeadline(() =>
      handle.executeUpdate(contracts.approveTaskUpdate, {
        args: [{ requestId: approveId, actor: { userId: secretaryId, onBehalfOfUserId: null }, note: '' }],
        updateId: approveId,
      }),
    );
    const t2 = performance.now();
    if (approved.status !== 'approved') throw new Error(`approve answered ${approved.status}`);
    return { close: t2 - t0, first: t1 - t0, second: t2 - t1 };
  };

  const rows = [];
  const loginTimes = [];
  let apiTasksTotal = 1;
  let bareTasksTotal = 0;
  for (const concurrency of params.concurrency) {
    const warmup = warmupFor(concurrency);
    const count = params.tasks + warmup;
    log(
      `\n— concurrency ${concurrency}: opening ${count} tasks through the API and ${count} on bare Temporal (not timed)…`,
    );
    const apiTasks = await createApiTasks(count, `api c${concurrency}`);
    const bareTasks = await startBareTasks(count, `bare c${concurrency}`);
    apiTasksTotal += apiTasks.length;
    bareTasksTotal += bareTasks.length;
    await quiesce([...apiTasks, ...bareTasks]);

    // Each lane is one officer and one secretary with sessions of their own (logins not timed in the close).
    const sessions = [];
    for (let lane = 0; lane < concurrency; lane += 1) {
      const officer = await timed(() => http.login(officerName, demoPassword));
      const secretary = await timed(() => http.login(secretaryName, demoPassword));
      loginTimes.push(officer.ms, secretary.ms);
      sessions.push({ officer: officer.value, secretary: secretary.value });
    }

    if (warmup > 0) {
      log(`  warm-up: ${warmup} closes per path…`);
      const warm = [
        await runPhase(apiTasks.slice(0, warmup), concurrency, closeViaApi(sessions)),
        await runPhase(bareTasks.slice(0, warmup), concurrency, closeViaTemporal),
      ];
      for (const w of warm) if (w.errors.length) throw new Error(`warm-up failed: ${w.errors[0]}`);
      await quiesce([]);
    }

    log(`  bare Temporal: ${params.tasks} closes at concurrency ${concurrency}…`);
    const bare = summarize(await runPhase(bareTasks.slice(warmup), concurrency, closeViaTemporal));
    await quiesce([]);
    log(`  API: ${params.tasks} closes at concurrency ${concurrency}…`);
    const apiResult = summarize(await runPhase(apiTasks.slice(warmup), concurrency, closeViaApi(sessions)));
    await quiesce([]);
    for (const [name, s] of [
      ['bare', bare],
      ['API', apiResult],
    ]) {
      log(
        `  ${name}: ${s.closes} closes, ${s.errors} errors, ${fmt(s.throughput)} closes/s, p50 ${fmt(s.p50, 0)} / p95 ${fmt(s.p95, 0)} / p99 ${fmt(s.p99, 0)} ms`,
      );
      for (const e of s.firstErrors) log(`    error: ${e}`);
    }
    rows.push({ concurrency, api: apiResult, bare });
  }

  // Sanity: every closed task is approved in the read model, and the mail went out.
  const statusCounts = (await db.query(`SELECT status, count(*)::int AS n FROM task GROUP BY status ORDER BY status`))
    .rows;
  const outbox = (await db.query(`SELECT status, count(*)::int AS n FROM mail_outbox GROUP BY status ORDER BY status`))
    .rows;
  const received = await stack.children.smtp.received();
  const usage = stack.usage();
  const durationS = (Date.now() - startedAt.getTime()) / 1000;
  const sortedLogins = loginTimes.sort((a, b) => a - b);
  const notes = [
    `Tasks opened: ${apiTasksTotal} through the API, ${bareTasksTotal} straight on Temporal; task rows by status at the end: ${statusCounts.map((r) => `${r.status} ${r.n}`).join(', ')}.`,
    `Mail outbox at the end: ${outbox.map((r) => `${r.status} ${r.n}`).join(', ')}; the SMTP receiver got ${received} mails.`,
    `Logins (argon2id, one officer and one secretary session per lane, before the timed phase and not part of the close): ${sortedLogins.length}, p50 ${fmt(percentile(sortedLogins, 50), 0)} ms, p95 ${fmt(percentile(sortedLogins, 95), 0)} ms.`,
    ...(usage.length
      ? [
          `CPU time over the whole run (start-up included) and peak resident memory: ${usage.map((u) => `${u.name} ${fmt(u.cpuSeconds)} s, ${u.peakMiB} MiB`).join('; ')} (PostgreSQL not counted).`,
        ]
      : []),
    ...rows.flatMap(({ concurrency, api, bare }) =>
      [api, bare].some((s) => s.stoppedAtDeadline)
        ? [
            `Concurrency ${concurrency}: a phase stopped at the ${params.phaseTimeoutMs / 1000} s limit before closing every task.`,
          ]
        : [],
    ),
  ];
  const section = resultsSection({ machine, rows, notes, startedAt, durationS });
  log(`\n${section}\n`);
  const anyErrors = rows.some((r) => r.api.errors || r.bare.errors);
  if (params.write) {
    await writeDocSection('tasks', section);
    log('Wrote the results into docs/benchmarks.md');
  }
  return anyErrors ? 1 : 0;
}

void runMain('bench:tasks', main, { maxMinutes: params.maxMinutes, keepLogs: params.keepLogs });
