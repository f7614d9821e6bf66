#!/usr/bin/env node
// CI's first step after the lockfile check: `npm start` on this fresh checkout, as a newcomer
// would run it, on private ports and a private DATA_DIR. Waits for health, logs a demo user in
// through the API, loads the web app's page and one dashboard read, then stops the stack by the
// process id of `npm start` and checks that it is gone. Any failure prints the start log's tail
// and exits non-zero. Node built-ins only: this runs before anything is installed.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const port = Number(process.env.SMOKE_PORT || 3900);
const temporalPort = Number(process.env.SMOKE_TEMPORAL_PORT || 7900);
const mailboxPort = Number(process.env.SMOKE_MAILBOX_PORT || 2900);
const startWithinMs = Number(process.env.SMOKE_START_MINUTES || 20) * 60_000;
const dataDir = mkdtempSync(join(tmpdir(), 'konvergensi-ci-start-'));
const logFile = join(dataDir, 'npm-start.log');
const demoPassword = `ci-${randomBytes(9).toString('base64url')}`;
const baseUrl = `http://127.0.0.1:${port}`;
const database = `konvergensi_ci_start_${process.pid}`;
const started = Date.now();

const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

function tail(lines = 60) {
  try {
    return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function portOpen(p) {
  return new Promise((resolve) => {
    const socket = connect(p, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const log = createWriteStream(logFile);
const npmStart = spawn('npm', ['start'], {
  cwd: root,
  env: {
    ...process.env,
    PORT: String(port),
    TEMPORAL_PORT: String(temporalPort),
    TEMPORAL_UI_PORT: String(temporalPort + 1),
    MAILBOX_SMTP_PORT: String(mailboxPort),
    DATA_DIR: dataDir,
    DEMO_PASSWORD: demoPassword,
    DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${database}`,
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let exited;
npmStart.once('exit', (code, signal) => {
  exited = { code, signal };
});
let output = '';
for (const stream of [npmStart.stdout, npmStart.stderr]) {
  stream.on('data', (chunk) => {
    log.write(chunk);
    output += chunk;
    // The newcomer's view: the step lines of npm start, as they happen.
    for (const line of chunk.toString().split('\n')) if (/^[→✓✗] [A-Z]/.test(line)) console.log(`  npm start: ${line}`);
  });
}

async function dropDatabase() {
  // pg is installed once npm start has run npm ci; before that there is no database either.
  try {
    const pg = createRequire(join(root, 'package.json'))('pg');
    const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
    admin.on('error', () => undefined);
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  } catch (error) {
    console.error(`(could not drop ${database}: ${error.message})`);
  }
}

async function fail(message) {
  console.error(
    `✗ CI start check: ${message} (after ${seconds()})\n--- the last lines of npm start (${logFile}) ---\n${tail()}`,
  );
  if (!exited) npmStart.kill('SIGTERM');
  await sleep(5000);
  await dropDatabase();
  process.exit(1);
}

async function json(response) {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

console.log(`CI start check: npm start on ports ${port}/${temporalPort}/${mailboxPort}, DATA_DIR ${dataDir}`);
// 1. Healthy: the line npm start prints when everything answers, and the health page itself.
while (!/is running and healthy/.test(output)) {
  if (exited) await fail(`npm start exited (${exited.signal ?? `code ${exited.code}`}) before it was healthy`);
  if (Date.now() - started > startWithinMs)
    await fail(`npm start was not healthy within ${startWithinMs / 60_000} min`);
  await sleep(500);
}
const health = await fetch(`${baseUrl}/api/health`);
const healthBody = await json(health);
if (health.status !== 200) await fail(`/api/health answered ${health.status}: ${JSON.stringify(healthBody)}`);
console.log(`✓ healthy after ${seconds()}: ${JSON.stringify(healthBody.services)}`);

// 2. A demo user logs in through the API.
const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'metro.ketua', password: demoPassword }),
});
const session = await json(login);
if (login.status !== 200 || !session.accessToken) await fail(`login as metro.ketua answered ${login.status}`);
console.log('✓ metro.ketua logged in');

// 3. The web app's page.
const page = await fetch(`${baseUrl}/`);
const html = await page.text();
if (page.status !== 200 || !/<div id="root">/.test(html) || !/\/assets\/index-[\w-]+\.js/.test(html)) {
  await fail(`GET / answered ${page.status} without the web app's root and script`);
}
const script = await fetch(`${baseUrl}${/\/assets\/index-[\w-]+\.js/.exec(html)[0]}`);
if (script.status !== 200) await fail(`the web app's script answered ${script.status}`);
console.log(`✓ web app page and its script served (${html.length} + ${(await script.arrayBuffer()).byteLength} bytes)`);

// 4. One dashboard read as TPPS leadership.
const dashboard = await fetch(`${baseUrl}/api/v1/regencies/18.72/dashboard`, {
  headers: { authorization: `Bearer ${session.accessToken}` },
});
const board = await json(dashboard);
if (dashboard.status !== 200 || typeof board !== 'object') {
  await fail(`the dashboard of Kota Metro answered ${dashboard.status}: ${JSON.stringify(board).slice(0, 300)}`);
}
console.log(`✓ dashboard of Kota Metro read (${Object.keys(board).join(', ')})`);

// 5. Stopped by its own process id. npm itself exits on SIGTERM without passing it on; the stack
// notices that its npm has gone and stops what it started, so wait for every port to close.
npmStart.kill('SIGTERM');
const stopDeadline = Date.now() + 60_000;
let open = [port, temporalPort, mailboxPort];
while (Date.now() < stopDeadline) {
  open = (await Promise.all(open.map(async (p) => ((await portOpen(p)) ? p : undefined)))).filter(Boolean);
  if (exited && open.length === 0) break;
  await sleep(250);
}
if (!exited) await fail('npm start was still running 60 s after SIGTERM');
if (open.length) await fail(`port(s) ${open.join(', ')} still answer 60 s after SIGTERM to npm start`);
console.log(
  `✓ npm start (pid ${npmStart.pid}) stopped on SIGTERM (${exited.signal ?? `code ${exited.code}`}); ` +
    `every port closed ${seconds()} after the command`,
);

// Leave no database behind on the CI machine.
await dropDatabase();
console.log(`CI start check passed in ${seconds()}`);
