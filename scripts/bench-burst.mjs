#!/usr/bin/env node
/* global AbortSignal */
// `npm run bench:burst`: a national burst. Every regency/city of Indonesia (514) opens its first
// tasks at once (50 each by default) through the API; how long until every task is recorded (task
// row + its `created` event) and its escalation ladder is armed (the taskWorkflow has run openTask
// and is waiting on its first ladder timer)? Baseline in the same run: as many bare workflows that
// do what a task workflow minimally does (start, one no-op activity, one long timer) on the same
// Temporal server, started from a plain client and timed the same way. Writes the results with the
// machine's description between the `bench:burst` markers of docs/benchmarks.md.
//
// Parameters (argv wins over env):
//   --regencies=R           BENCH_BURST_REGENCIES     synthetic regencies (514)
//   --tasks-per-regency=T   BENCH_BURST_TASKS         tasks each regency opens (50)
//   --concurrency=C         BENCH_BURST_CONCURRENCY   requests (or workflow starts) in flight (50)
//   --phase-timeout=S       BENCH_PHASE_TIMEOUT       seconds a phase may take until everything is armed (1800)
//   --sample-every=S        BENCH_BURST_SAMPLE        seconds between progress samples (1)
//   --skip-baseline         BENCH_BURST_SKIP_BASELINE=1   only the API path
//   --max-minutes=M         BENCH_MAX_MINUTES         the whole run stops (and cleans up) after this (75)
//   --no-write / --skip-build / --keep-logs           as in every bench script
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  booleanOption,
  checkInterrupted,
  commonOptions,
  fmt,
  isInterrupted,
  log,
  machineTable,
  option,
  positiveInt,
  postgresUsage,
  prepareBuild,
  processUsage,
  ratio,
  root,
  runMain,
  sleep,
  startBenchStack,
  startChild,
  summarize,
  until,
  writeDocSection,
} from './lib/bench-kit.mjs';
import { workerIsPolling } from './lib/temporal-server.mjs';

const require = createRequire(import.meta.url);

const params = {
  regencies: positiveInt(option('regencies', 'BENCH_BURST_REGENCIES', '514'), 'regencies'),
  tasksPerRegency: positiveInt(option('tasks-per-regency', 'BENCH_BURST_TASKS', '50'), 'tasks per regency'),
  concurrency: positiveInt(option('concurrency', 'BENCH_BURST_CONCURRENCY', '50'), 'concurrency'),
  phaseTimeoutMs: positiveInt(option('phase-timeout', 'BENCH_PHASE_TIMEOUT', '1800'), 'phase timeout') * 1000,
  sampleMs: Math.max(200, Number(option('sample-every', 'BENCH_BURST_SAMPLE', '1')) * 1000 || 1000),
  skipBaseline: booleanOption('skip-baseline', 'BENCH_BURST_SKIP_BASELINE'),
  ...commonOptions({ maxMinutes: 75 }),
};
if (params.regencies > 99 * 50) throw new Error('at most 4950 synthetic regencies (codes 40.01 to 89.99)');
const total = params.regencies * params.tasksPerRegency;

// ---------------------------------------------------------------- synthetic regencies

/** 40.01 … 45.14 for 514: province codes 40–89 are not used by Kemendagri, so nothing real is shadowed. */
function syntheticRegencies(count) {
  const zones = ['Asia/Jakarta', 'Asia/Jakarta', 'Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'];
  return Array.from({ length: count }, (_, i) => {
    const province = String(40 + Math.floor(i / 99));
    const code = `${province}.${String((i % 99) + 1).padStart(2, '0')}`;
    const number = String(i + 1).padStart(3, '0');
    return {
      code,
      province,
      name: i % 5 === 4 ? `Kota Uji ${number}` : `Kabupaten Uji ${number}`,
      kind: i % 5 === 4 ? 'kota' : 'kabupaten',
      timeZone: zones[i % zones.length],
      slug: `uji-${number}`,
    };
  });
}

