// Shared infrastructure of the `npm run bench:*` scripts (one benchmark per process).
//
// Exports:
//   root, log, sleep                       repository root, stdout line logger, promise sleep
//   option(name, envName, fallback)        one parameter; `--name=value` / `--name` on argv wins over env
//   positiveInt(value, what), nonNegativeInt(value, what), booleanOption(name, envName, fallback)
//   commonOptions()                        { write, skipBuild, keepLogs, maxMinutes } shared by every bench
//   onCleanup(fn), runCleanup()            cleanup registry (run in reverse order, once; also on SIGINT/SIGTERM)
//   isInterrupted(), checkInterrupted()    whether the run is stopping (Ctrl-C, time limit); the latter throws
//   runMain(name, main, { maxMinutes, keepLogs })
//                                          runs `main()` (resolves to an exit code), enforces the time limit,
//                                          cleans up and exits the process
//   prepareBuild({ skipBuild, log })       npm run build unless skipped, checks dist/ (scripts/run.mjs installed)
//   createWorkDir(prefix)                  a temp folder for logs, removed at cleanup unless kept/failed
//   startChild(name, args, env, { ipc, command, cwd })   a child with its output in <workDir>/<name>.log
//   tailOf(file, lines), until(what, timeoutMs, probe, { everyMs, children })
//   startMailReceiver(port)                SMTP receiver (libs/mail-catcher) in a process of its own
//   startBenchStack({ name, extraEnv, workerEnv, apiEnv, log })
//       Temporal dev server (throwaway SQLite) + fresh `konvergensi_bench_test_<time>` database (migrated,
//       seeded with the demo data) + SMTP receiver + worker + API, all on 127.0.0.1 and waited for. Returns
//       { baseUrl, temporalAddress, taskQueue, databaseUrl, demoPassword, workDir, temporalBinary,
//         postgresVersion, db (pg.Pool), one(sql, args), http (apiClient), connection, client (Temporal),
//         children: { temporal, smtp, worker, api }, pids, usage(), machine(), stop() }
//   percentile(sorted, p), summarize(values) nearest-rank percentiles; { n, min, mean, p50, p95, p99, max }
//   runPhase(items, concurrency, fn, { timeoutMs })  bounded lanes pulling from one queue
//   timed(fn)                              { ms, value }
//   apiClient(baseUrl, { timeoutMs })      { call(method, path, { token, body, headers }), login(user, pass) }
//   machineDescription({ temporalBinary, postgresVersion }), machineTable(machine)
//   processUsage(pid)                      { cpuSeconds, peakMiB } from /proc (Linux); {} elsewhere
//   postgresUsage(databaseName?)           CPU seconds and RSS of the PostgreSQL processes (of one database)
//   fmt(n, digits), ratio(a, b)            number formatting for the tables
//   writeDocSection(markerName, markdown)  rewrites docs/benchmarks.md between <!-- bench:NAME --> and
//                                          <!-- /bench:NAME --> only (appends a section when missing), Prettier-formatted
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
import { build } from '../build.mjs';
import { migrate } from '../migrate.mjs';
import { dropTestDatabase } from './database.mjs';
import { root } from './install.mjs';
import { freePort } from './ports.mjs';
import { findOrBuildTemporalCli } from './temporal-cli.mjs';
import { startTemporalDevServer, workerIsPolling } from './temporal-server.mjs';

export { root, sleep };

const require = createRequire(import.meta.url);
export const log = (line) => process.stdout.write(`${line}\n`);

// Before the script adds any load of its own (build, services): what else the machine was doing.
const loadAtStart = os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(' / ');

// ---------------------------------------------------------------- parameters

export function option(name, envName, fallback) {
  const flag = process.argv.slice(2).find((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (flag) return flag.includes('=') ? flag.slice(flag.indexOf('=') + 1) : 'true';
  return (envName ? process.env[envName] : undefined) ?? fallback;
}

export function positiveInt(value, what) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${what} must be a positive integer, got "${value}"`);
  return n;
}

export function nonNegativeInt(value, what) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${what} must be a whole number, got "${value}"`);
  return n;
}

export function booleanOption(name, envName, fallback = false) {
  return ['1', 'true', 'yes'].includes(String(option(name, envName, fallback ? '1' : '0')));
}

