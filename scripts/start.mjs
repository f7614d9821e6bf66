#!/usr/bin/env node
/* global setInterval */
// `npm start`: one command from a fresh clone to a running system with demo data.
// scripts/run.mjs has checked Node and installed the workspace; this builds, provisions the
// Temporal CLI, starts its dev server on a persistent SQLite file, migrates PostgreSQL, seeds the
// demo data, then runs the API (which hosts the dev mailbox in demo mode) and the worker, each
// kept running by a supervisor. Every long step says what it does and how long it took; the end
// is one block with the URLs, the demo users and the time from the command to healthy.
// Ctrl-C (or SIGTERM to this process) stops everything it started; data stays in DATA_DIR and the
// database, so running it again continues where it stopped.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Connection } from '@temporalio/client';
import { build } from './build.mjs';
import { root, sinceStart, step } from './lib/install.mjs';
import { supervise } from './lib/supervisor.mjs';
import { findOrBuildTemporalCli } from './lib/temporal-cli.mjs';
import { startTemporalDevServer, workerIsPolling } from './lib/temporal-server.mjs';
import { migrate } from './migrate.mjs';

const port = Number(process.env.PORT || 3000);
const temporalPort = Number(process.env.TEMPORAL_PORT || 7233);
const temporalUiPort = Number(process.env.TEMPORAL_UI_PORT || temporalPort + 1000);
const mailboxPort = Number(process.env.MAILBOX_SMTP_PORT || 2525);
const dataDir = resolve(process.env.DATA_DIR || join(root, '.data'));
const taskQueue = process.env.TEMPORAL_TASK_QUEUE || 'konvergensi';
// A second instance on another PORT gets its own database unless DATABASE_URL says otherwise.
const databaseUrl =
  process.env.DATABASE_URL ||
  `postgres://postgres@127.0.0.1:5432/${port === 3000 ? 'konvergensi' : `konvergensi_${port}`}`;
const healthyWithinMs = 120_000;

const supervised = [];
let stopping = false;

async function stopAll(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  // The apps first (they drain into Temporal and PostgreSQL), Temporal last.
  const [temporal, ...apps] = supervised;
  await Promise.all(apps.map((app) => app.stop()));
  await temporal?.stop();
  process.exit(code);
}

/** A secret kept in DATA_DIR so restarts keep sessions and demo passwords; made once. */
function persistentSecret(file, make) {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const value = make();
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  return value;
}

function keepRunning(name, start) {
  const kept = supervise({ name, start, isStopping: () => stopping });
  supervised.push(kept);
  return kept.launch();
}

function appProcess(name, env) {
  return () =>
    spawn(process.execPath, [join(root, 'apps', name, 'dist', 'main.js')], {
      env: { ...process.env, ...env },
      stdio: 'inherit',
    });
}