/**
 * What a regency needs for tasks to be opened there: its region row (under a synthetic province),
 * the DINKES unit with the role mapping and e-mail of the seeded one, and an officer of that unit
 * (so openTask's "assigned" notice goes to a person and to the unit's mailbox, as for the demo
 * regencies). One transaction, before any timing.
 */
async function createRegencies(db, regencies) {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    const provinces = [...new Set(regencies.map((r) => r.province))];
    await client.query(
      `INSERT INTO region (code, level, name, kind, parent_code)
       SELECT p, 'province', 'Provinsi Uji ' || p, 'provinsi', NULL FROM unnest($1::text[]) AS p`,
      [provinces],
    );
    await client.query(
      `INSERT INTO region (code, level, name, kind, parent_code, time_zone)
       SELECT code, 'regency', name, kind, split_part(code, '.', 1), zone
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS r(code, name, kind, zone)`,
      [
        regencies.map((r) => r.code),
        regencies.map((r) => r.name),
        regencies.map((r) => r.kind),
        regencies.map((r) => r.timeZone),
      ],
    );
    const template = (
      await client.query(
        `SELECT u.role_codes, u.name, a.password_hash FROM unit u, app_user a
          WHERE u.regency_code = '18.72' AND u.code = 'DINKES' AND a.username = 'metro.dinkes'`,
      )
    ).rows[0];
    if (!template) throw new Error('the seed did not create DINKES of Kota Metro and metro.dinkes');
    await client.query(
      `INSERT INTO unit (regency_code, code, name, role_codes, email)
       SELECT code, 'DINKES', $3, $4::text[], slug || '.dinkes@demo.konvergensi.test'
         FROM unnest($1::text[], $2::text[]) AS r(code, slug)`,
      [regencies.map((r) => r.code), regencies.map((r) => r.slug), template.name, template.role_codes],
    );
    await client.query(
      `WITH officers AS (
         INSERT INTO app_user (username, display_name, email, password_hash, regency_code, unit_id, active)
         SELECT r.slug || '.dinkes', 'Petugas Dinas Kesehatan ' || r.name, r.slug || '.dinkes.petugas@demo.konvergensi.test',
                $4, r.code, u.id, true
           FROM unnest($1::text[], $2::text[], $3::text[]) AS r(code, slug, name)
           JOIN unit u ON u.regency_code = r.code AND u.code = 'DINKES'
         RETURNING id)
       INSERT INTO role_assignment (user_id, role) SELECT id, 'opd_officer' FROM officers`,
      [
        regencies.map((r) => r.code),
        regencies.map((r) => r.slug),
        regencies.map((r) => r.name),
        template.password_hash,
      ],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

// ---------------------------------------------------------------- Temporal server metrics

/** The dev server's Prometheus port, from its command line (scripts/lib/temporal-server.mjs picks a free one). */
function metricsPortOf(pid) {
  const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  const i = args.indexOf('--metrics-port');
  if (i < 0) throw new Error('the Temporal dev server was started without --metrics-port');
  return Number(args[i + 1]);
}

/**
 * Sum over the series of one server counter whose labels contain every one of `labels`. The
 * history service's `command{commandType="StartTimer"}` counts StartTimer commands it accepted,
 * i.e. timers durably armed (written together with the completion of the workflow task).
 */
async function serverCounter(metricsUrl, name, labels = []) {
  const text = await (await fetch(metricsUrl, { signal: AbortSignal.timeout(10_000) })).text();
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) || !labels.every((l) => line.includes(l))) continue;
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (Number.isFinite(value)) sum += value;
  }
  return sum;
}

// ---------------------------------------------------------------- the bare baseline worker

const bareWorkflowSource = `
const { proxyActivities, sleep } = require('@temporalio/workflow');
// The same activity options as taskWorkflow's openTask.
const { open } = proxyActivities({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});
async function bareTaskWorkflow(input) {
  await open(input.taskId);
  await sleep(input.timerMs);
}
exports.bareTaskWorkflow = bareTaskWorkflow;
`;