/** Options every bench script takes (`--no-write`, `--skip-build`, `--keep-logs`, `--max-minutes`). */
export function commonOptions({ maxMinutes = 25 } = {}) {
  return {
    maxMinutes: positiveInt(option('max-minutes', 'BENCH_MAX_MINUTES', String(maxMinutes)), 'max minutes'),
    write:
      !['0', 'false', 'no'].includes(String(option('write', 'BENCH_WRITE', '1'))) &&
      !process.argv.includes('--no-write'),
    skipBuild: booleanOption('skip-build', 'BENCH_SKIP_BUILD'),
    keepLogs: booleanOption('keep-logs', 'BENCH_KEEP_LOGS'),
  };
}

// ---------------------------------------------------------------- what gets cleaned up

const state = {
  cleanup: [],
  cleaningUp: undefined,
  workDir: undefined,
  failed: false,
  interrupted: false,
  keepLogs: false,
};

export function onCleanup(fn) {
  state.cleanup.push(fn);
}

export function runCleanup() {
  state.cleaningUp ??= (async () => {
    for (const step of state.cleanup.reverse()) {
      try {
        await step();
      } catch (error) {
        process.stderr.write(`cleanup: ${error.message}\n`);
      }
    }
    if (state.workDir) {
      if (state.keepLogs || state.failed) log(`Logs kept in ${state.workDir}`);
      else rmSync(state.workDir, { recursive: true, force: true });
    }
  })();
  return state.cleaningUp;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (state.interrupted) return;
    state.interrupted = true;
    state.failed = true;
    process.stderr.write(`\n${signal}: stopping and cleaning up…\n`);
    void runCleanup().finally(() => process.exit(130));
  });
}

export const isInterrupted = () => state.interrupted;

export function checkInterrupted() {
  if (state.interrupted) throw new Error('interrupted');
}

/** Runs the benchmark: time limit, exit code, cleanup on every way out. */
export function runMain(name, main, { maxMinutes, keepLogs = false }) {
  state.keepLogs = keepLogs;
  const overall = setTimeout(() => {
    process.stderr.write(`\nThe run exceeded ${maxMinutes} minutes; stopping.\n`);
    state.interrupted = true;
    state.failed = true;
    void runCleanup().finally(() => process.exit(1));
  }, maxMinutes * 60_000);
  overall.unref();
  return main()
    .then(async (code) => {
      clearTimeout(overall);
      if (code) state.failed = true;
      await runCleanup();
      process.exit(code ?? 0);
    })
    .catch(async (error) => {
      state.failed = true;
      if (!state.interrupted) process.stderr.write(`${name} failed: ${error.stack ?? error.message}\n`);
      await runCleanup();
      process.exit(1);
    });
}

// ---------------------------------------------------------------- build, work folder, child processes

export function prepareBuild({ skipBuild, log: say = log }) {
  if (!skipBuild) {
    say('Building (npm run build)…');
    build();
  }
  for (const file of [
    'apps/api/dist/main.js',
    'apps/api/dist/seed.js',
    'apps/worker/dist/main.js',
    'libs/contracts/dist/index.js',
    'libs/domain/dist/index.js',
    'libs/mail-catcher/dist/index.js',
  ]) {
    if (!existsSync(join(root, file))) throw new Error(`${file} is missing: run npm run build`);
  }
}

export function createWorkDir(prefix = 'konvergensi-bench-') {
  state.workDir ??= mkdtempSync(join(os.tmpdir(), prefix));
  return state.workDir;
}

/** A child with its output in a log file; stop() is SIGTERM, then SIGKILL after 10 s. Node unless `command`. */
export function startChild(name, args, env, { ipc = false, command = process.execPath, cwd = root } = {}) {
  const logFile = join(createWorkDir(), `${name}.log`);
  const out = openSync(logFile, 'a');
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', out, out, ...(ipc ? ['ipc'] : [])] });
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
  onCleanup(stop);
  return { name, child, pid: child.pid, logFile, exited, stop, tail: () => tailOf(logFile) };
}

