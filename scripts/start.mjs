#!/usr/bin/env node
// `npm start`: one command from a fresh clone to a running system with demo data.
// Installs what is missing, builds, provisions the Temporal CLI, starts its dev server on a
// persistent SQLite file, migrates PostgreSQL, then runs the worker and the API (which hosts the
// dev mailbox in demo mode). Ctrl-C stops everything it started; data stays in DATA_DIR and the
// database, so running it again continues where it stopped.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from './build.mjs';
import { ensureDependencies, root } from './lib/install.mjs';
import { findOrBuildTemporalCli } from './lib/temporal-cli.mjs';
import { startTemporalDevServer } from './lib/temporal-server.mjs';
import { waitForPort } from './lib/ports.mjs';
import { migrate } from './migrate.mjs';

const port = Number(process.env.PORT || 3000);
const temporalPort = Number(process.env.TEMPORAL_PORT || 7233);
const temporalUiPort = Number(process.env.TEMPORAL_UI_PORT || temporalPort + 1000);
const mailboxPort = Number(process.env.MAILBOX_SMTP_PORT || 2525);
const dataDir = resolve(process.env.DATA_DIR || join(root, '.data'));
// A second instance on another PORT gets its own database unless DATABASE_URL says otherwise.
const databaseUrl =
  process.env.DATABASE_URL ||
  `postgres://postgres@127.0.0.1:5432/${port === 3000 ? 'konvergensi' : `konvergensi_${port}`}`;

const children = [];
let temporal;
let stopping = false;

async function stopAll(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  await Promise.all(
    children.map(
      (child) =>
        new Promise((done) => {
          if (child.exitCode !== null) return done();
          child.once('exit', done);
          child.kill('SIGTERM');
        }),
    ),
  );
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

function startApp(name, env) {
  const child = spawn(process.execPath, [join(root, 'apps', name, 'dist', 'main.js')], {
    env: { ...process.env, ...env },
    stdio: 'inherit',
  });
  child.once('exit', (code) => {
    if (!stopping) {
      console.error(`${name} exited with code ${code}; stopping the rest.`);
      void stopAll(code || 1);
    }
  });
  children.push(child);
  return child;
}

async function main() {
  ensureDependencies();
  build();
  mkdirSync(dataDir, { recursive: true });

  const binary = findOrBuildTemporalCli();
  console.log(`Starting the Temporal dev server (${binary}) with ${join(dataDir, 'temporal.db')}…`);
  temporal = await startTemporalDevServer({
    binary,
    dbFile: join(dataDir, 'temporal.db'),
    port: temporalPort,
    uiPort: temporalUiPort,
    logFile: join(dataDir, 'temporal.log'),
  });

  const applied = await migrate(databaseUrl);
  console.log(`Database ${databaseUrl}: ${applied.length ? `applied ${applied.join(', ')}` : 'schema up to date'}`);

  const authSecret =
    process.env.AUTH_SECRET || persistentSecret(join(dataDir, 'auth-secret'), () => randomBytes(32).toString('hex'));
  const aksIdentityKey =
    process.env.AKS_IDENTITY_KEY ||
    persistentSecret(join(dataDir, 'aks-identity-key'), () => randomBytes(32).toString('hex'));
  const demoPassword =
    process.env.DEMO_PASSWORD ||
    persistentSecret(join(dataDir, 'demo-password'), () => randomBytes(9).toString('base64url'));
  const seeded = spawnSync(process.execPath, [join(root, 'apps', 'api', 'dist', 'seed.js')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, DEMO_PASSWORD: demoPassword },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (seeded.status !== 0) throw new Error('seeding the demo data failed');
  process.stdout.write(seeded.stdout.replace(/^Password of new demo users: .*\n/m, ''));

  const env = {
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_UI_URL: temporal.uiUrl,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(mailboxPort),
    DEMO_MODE: 'true',
    DEV_MAIL_CATCHER_PORT: String(mailboxPort),
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.LOG_LEVEL || 'info',
    AUTH_SECRET: authSecret,
    AKS_IDENTITY_KEY: aksIdentityKey,
  };
  startApp('api', env);
  await waitForPort(port, { timeoutMs: 60_000 });
  startApp('worker', env);

  console.log(`
konvergensi is running (Ctrl-C stops everything):
  App           http://localhost:${port}/
  Health        http://localhost:${port}/api/health
  API docs      http://localhost:${port}/api/docs
  Temporal UI   ${temporal.uiUrl}
  Mailbox       http://localhost:${port}/dev/mailbox  (SMTP on 127.0.0.1:${mailboxPort})
  Data folder   ${dataDir}

  Demo users    admin, metro.ketua, metro.sekretaris, metro.dinkes, dumai.sekretaris, dumai.aks-pakar, …
  Password      ${process.env.DEMO_PASSWORD ? '$DEMO_PASSWORD' : `${demoPassword}  (kept in ${join(dataDir, 'demo-password')})`}
`);
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));
main().catch(async (error) => {
  console.error(`npm start failed: ${error.message}`);
  await stopAll(1);
});