function bareWorkerSource({ address, taskQueue, workflowsPath }) {
  const nodeModules = join(root, 'node_modules');
  return `
const { NativeConnection, Worker } = require(${JSON.stringify(require.resolve('@temporalio/worker'))});
(async () => {
  const connection = await NativeConnection.connect({ address: ${JSON.stringify(address)} });
  // Default worker options, as apps/worker uses them.
  const worker = await Worker.create({
    connection,
    namespace: 'default',
    taskQueue: ${JSON.stringify(taskQueue)},
    workflowsPath: ${JSON.stringify(workflowsPath)},
    bundlerOptions: {
      webpackConfigHook: (config) => {
        config.resolve = { ...config.resolve, modules: [${JSON.stringify(nodeModules)}, 'node_modules'] };
        return config;
      },
    },
    activities: { open: async () => undefined },
  });
  process.on('SIGTERM', () => worker.shutdown());
  await worker.run();
  await connection.close();
})().catch((error) => { console.error(error); process.exit(1); });
`;
}

// ---------------------------------------------------------------- one timed phase

/**
 * Starts `items` with `concurrency` in flight (`startOne` resolves when the start was accepted)
 * and samples, every `sampleMs`, how many are started, recorded and armed, plus the processes' CPU
 * and memory, until every item is armed (or the phase limit). Returns the samples and summary.
 */
async function timedPhase({ label, items, concurrency, startOne, recorded, armed, processes, children }) {
  const t0 = performance.now();
  const since = () => (performance.now() - t0) / 1000;
  const cpuAtStart = Object.fromEntries(processes.map(([name, pid]) => [name, processUsage(pid).cpuSeconds ?? NaN]));
  const pgAtStart = postgresUsage(processes.databaseName).cpuSeconds ?? NaN;
  const latencies = [];
  const errors = [];
  let started = 0;
  let next = 0;
  const deadline = Date.now() + params.phaseTimeoutMs;
  const lane = async () => {
    while (next < items.length && !isInterrupted() && Date.now() < deadline) {
      const item = items[next];
      next += 1;
      const s = performance.now();
      try {
        await startOne(item);
        latencies.push(performance.now() - s);
        started += 1;
      } catch (error) {
        errors.push(String(error?.message ?? error).slice(0, 300));
      }
    }
  };
  let startsDone;
  const lanes = Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane)).then(() => {
    startsDone = since();
  });
  const samples = [];
  const peakRss = {};
  const milestones = { recorded: {}, armed: {} };
  const marks = [0.5, 0.9, 1];
  for (;;) {
    await sleep(params.sampleMs);
    checkInterrupted();
    for (const c of children) {
      if (c.child.exitCode !== null || c.child.signalCode !== null)
        throw new Error(`${c.name} exited during the ${label} phase:\n${c.tail()}`);
    }
    const [r, a] = await Promise.all([recorded(), armed()]);
    const t = since();
    const usage = Object.fromEntries(processes.map(([name, pid]) => [name, processUsage(pid)]));
    for (const [name, u] of Object.entries(usage)) peakRss[name] = Math.max(peakRss[name] ?? 0, u.rssMiB ?? 0);
    samples.push({ t, started, recorded: r, armed: a, usage });
    for (const m of marks) {
      if (r !== undefined && milestones.recorded[m] === undefined && r >= Math.ceil(m * items.length))
        milestones.recorded[m] = t;
      if (milestones.armed[m] === undefined && a >= Math.ceil(m * items.length)) milestones.armed[m] = t;
    }
    if (samples.length % Math.max(1, Math.round(10_000 / params.sampleMs)) === 0)
      log(
        `  ${label} ${fmt(t, 0)} s: started ${started}/${items.length}${r === undefined ? '' : `, recorded ${r}`}, armed ${a} (worker ${(usage.worker ?? usage['bare worker'])?.rssMiB ?? '?'} MiB)`,
      );
    const done = milestones.armed[1] !== undefined && (r === undefined || milestones.recorded[1] !== undefined);
    if (done && startsDone !== undefined) break;
    if (Date.now() > deadline) {
      log(`  ${label}: the phase limit of ${params.phaseTimeoutMs / 1000} s passed before every task was armed`);
      break;
    }
  }
  await lanes;
  const wall = since();
  const cpu = Object.fromEntries(
    processes.map(([name, pid]) => [name, (processUsage(pid).cpuSeconds ?? NaN) - cpuAtStart[name]]),
  );
  cpu.PostgreSQL = (postgresUsage(processes.databaseName).cpuSeconds ?? NaN) - pgAtStart;
  const peakMiB = Object.fromEntries(processes.map(([name, pid]) => [name, processUsage(pid).peakMiB]));
  return {
    label,
    count: items.length,
    started,
    errors,
    latency: summarize(latencies),
    startsDone,
    milestones,
    wall,
    samples,
    cpu,
    peakRss,
    peakMiB,
    complete: milestones.armed[1] !== undefined,
  };
}