export function tailOf(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** Polls `probe` until it returns something other than undefined/false; fails early when a child exits. */
export async function until(what, timeoutMs, probe, { everyMs = 250, children = [] } = {}) {
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
export async function startMailReceiver(port) {
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

// ---------------------------------------------------------------- the stack under test

/**
 * Starts everything a benchmark drives, on 127.0.0.1, and registers its teardown. Call
 * prepareBuild() first. `extraEnv` goes to both the worker and the API; `workerEnv`/`apiEnv` to one.
 */
export async function startBenchStack({ name = 'bench', extraEnv = {}, workerEnv = {}, apiEnv = {}, log: say = log }) {
  const workDir = createWorkDir(`konvergensi-${name}-`);

  // Temporal dev server on free ports with a throwaway SQLite file.
  const temporalBinary = findOrBuildTemporalCli({ log: say });
  say(`Starting the Temporal dev server (${temporalBinary})…`);
  const temporal = await startTemporalDevServer({
    binary: temporalBinary,
    dbFile: join(workDir, 'temporal.db'),
    port: await freePort(),
    uiPort: undefined,
    logFile: join(workDir, 'temporal.log'),
  });
  onCleanup(() => temporal.stop());
  checkInterrupted();

  // A fresh database, migrated and seeded.
  const server = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
  server.pathname = `/konvergensi_bench_test_${Date.now()}`;
  const databaseUrl = server.toString();
  onCleanup(() => dropTestDatabase(databaseUrl));
  say(`Creating ${server.pathname.slice(1)} (migrate + seed)…`);
  await migrate(databaseUrl);
  const demoPassword = `bench-${randomBytes(9).toString('base64url')}`;
  const seeded = spawnSync(process.execPath, [join(root, 'apps', 'api', 'dist', 'seed.js')], {
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl, DEMO_PASSWORD: demoPassword },
    encoding: 'utf8',
  });
  if (seeded.status !== 0) throw new Error(`seeding failed: ${seeded.stderr}`);
  const db = new pg.Pool({ connectionString: databaseUrl, max: 4, application_name: 'konvergensi-bench' });
  onCleanup(() => db.end());
  const one = async (sql, args = []) => (await db.query(sql, args)).rows[0];
  const postgresVersion = (await one('SELECT version() AS v')).v;

  // SMTP receiver, worker, API.
  const smtpPort = await freePort();
  const smtp = await startMailReceiver(smtpPort);
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
    AKS_IDENTITY_KEY: randomBytes(32).toString('hex'),
    // Load generators log in many sessions from one address; the per-address limit (20/min) is for people.
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    ACCESS_TOKEN_TTL_SECONDS: '3600',
    ...extraEnv,
  };
  say('Starting the worker and the API…');
  const worker = startChild('worker', [join(root, 'apps', 'worker', 'dist', 'main.js')], { ...appEnv, ...workerEnv });
  const api = startChild('api', [join(root, 'apps', 'api', 'dist', 'main.js')], { ...appEnv, ...apiEnv });
  const baseUrl = `http://127.0.0.1:${apiPort}`;

  const { Client, Connection } = require('@temporalio/client');
  const connection = await Connection.connect({ address: temporal.address });
  onCleanup(() => connection.close());
  const client = new Client({ connection, namespace: 'default' });

  await until('the worker to poll its task queue', 90_000, () => workerIsPolling(connection, taskQueue), {
    everyMs: 500,
    children: [worker],
  });
  await until('the API to report healthy', 90_000, async () => (await fetch(`${baseUrl}/api/health`)).status === 200, {
    everyMs: 500,
    children: [api],
  });

  const children = {
    temporal: {
      name: 'Temporal dev server',
      pid: temporal.pid,
      child: temporal.child,
      tail: () => tailOf(join(workDir, 'temporal.log')),
    },
    smtp,
    worker,
    api,
  };
  const pids = {
    worker: worker.pid,
    'Temporal dev server': temporal.pid,
    API: api.pid,
    'SMTP receiver': smtp.pid,
    'this script': process.pid,
  };
  return {
    baseUrl,
    temporalAddress: temporal.address,
    taskQueue,
    databaseUrl,
    databaseName: server.pathname.slice(1),
    demoPassword,
    workDir,
    temporalBinary,
    postgresVersion,
    db,
    one,
    http: apiClient(baseUrl),
    connection,
    client,
    children,
    pids,
    /** CPU seconds and peak RSS of every process of the stack (and this script), where /proc has them. */
    usage: () =>
      Object.entries(pids)
        .map(([who, pid]) => ({ name: who, pid, ...processUsage(pid) }))
        .filter((u) => u.cpuSeconds !== undefined),
    machine: () => machineDescription({ temporalBinary, postgresVersion }),
    stop: runCleanup,
  };
}

// ---------------------------------------------------------------- statistics and load generation

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Count, min, mean, nearest-rank p50/p95/p99 and max of some numbers (any order). */
export function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    min: sorted[0] ?? NaN,
    mean: sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : NaN,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
  };
}

/**
 * Runs `fn(item, lane)` for every item with `concurrency` lanes pulling from one queue.
 * Bounded: after `timeoutMs` no lane takes another item. Resolves to { samples, errors, wallMs, stoppedAtDeadline }.
 */
