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
/* global AbortSignal */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { build } from './build.mjs';
import { dropTestDatabase } from './lib/database.mjs';
import { ensureDependencies, root } from './lib/install.mjs';
import { freePort } from './lib/ports.mjs';
import { findOrBuildTemporalCli } from './lib/temporal-cli.mjs';
import { startTemporalDevServer } from './lib/temporal-server.mjs';
import { migrate } from './migrate.mjs';

const require = createRequire(import.meta.url);

// ---------------------------------------------------------------- parameters

function option(name, envName, fallback) {
  const flag = process.argv.slice(2).find((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (flag) return flag.includes('=') ? flag.slice(flag.indexOf('=') + 1) : 'true';
  return process.env[envName] ?? fallback;
}

function positiveInt(value, what) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${what} must be a positive integer, got "${value}"`);
  return n;
}

const params = {
  tasks: positiveInt(option('tasks', 'BENCH_TASKS', '200'), 'tasks (BENCH_TASKS)'),
  concurrency: String(option('concurrency', 'BENCH_CONCURRENCY', '10,50'))
    .split(',')
    .map((c) => positiveInt(c.trim(), 'concurrency (BENCH_CONCURRENCY)')),
  warmup: option('warmup', 'BENCH_WARMUP', undefined),
  phaseTimeoutMs: positiveInt(option('phase-timeout', 'BENCH_PHASE_TIMEOUT', '300'), 'phase timeout') * 1000,
  maxMinutes: positiveInt(option('max-minutes', 'BENCH_MAX_MINUTES', '25'), 'max minutes'),
  write:
    !['0', 'false', 'no'].includes(String(option('write', 'BENCH_WRITE', '1'))) && !process.argv.includes('--no-write'),
  skipBuild: ['1', 'true'].includes(String(option('skip-build', 'BENCH_SKIP_BUILD', '0'))),
  keepLogs: ['1', 'true'].includes(String(option('keep-logs', 'BENCH_KEEP_LOGS', '0'))),
};
const warmupFor = (c) => (params.warmup === undefined ? Math.max(20, c) : Number(params.warmup));
if (params.warmup !== undefined && !(Number.isInteger(Number(params.warmup)) && Number(params.warmup) >= 0))
  throw new Error(`warmup must be a whole number, got "${params.warmup}"`);

const regencyCode = '18.72'; // Kota Metro in the demo seed
const unitCode = 'DINKES';
const officerName = 'metro.dinkes';
const secretaryName = 'metro.sekretaris';
const requestTimeoutMs = 30_000;
const benchmarksDoc = join(root, 'docs', 'benchmarks.md');
const markerStart = '<!-- bench:tasks -->';
const markerEnd = '<!-- /bench:tasks -->';

const log = (line) => process.stdout.write(`${line}\n`);
// Before this script adds any load of its own (build, services): what else the machine was doing.
const loadAtStart = os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(' / ');

// ---------------------------------------------------------------- what gets cleaned up

const cleanup = [];
let cleaningUp;
let workDir;
let failed = false;

function runCleanup() {
  cleaningUp ??= (async () => {
    for (const step of cleanup.reverse()) {
      try {
        await step();
      } catch (error) {
        process.stderr.write(`cleanup: ${error.message}\n`);
      }
    }
    if (workDir) {
      if (params.keepLogs || failed) log(`Logs kept in ${workDir}`);
      else rmSync(workDir, { recursive: true, force: true });
    }
  })();
  return cleaningUp;
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    failed = true;
    process.stderr.write(`\n${signal}: stopping and cleaning up…\n`);
    void runCleanup().finally(() => process.exit(130));
  });
}

function checkInterrupted() {
  if (interrupted) throw new Error('interrupted');
}

// ---------------------------------------------------------------- child processes

/** A node child with its output in a log file; stop() is SIGTERM, then SIGKILL after 10 s. */
function startChild(name, args, env, { ipc = false } = {}) {
  const logFile = join(workDir, `${name}.log`);
  const out = openSync(logFile, 'a');
  const child = spawn(process.execPath, args, {
    cwd: root,
    env,
    stdio: ['ignore', out, out, ...(ipc ? ['ipc'] : [])],
  });
  closeSync(out);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
  };
  cleanup.push(stop);
  return { name, child, logFile, exited, stop, tail: () => tailOf(logFile) };
}

function tailOf(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

async function until(what, timeoutMs, probe, { everyMs = 250, children = [] } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    checkInterrupted();
    for (const c of children) {
      if (c.child.exitCode !== null || c.child.signalCode !== null)
        throw new Error(`${c.name} exited while waiting for ${what}:\n${c.tail()}`);
    }
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    await sleep(everyMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last.message}` : ''}`);
}

/** The SMTP receiver in a process of its own, so parsing mail does not load the measuring one. */
async function startMailReceiver(port) {
  const code = `
    const { startMailCatcher } = require(${JSON.stringify(join(root, 'libs', 'mail-catcher', 'dist', 'index.js'))});
    let received = 0;
    startMailCatcher({ port: ${port}, host: '127.0.0.1', onMail: () => { received += 1; } }).then((catcher) => {
      process.on('message', () => process.send({ received }));
      process.on('SIGTERM', () => catcher.stop().finally(() => process.exit(0)));
      process.send({ ready: true });
    }, (error) => { console.error(error); process.exit(1); });`;
  const receiver = startChild('smtp', ['-e', code], { PATH: process.env.PATH ?? '' }, { ipc: true });
  await new Promise((resolve, reject) => {
    receiver.child.once('message', resolve);
    receiver.child.once('exit', () => reject(new Error(`the SMTP receiver exited:\n${receiver.tail()}`)));
  });
  receiver.received = () =>
    new Promise((resolve) => {
      receiver.child.once('message', (m) => resolve(m.received));
      receiver.child.send('count');
    });
  return receiver;
}

// ---------------------------------------------------------------- statistics

/** Nearest-rank percentile of sorted values. */
function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function summarize(result) {
  const closes = result.samples.map((s) => s.close).sort((a, b) => a - b);
  const submits = result.samples.map((s) => s.first).sort((a, b) => a - b);
  const approves = result.samples.map((s) => s.second).sort((a, b) => a - b);
  return {
    closes: closes.length,
    errors: result.errors.length,
    firstErrors: result.errors.slice(0, 3),
    wallSeconds: result.wallMs / 1000,
    throughput: closes.length / (result.wallMs / 1000),
    p50: percentile(closes, 50),
    p95: percentile(closes, 95),
    p99: percentile(closes, 99),
    max: closes.at(-1) ?? NaN,
    submitP50: percentile(submits, 50),
    approveP50: percentile(approves, 50),
    stoppedAtDeadline: result.stoppedAtDeadline,
  };
}

// ---------------------------------------------------------------- load generation

/**
 * Runs `closeOne(item, lane)` for every item with `concurrency` lanes pulling from one queue.
 * Bounded: after `phaseTimeoutMs` no lane takes another item.
 */
async function runPhase(items, concurrency, closeOne) {
  const queue = [...items];
  const samples = [];
  const errors = [];
  const deadline = Date.now() + params.phaseTimeoutMs;
  let stoppedAtDeadline = false;
  const started = performance.now();
  const lane = async (laneIndex) => {
    for (;;) {
      if (interrupted) return;
      if (Date.now() > deadline) {
        stoppedAtDeadline = queue.length > 0;
        return;
      }
      const item = queue.shift();
      if (item === undefined) return;
      try {
        samples.push(await closeOne(item, laneIndex));
      } catch (error) {
        errors.push(String(error?.message ?? error).slice(0, 300));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, (_, i) => lane(i)));
  checkInterrupted();
  return { samples, errors, wallMs: performance.now() - started, stoppedAtDeadline };
}

async function timed(fn) {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

function apiClient(baseUrl) {
  async function call(method, path, { token, body, headers = {} } = {}) {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(requestTimeoutMs),
    });
    const text = await response.text();
    let parsed = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // keep the text
    }
    return { status: response.status, body: parsed };
  }
  return {
    call,
    async login(username, password) {
      const { status, body } = await call('POST', '/api/v1/auth/login', { body: { username, password } });
      if (status !== 200) throw new Error(`login as ${username}: ${status} ${JSON.stringify(body)}`);
      return body.accessToken;
    },
  };
}

// ---------------------------------------------------------------- machine description

function machineDescription({ temporalBinary, postgresVersion }) {
  const cpus = os.cpus();
  let cpuModel = cpus[0]?.model?.trim() ?? 'unknown';
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match) cpuModel = match[1].trim();
  } catch {
    // not Linux
  }
  let distro = `${os.type()} ${os.release()}`;
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'));
    if (pretty) distro = `${pretty[1]} (${os.type()} ${os.release()})`;
  } catch {
    // no os-release
  }
  const temporalVersion = spawnSync(temporalBinary, ['--version'], { encoding: 'utf8' }).stdout?.trim() || 'unknown';
  const clientVersion = JSON.parse(readFileSync(require.resolve('@temporalio/client/package.json'), 'utf8')).version;
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout?.trim();
  return {
    cpu: `${cpuModel}, ${cpus.length} logical cores (${os.availableParallelism?.() ?? cpus.length} available)`,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    os: distro,
    node: process.version,
    temporal: `${temporalVersion}; dev server (SQLite file), @temporalio/client ${clientVersion}`,
    postgres: postgresVersion,
    commit: commit || 'unknown',
    load: loadAtStart,
  };
}

/** CPU seconds (user + system) and peak RSS of a live process, from /proc (Linux); {} elsewhere. */
function processUsage(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
    const peakKiB = Number(/^VmHWM:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    const hz = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;
    return { cpuSeconds: ticks / hz, peakMiB: Math.round(peakKiB / 1024) };
  } catch {
    return {};
  }
}

// ---------------------------------------------------------------- report

const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '–');

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
    '| machine | |',
    '| --- | --- |',
    `| CPU | ${machine.cpu} |`,
    `| memory | ${machine.memory} |`,
    `| OS | ${machine.os} |`,
    `| Node.js | ${machine.node} |`,
    `| Temporal | ${machine.temporal} |`,
    `| PostgreSQL | ${machine.postgres} |`,
    `| load average (1/5/15 min) when the script started | ${machine.load} |`,
    '',
    resultsTable(rows),
    '',
    ...notes.map((n) => `- ${n}`),
  ].join('\n');
}

/** Replaces the section between the markers (or appends one), formatted as the repository's Prettier would. */
async function writeDoc(section) {
  const block = `${markerStart}\n\n${section}\n\n${markerEnd}`;
  let doc = existsSync(benchmarksDoc) ? readFileSync(benchmarksDoc, 'utf8') : '# Benchmarks\n';
  const start = doc.indexOf(markerStart);
  const end = doc.indexOf(markerEnd);
  if (start >= 0 && end > start) doc = doc.slice(0, start) + block + doc.slice(end + markerEnd.length);
  else doc = `${doc.trimEnd()}\n\n## \`npm run bench:tasks\`: results\n\n${block}\n`;
  try {
    const prettier = await import('prettier');
    const config = (await prettier.resolveConfig(benchmarksDoc)) ?? {};
    doc = await prettier.format(doc, { ...config, filepath: benchmarksDoc });
  } catch {
    // Prettier is a devDependency; without it the table is written unaligned, which renders the same.
  }
  writeFileSync(benchmarksDoc, doc);
}