// ---------------------------------------------------------------- report

const seconds = (s) => (s === undefined ? '–' : fmt(s, 1));

function resultsSection({ machine, startedAt, durationS, runs, notes, settings }) {
  const [api, bare] = runs;
  const lines = [
    `Run of ${startedAt.toISOString().replace(/\.\d+Z$/, 'Z')} (commit \`${machine.commit}\`, ${Math.round(durationS)} s in all): ` +
      `${params.regencies} regencies × ${params.tasksPerRegency} tasks = **${total} tasks**, ${params.concurrency} requests in flight.`,
    '',
    machineTable(machine),
    '',
    '| path | tasks | errors | all starts answered s | recorded 50% / 90% / 100% s | armed 50% / 90% / 100% s | armed per s (overall) | start latency p50 / p95 / p99 ms |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const row = (name, r) =>
    `| ${name} | ${r.count} | ${r.errors.length} | ${seconds(r.startsDone)} | ${r.milestones.recorded[0.5] === undefined ? '–' : `${seconds(r.milestones.recorded[0.5])} / ${seconds(r.milestones.recorded[0.9])} / ${seconds(r.milestones.recorded[1])}`} | ${seconds(r.milestones.armed[0.5])} / ${seconds(r.milestones.armed[0.9])} / ${seconds(r.milestones.armed[1])} | ${r.complete ? fmt(r.count / r.milestones.armed[1]) : '–'} | ${fmt(r.latency.p50, 0)} / ${fmt(r.latency.p95, 0)} / ${fmt(r.latency.p99, 0)} |`;
  lines.push(row('API: `POST /api/v1/regencies/{code}/tasks` → taskWorkflow', api));
  if (bare) {
    lines.push(row('bare Temporal: start → no-op activity → timer', bare));
    lines.push(
      `| **ratio API / bare** |  |  | ${ratio(api.startsDone, bare.startsDone)} |  | ${ratio(api.milestones.armed[0.5], bare.milestones.armed[0.5])} / ${ratio(api.milestones.armed[0.9], bare.milestones.armed[0.9])} / **${ratio(api.milestones.armed[1], bare.milestones.armed[1])}** | ${ratio(api.count / api.milestones.armed[1], bare.count / bare.milestones.armed[1])} | ${ratio(api.latency.p50, bare.latency.p50)} |`,
    );
  }
  lines.push('');
  // Where the CPU went, per phase: the evidence for what bounds it.
  const names = [...new Set(runs.flatMap((r) => Object.keys(r.cpu)))];
  lines.push(
    `| CPU seconds during the phase (until 100% armed) | ${runs.map((r) => r.label).join(' | ')} |`,
    `| --- | ${runs.map(() => '---:').join(' | ')} |`,
  );
  for (const name of names)
    lines.push(
      `| ${name} | ${runs.map((r) => (Number.isFinite(r.cpu[name]) ? `${fmt(r.cpu[name])} (${fmt((100 * r.cpu[name]) / r.wall, 0)}% of a core)` : '–')).join(' | ')} |`,
    );
  lines.push(
    `| all of them | ${runs
      .map((r) => {
        const sum = Object.values(r.cpu)
          .filter(Number.isFinite)
          .reduce((a, b) => a + b, 0);
        return `${fmt(sum)} of ${fmt(r.wall * settings.cores)} available (${fmt((100 * sum) / (r.wall * settings.cores), 0)}%)`;
      })
      .join(' | ')} |`,
    `| phase wall time s | ${runs.map((r) => fmt(r.wall)).join(' | ')} |`,
    '',
  );
  lines.push(`Progress of the API path (every ~${fmt(api.wall / 10, 0)} s):`, '');
  lines.push(
    '| s | API answered | recorded | armed | worker CPU % | Temporal CPU % | API CPU % | worker RSS MiB |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  const step = Math.max(1, Math.ceil(api.samples.length / 10));
  let previous;
  for (let i = step - 1; i < api.samples.length + step - 1; i += step) {
    const s = api.samples[Math.min(i, api.samples.length - 1)];
    if (s === previous) break;
    const dt = s.t - (previous?.t ?? 0);
    const pct = (name) =>
      previous && Number.isFinite(s.usage[name]?.cpuSeconds)
        ? fmt((100 * (s.usage[name].cpuSeconds - previous.usage[name].cpuSeconds)) / dt, 0)
        : '–';
    lines.push(
      `| ${fmt(s.t, 0)} | ${s.started} | ${s.recorded} | ${s.armed} | ${pct('worker')} | ${pct('Temporal dev server')} | ${pct('API')} | ${s.usage.worker?.rssMiB ?? '–'} |`,
    );
    previous = s;
  }
  lines.push('', ...notes.map((n) => `- ${n}`));
  return lines.join('\n');
}

// ---------------------------------------------------------------- the run

async function main() {
  const startedAt = new Date();
  log(
    `bench:burst: ${params.regencies} regencies × ${params.tasksPerRegency} tasks = ${total}, concurrency ${params.concurrency}${params.skipBaseline ? ', no baseline' : ''}`,
  );
  prepareBuild({ skipBuild: params.skipBuild, log });
  const stack = await startBenchStack({ name: 'bench-burst', log });
  const { db, one, http, client, connection, demoPassword } = stack;
  const { worker, api, temporal } = stack.children;
  const metricsUrl = `http://127.0.0.1:${metricsPortOf(temporal.pid)}/metrics`;
  const timersArmed = () =>
    serverCounter(metricsUrl, 'command', ['commandType="StartTimer"', 'namespace="default"', 'service_name="history"']);
  if (!(await fetch(metricsUrl)).ok) throw new Error(`no metrics at ${metricsUrl}`);
  const machine = stack.machine();
  const cores = Number(/(\d+) logical cores/.exec(machine.cpu)?.[1]) || 1;

  const regencies = syntheticRegencies(params.regencies);
  log(`Creating ${regencies.length} synthetic regencies (region, DINKES unit with e-mail, officer)…`);
  await createRegencies(db, regencies);
  const adminToken = await http.login('admin', demoPassword);
  const dueDate = (() => {
    const d = require(join(root, 'libs', 'domain', 'dist', 'index.js'));
    // Far enough ahead that no rung of the ladder (first reminder 3 working days before) fires during the run.
    return d.addWorkingDays(d.localDateOf(new Date(), 'Asia/Jakarta'), 40, d.indonesianWorkingDayRules());
  })();
  // Round robin over the regencies: at any moment every regency has requests in flight.
  const items = Array.from({ length: total }, (_, i) => ({
    regency: regencies[i % regencies.length],
    n: Math.floor(i / regencies.length) + 1,
  }));

  // A probe through the API: it must work, and the bare workflows wait as long as its ladder does.
  const probe = await http.call('POST', `/api/v1/regencies/${regencies[0].code}/tasks`, {
    token: adminToken,
    body: { title: 'Bench burst probe', description: 'Tugas uji beban', unitCode: 'DINKES', dueDate, deliverables: [] },
  });
  if (probe.status !== 201) throw new Error(`creating a probe task: ${probe.status} ${JSON.stringify(probe.body)}`);
  const contracts = require(join(root, 'libs', 'contracts', 'dist', 'index.js'));
  const processes = Object.assign(
    [
      ['worker', worker.pid],
      ['Temporal dev server', temporal.pid],
      ['API', api.pid],
      ['SMTP receiver', stack.children.smtp.pid],
      ['this script', process.pid],
    ],
    { databaseName: stack.databaseName },
  );
  const createdEvents = async () =>
    Number((await one(`SELECT count(*)::int AS n FROM task_event WHERE kind = 'created'`)).n);
  await until(
    'the probe task to be armed',
    60_000,
    async () => (await createdEvents()) === 1 && (await timersArmed()) >= 1,
    {
      children: [worker, api],
    },
  );
  const probeHistory = await client.workflow.getHandle(contracts.taskWorkflowId(probe.body.id)).fetchHistory();
  const probeTimer = probeHistory.events.find((e) => e.timerStartedEventAttributes);
  if (!probeTimer) throw new Error('the probe task workflow did not start a timer');
  const timerMs = Number(probeTimer.timerStartedEventAttributes.startToFireTimeout.seconds) * 1000;
  await sleep(2000);

  const runs = [];

  // ---- baseline: bare workflows on a worker of their own (started before, stopped after its phase)
  if (!params.skipBaseline) {
    const bareQueue = `bench-bare-${randomUUID()}`;
    const workflowsPath = join(stack.workDir, 'bare-workflow.js');
    writeFileSync(workflowsPath, bareWorkflowSource);
    const workerFile = join(stack.workDir, 'bare-worker.js');
    writeFileSync(
      workerFile,
      bareWorkerSource({ address: stack.temporalAddress, taskQueue: bareQueue, workflowsPath }),
    );
    log('Starting the bare baseline worker (bundles its workflow)…');
    const bareWorker = startChild('bare-worker', [workerFile], {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
    });
    await until('the bare worker to poll', 120_000, () => workerIsPolling(connection, bareQueue), {
      everyMs: 500,
      children: [bareWorker],
    });
    const armedBefore = await timersArmed();
    log(`\n— bare Temporal: starting ${total} workflows, ${params.concurrency} in flight…`);
    const bare = await timedPhase({
      label: 'bare',
      items,
      concurrency: params.concurrency,
      startOne: (item) =>
        client.workflow.start('bareTaskWorkflow', {
          taskQueue: bareQueue,
          workflowId: `bare:${randomUUID()}`,
          args: [{ taskId: randomUUID(), regencyCode: item.regency.code, timerMs }],
        }),
      recorded: async () => undefined,
      armed: async () => (await timersArmed()) - armedBefore,
      processes: Object.assign([...processes.filter(([n]) => n !== 'worker'), ['bare worker', bareWorker.pid]], {
        databaseName: stack.databaseName,
      }),
      children: [bareWorker],
    });
    bare.label = 'bare Temporal';
    await bareWorker.stop();
    runs.push(bare);
    await sleep(3000);
  }

  // ---- the product path (a fresh session: the baseline may have taken longer than a token lives)
  const token = await http.login('admin', demoPassword);
  const armedBefore = await timersArmed();
  const recordedBefore = await createdEvents();
  log(`\n— API: opening ${total} tasks in ${params.regencies} regencies, ${params.concurrency} requests in flight…`);
  const apiRun = await timedPhase({
    label: 'API',
    items,
    concurrency: params.concurrency,
    startOne: async (item) => {
      const { status, body } = await http.call('POST', `/api/v1/regencies/${item.regency.code}/tasks`, {
        token,
        body: {
          title: `Tugas konvergensi ${item.n} ${item.regency.name}`,
          description: 'Tugas uji beban nasional',
          unitCode: 'DINKES',
          dueDate,
          deliverables: [{ kind: 'document', title: 'Notulen rapat' }],
        },
      });
      if (status !== 201) throw new Error(`create: ${status} ${JSON.stringify(body)}`);
    },
    recorded: async () => (await createdEvents()) - recordedBefore,
    armed: async () => (await timersArmed()) - armedBefore,
    processes,
    children: [worker, api],
  });
  runs.unshift(apiRun);

  // ---- checks: every task row has its created event, a sample of workflows really waits on a timer
  const tasks = Number((await one(`SELECT count(*)::int AS n FROM task`)).n);
  const withEvent = Number(
    (
      await one(
        `SELECT count(*)::int AS n FROM task t WHERE EXISTS (SELECT 1 FROM task_event e WHERE e.task_id = t.id AND e.kind = 'created')`,
      )
    ).n,
  );
  const sampleIds = (await db.query(`SELECT id FROM task ORDER BY random() LIMIT 50`)).rows.map((r) => r.id);
  let sampledArmed = 0;
  for (const id of sampleIds) {
    const history = await client.workflow.getHandle(contracts.taskWorkflowId(id)).fetchHistory();
    if (history.events.some((e) => e.timerStartedEventAttributes)) sampledArmed += 1;
  }
  const outbox = (await db.query(`SELECT status, count(*)::int AS n FROM mail_outbox GROUP BY status ORDER BY status`))
    .rows;
  const pg = postgresUsage(stack.databaseName);
  const usage = stack.usage();
  const durationS = (Date.now() - startedAt.getTime()) / 1000;
  const settings = { cores };
  const notes = [
    `Setting: ${params.regencies} synthetic regencies (province codes 40–${40 + Math.floor((params.regencies - 1) / 99)}, time zones WIB/WITA/WIT 3:1:1), each with a DINKES unit that has an e-mail address and one officer; created in one transaction before timing. All requests as \`admin\` (system admin, one session), round robin over the regencies, due date ${dueDate} (40 working days ahead: the first ladder timer waits ${fmt(timerMs / 86_400_000, 1)} days).`,
    `"Recorded" = the task's \`created\` event exists (openTask writes the task row's \`created\` event and the "assigned" notices in one transaction; the API inserts the row itself before starting the workflow). "Armed" = the Temporal server accepted the workflow's StartTimer command (the history service's counter \`command{commandType="StartTimer"}\`, delta over the phase); a sample of ${sampleIds.length} task workflows read back afterwards: ${sampledArmed} have a TimerStarted event in their history.`,
    `At the end: ${tasks} task rows (the probe included), ${withEvent} with their \`created\` event; mail outbox (the "assigned" notices to the officer and the unit's mailbox) ${outbox.map((r) => `${r.status} ${r.n}`).join(', ') || 'empty'} (the worker keeps sending mail after the ladder is armed; not waited for).`,
    `Errors: API ${apiRun.errors.length}${apiRun.errors.length ? ` (first: ${apiRun.errors[0]})` : ''}${runs[1] ? `, bare ${runs[1].errors.length}${runs[1].errors.length ? ` (first: ${runs[1].errors[0]})` : ''}` : ''}.`,
    `Peak resident memory during the phases (MiB, sampled): ${runs
      .map(
        (r) =>
          `${r.label}: ${Object.entries(r.peakRss)
            .map(([n, v]) => `${n} ${v}`)
            .join(', ')}`,
      )
      .join(
        '; ',
      )}. Whole run (VmHWM): ${usage.map((u) => `${u.name} ${u.peakMiB}`).join(', ')}${pg.rssMiB ? `; PostgreSQL backends of the bench database ${pg.rssMiB} (RSS now, ${pg.processes} processes)` : ''}.`,
    ...(runs.some((r) => !r.complete)
      ? [
          `Incomplete: ${runs
            .filter((r) => !r.complete)
            .map((r) => r.label)
            .join(', ')} did not arm every task within the ${params.phaseTimeoutMs / 1000} s phase limit.`,
        ]
      : []),
  ];
  const section = resultsSection({ machine, startedAt, durationS, runs, notes, settings });
  log(`\n${section}\n`);
  if (params.write) {
    await writeDocSection('burst', section);
    log('Wrote the results into docs/benchmarks.md');
  }
  return runs.every((r) => r.complete && r.errors.length === 0) && withEvent === tasks ? 0 : 1;
}

void runMain('bench:burst', main, { maxMinutes: params.maxMinutes, keepLogs: params.keepLogs });