export async function runPhase(items, concurrency, fn, { timeoutMs = 300_000 } = {}) {
  const queue = [...items];
  const samples = [];
  const errors = [];
  const deadline = Date.now() + timeoutMs;
  let stoppedAtDeadline = false;
  const started = performance.now();
  const lane = async (laneIndex) => {
    for (;;) {
      if (state.interrupted) return;
      if (Date.now() > deadline) {
        stoppedAtDeadline = queue.length > 0;
        return;
      }
      const item = queue.shift();
      if (item === undefined) return;
      try {
        samples.push(await fn(item, laneIndex));
      } catch (error) {
        errors.push(String(error?.message ?? error).slice(0, 300));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, (_, i) => lane(i)));
  checkInterrupted();
  return { samples, errors, wallMs: performance.now() - started, stoppedAtDeadline };
}

export async function timed(fn) {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

export function apiClient(baseUrl, { timeoutMs = 30_000 } = {}) {
  async function call(method, path, { token, body, headers = {} } = {}) {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
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

// ---------------------------------------------------------------- machine and processes

export function machineDescription({ temporalBinary, postgresVersion }) {
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

/** The machine as a two-column Markdown table. */
export function machineTable(machine) {
  return [
    '| machine | |',
    '| --- | --- |',
    `| CPU | ${machine.cpu} |`,
    `| memory | ${machine.memory} |`,
    `| OS | ${machine.os} |`,
    `| Node.js | ${machine.node} |`,
    `| Temporal | ${machine.temporal} |`,
    `| PostgreSQL | ${machine.postgres} |`,
    `| load average (1/5/15 min) when the script started | ${machine.load} |`,
  ].join('\n');
}

let clockTicks;
/** CPU seconds (user + system) and peak RSS of a live process, from /proc (Linux); {} elsewhere. */
export function processUsage(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const peakKiB = Number(/^VmHWM:\s+(\d+)/m.exec(status)?.[1]);
    const rssKiB = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1]);
    clockTicks ??= Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;
    return { cpuSeconds: ticks / clockTicks, peakMiB: Math.round(peakKiB / 1024), rssMiB: Math.round(rssKiB / 1024) };
  } catch {
    return {};
  }
}

/**
 * CPU seconds (user + system, from /proc) and summed RSS of the PostgreSQL server's processes,
 * optionally only the backends whose command line names `databaseName`. Processes that have exited
 * are not counted, so take it before closing pools. {} when ps shows none (PostgreSQL elsewhere).
 */
export function postgresUsage(databaseName) {
  const ps = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  if (ps.status !== 0) return {};
  let cpuSeconds = 0;
  let rssMiB = 0;
  let processes = 0;
  for (const line of ps.stdout.split('\n')) {
    const match = /^\s*(\d+)\s+(.*)$/.exec(line);
    if (!match || !/^postgres(:|\s)|\/postgres\s/.test(match[2])) continue;
    if (databaseName && !match[2].includes(databaseName)) continue;
    const usage = processUsage(Number(match[1]));
    if (usage.cpuSeconds === undefined) continue;
    cpuSeconds += usage.cpuSeconds;
    rssMiB += usage.rssMiB;
    processes += 1;
  }
  return processes ? { cpuSeconds, rssMiB, processes } : {};
}

export const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
export const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '–');

// ---------------------------------------------------------------- docs/benchmarks.md

export const benchmarksDoc = join(root, 'docs', 'benchmarks.md');

/**
 * Replaces what stands between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->` in docs/benchmarks.md
 * (or appends a results section with the markers), formatted as the repository's Prettier would.
 */
export async function writeDocSection(markerName, markdown) {
  const markerStart = `<!-- bench:${markerName} -->`;
  const markerEnd = `<!-- /bench:${markerName} -->`;
  const block = `${markerStart}\n\n${markdown.trim()}\n\n${markerEnd}`;
  let doc = existsSync(benchmarksDoc) ? readFileSync(benchmarksDoc, 'utf8') : '# Benchmarks\n';
  const start = doc.indexOf(markerStart);
  const end = doc.indexOf(markerEnd);
  if (start >= 0 && end > start) doc = doc.slice(0, start) + block + doc.slice(end + markerEnd.length);
  else doc = `${doc.trimEnd()}\n\n## \`npm run bench:${markerName}\`: results\n\n${block}\n`;
  try {
    const prettier = await import('prettier');
    const config = (await prettier.resolveConfig(benchmarksDoc)) ?? {};
    doc = await prettier.format(doc, { ...config, filepath: benchmarksDoc });
  } catch {
    // Prettier is a devDependency; without it the table is written unaligned, which renders the same.
  }
  writeFileSync(benchmarksDoc, doc);
}