async function poll(what, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (stopping) return;
    try {
      const result = await check();
      if (result === true) return;
      last = String(result);
    } catch (error) {
      last = error.message;
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error(`${what} within ${timeoutMs / 1000} s (last: ${last})`);
}

async function main() {
  build();
  mkdirSync(dataDir, { recursive: true });

  const binary = findOrBuildTemporalCli({ log: console.log });
  console.log(`✓ Temporal CLI: ${binary}`);
  const dbFile = join(dataDir, 'temporal.db');
  const temporalOptions = {
    binary,
    dbFile,
    port: temporalPort,
    uiPort: temporalUiPort,
    logFile: join(dataDir, 'temporal.log'),
  };
  let temporal;
  await step(`Starting the Temporal dev server on 127.0.0.1:${temporalPort} (${dbFile})`, () =>
    keepRunning('Temporal dev server', async () => {
      temporal = await startTemporalDevServer(temporalOptions);
      return temporal.child;
    }),
  );

  const applied = await step(`Migrating ${databaseUrl}`, () => migrate(databaseUrl));
  console.log(`  ${applied.length ? `applied ${applied.join(', ')}` : 'schema up to date'}`);

  const authSecret =
    process.env.AUTH_SECRET || persistentSecret(join(dataDir, 'auth-secret'), () => randomBytes(32).toString('hex'));
  const aksIdentityKey =
    process.env.AKS_IDENTITY_KEY ||
    persistentSecret(join(dataDir, 'aks-identity-key'), () => randomBytes(32).toString('hex'));
  const demoPassword =
    process.env.DEMO_PASSWORD ||
    persistentSecret(join(dataDir, 'demo-password'), () => randomBytes(9).toString('base64url'));
  step('Seeding the demo data (Kota Metro, Kota Dumai, their units and users; kept when present)', () => {
    const seeded = spawnSync(process.execPath, [join(root, 'apps', 'api', 'dist', 'seed.js')], {
      env: { ...process.env, DATABASE_URL: databaseUrl, DEMO_PASSWORD: demoPassword },
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
    });
    if (seeded.status !== 0) throw new Error('seeding the demo data failed');
    process.stdout.write(`  ${seeded.stdout.replace(/^Password of .*\n/m, '')}`);
  });

  const env = {
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`,
    TEMPORAL_UI_URL: temporal.uiUrl,
    TEMPORAL_TASK_QUEUE: taskQueue,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(mailboxPort),
    DEMO_MODE: 'true',
    DEV_MAIL_CATCHER_PORT: String(mailboxPort),
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.LOG_LEVEL || 'info',
    AUTH_SECRET: authSecret,
    AKS_IDENTITY_KEY: aksIdentityKey,
  };
  await step('Starting the API and the worker, waiting until both are healthy', async () => {
    await keepRunning('API', appProcess('api', env));
    await keepRunning('worker', appProcess('worker', env));
    await poll(
      `the API did not report healthy at http://127.0.0.1:${port}/api/health`,
      async () => {
        const response = await fetch(`http://127.0.0.1:${port}/api/health`);
        return response.status === 200 || `HTTP ${response.status} ${await response.text()}`;
      },
      healthyWithinMs,
    );
    const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
    try {
      await poll(
        `the worker did not poll the task queue ${taskQueue}`,
        async () => (await workerIsPolling(connection, taskQueue)) || 'no poller yet',
        healthyWithinMs,
      );
    } finally {
      await connection.close();
    }
  });

  console.log(`
konvergensi is running and healthy, ${sinceStart()} after the command (Ctrl-C stops everything):
  App           http://localhost:${port}/
  Health        http://localhost:${port}/api/health
  API docs      http://localhost:${port}/api/docs
  Temporal UI   ${temporal.uiUrl}
  Mailbox       http://localhost:${port}/dev/mailbox  (SMTP on 127.0.0.1:${mailboxPort})
  Data folder   ${dataDir}
  Process id    ${process.pid}${process.env.npm_lifecycle_event ? `, npm's ${process.ppid}` : ''}  (SIGTERM to either stops the whole stack)

  Demo users    admin                                    administrator
                metro.ketua, metro.sekretaris            TPPS leadership of Kota Metro
                metro.dinkes, metro.kepala-dinkes        officer and head of Dinas Kesehatan
                metro.aks-teknis                         AKS auditor (technical team)
                dumai.sekretaris, dumai.aks-pakar        Kota Dumai
                lampung.provinsi                         province viewer
  Password      ${process.env.DEMO_PASSWORD ? '$DEMO_PASSWORD' : `${demoPassword}  (kept in ${join(dataDir, 'demo-password')})`}
  Two-step      admin and the AKS users set up an authenticator app (QR code) at their first login
`);
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));
// `npm start` does not pass a SIGTERM sent to npm on to its script: it exits and leaves this
// process behind. When npm (the parent) is gone, stop the stack as if the signal had come here.
if (process.env.npm_lifecycle_event) {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) {
      console.log(`npm (pid ${parent}) has gone; stopping the stack it started.`);
      void stopAll(0);
    }
  }, 500).unref();
}
main().catch(async (error) => {
  console.error(`\n✗ npm start failed: ${error.message}`);
  await stopAll(1);
});