// ---------------------------------------------------------------- the run

async function main() {
  const startedAt = new Date();
  const overall = setTimeout(() => {
    process.stderr.write(`\nThe run exceeded ${params.maxMinutes} minutes; stopping.\n`);
    interrupted = true;
    failed = true;
    void runCleanup().finally(() => process.exit(1));
  }, params.maxMinutes * 60_000);
  overall.unref();

  log(
    `bench:tasks: N=${params.tasks}, concurrency ${params.concurrency.join(', ')}, warm-up ${params.concurrency.map(warmupFor).join('/')}`,
  );
  ensureDependencies();
  if (!params.skipBuild) {
    log('Building (npm run build)…');
    build();
  }
  for (const file of [
    'apps/api/dist/main.js',
    'apps/api/dist/seed.js',
    'apps/worker/dist/main.js',
    'libs/contracts/dist/index.js',
  ]) {
    if (!existsSync(join(root, file))) throw new Error(`${file} is missing: run npm run build`);
  }
  workDir = mkdtempSync(join(os.tmpdir(), 'konvergensi-bench-'));

  // Temporal dev server on free ports with a throwaway SQLite file.
  const temporalBinary = findOrBuildTemporalCli({ log });
  log(`Starting the Temporal dev server (${temporalBinary})…`);
  const temporal = await startTemporalDevServer({
    binary: temporalBinary,
    dbFile: join(workDir, 'temporal.db'),
    port: await freePort(),
    uiPort: undefined,
    logFile: join(workDir, 'temporal.log'),
  });
  cleanup.push(() => temporal.stop());
  checkInterrupted();

  // A fresh database, migrated and seeded.
  const server = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
  server.pathname = `/konvergensi_bench_test_${Date.now()}`;
  const databaseUrl = server.toString();
  cleanup.push(() => dropTestDatabase(databaseUrl));
  log(`Creating ${server.pathname.slice(1)} (migrate + seed)…`);
  await migrate(databaseUrl);
  const demoPassword = `bench-${randomBytes(9).toString('base64url')}`;
  const seeded = spawnSync(process.execPath, [join(root, 'apps', 'api', 'dist', 'seed.js')], {
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl, DEMO_PASSWORD: demoPassword },
    encoding: 'utf8',
  });
  if (seeded.status !== 0) throw new Error(`seeding failed: ${seeded.stderr}`);
  const db = new pg.Pool({ connectionString: databaseUrl, max: 2, application_name: 'konvergensi-bench' });
  cleanup.push(() => db.end());
  const one = async (sql, args = []) => (await db.query(sql, args)).rows[0];
  const postgresVersion = (await one('SELECT version() AS v')).v;
  const unitId = (await one('SELECT id FROM unit WHERE regency_code = $1 AND code = $2', [regencyCode, unitCode]))?.id;
  const officerId = (await one('SELECT id FROM app_user WHERE username = $1', [officerName]))?.id;
  const secretaryId = (await one('SELECT id FROM app_user WHERE username = $1', [secretaryName]))?.id;
  if (!unitId || !officerId || !secretaryId)
    throw new Error('the seed did not create Kota Metro, DINKES and its users');

  // SMTP receiver, worker, API.
  const smtpPort = await freePort();
  const receiver = await startMailReceiver(smtpPort);
  const apiPort = await freePort();
  const taskQueue = `bench-${randomUUID()}`;
  const appEnv = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_TASK_QUEUE: taskQueue,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtpPort),
    MAIL_FROM: 'Konvergensi Bench <noreply@konvergensi.test>',
    LOG_LEVEL: 'warn',
    PORT: String(apiPort),
    AUTH_SECRET: randomBytes(32).toString('hex'),
    // Every lane logs in its own users; the per-address limit (20/min) is for people, not for this.
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    ACCESS_TOKEN_TTL_SECONDS: '3600',
  };
  log('Starting the worker and the API…');
  const worker = startChild('worker', [join(root, 'apps', 'worker', 'dist', 'main.js')], appEnv);
  const api = startChild('api', [join(root, 'apps', 'api', 'dist', 'main.js')], appEnv);
  const baseUrl = `http://127.0.0.1:${apiPort}`;
  const http = apiClient(baseUrl);

  const { Client, Connection } = require('@temporalio/client');
  const { defaultPayloadConverter } = require('@temporalio/common');
  const contracts = require(join(root, 'libs', 'contracts', 'dist', 'index.js'));
  const connection = await Connection.connect({ address: temporal.address });
  cleanup.push(() => connection.close());
  const client = new Client({ connection, namespace: 'default' });

  await until(
    'the worker to poll its task queue',
    90_000,
    async () => {
      const polled = await Promise.all(
        [1, 2].map((taskQueueType) =>
          connection.workflowService.describeTaskQueue({
            namespace: 'default',
            taskQueue: { name: taskQueue },
            taskQueueType,
          }),
        ),
      );
      return polled.every((d) => (d.pollers?.length ?? 0) > 0);
    },
    { everyMs: 500, children: [worker] },
  );
  await until('the API to report healthy', 90_000, async () => (await fetch(`${baseUrl}/api/health`)).status === 200, {
    everyMs: 500,
    children: [api],
  });
  const machine = machineDescription({ temporalBinary, postgresVersion });

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
  const received = await receiver.received();
  const usage = [
    ['worker', worker.child.pid],
    ['Temporal dev server', temporal.pid],
    ['API', api.child.pid],
    ['SMTP receiver', receiver.child.pid],
    ['this script', process.pid],
  ]
    .map(([name, pid]) => ({ name, ...processUsage(pid) }))
    .filter((u) => u.cpuSeconds !== undefined);
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
    await writeDoc(section);
    log(`Wrote the results into ${benchmarksDoc}`);
  }
  clearTimeout(overall);
  return anyErrors ? 1 : 0;
}

main()
  .then(async (code) => {
    if (code) failed = true;
    await runCleanup();
    process.exit(code);
  })
  .catch(async (error) => {
    failed = true;
    if (!interrupted) process.stderr.write(`bench:tasks failed: ${error.stack ?? error.message}\n`);
    await runCleanup();
    process.exit(1);
  });
