// The part of every command that must work before anything is installed: it imports Node's
// built-ins only (scripts/run.mjs and its spec hold it to that), checks the Node version that
// package.json declares, installs the workspace with `npm ci` when node_modules is missing or
// older than the lockfile, and times the steps a newcomer waits for.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');

export function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Seconds since this process started, e.g. "12.3 s". */
export function sinceStart() {
  return `${process.uptime().toFixed(1)} s`;
}

/**
 * Runs one long step with a line before ("→ what, why it takes long") and one after ("✓ what
 * (12.3 s)"), so that a newcomer sees what is happening and what took how long.
 * Works for synchronous and asynchronous `fn`.
 */
export function step(label, fn, { note } = {}) {
  const started = Date.now();
  console.log(`→ ${label}${note ? ` (${note})` : ''}…`);
  const done = (value) => {
    console.log(`✓ ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return value;
  };
  const value = fn();
  return value instanceof Promise ? value.then(done) : done(value);
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.status !== 0) {
    console.error(`\n✗ ${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
}

/** "20.19.0" → [20, 19, 0] */
function versionParts(version) {
  return version
    .replace(/^v/, '')
    .split('.')
    .map((part) => Number.parseInt(part, 10) || 0);
}

/**
 * Whether `version` satisfies an engines range of the forms this project uses: ">=A.B[.C]",
 * optionally followed by " <X[.Y]" (npm's full semver grammar is not needed for one field we write).
 */
export function satisfiesEngine(version, range) {
  const have = versionParts(version);
  const compare = (want) => {
    for (let i = 0; i < 3; i += 1) {
      const a = have[i] ?? 0;
      const b = want[i] ?? 0;
      if (a !== b) return a - b;
    }
    return 0;
  };
  return range
    .trim()
    .split(/\s+/)
    .every((term) => {
      const match = /^(>=|<)(\d+(?:\.\d+){0,2})$/.exec(term);
      if (!match) throw new Error(`engines.node term "${term}" is not of the form >=X.Y or <X`);
      const order = compare(versionParts(match[2]));
      return match[1] === '>=' ? order >= 0 : order < 0;
    });
}

/** Stops with a clear message when this Node is outside package.json's `engines.node`. */
export function checkNodeVersion() {
  const range = readJson(join(root, 'package.json')).engines?.node;
  if (!range || satisfiesEngine(process.version, range)) return;
  console.error(
    `konvergensi needs Node ${range} (package.json "engines"); this is Node ${process.version}.\n` +
      'Install a Node release in that range (with npm 11), then run the command again.',
  );
  process.exit(1);
}

function installedLockIsCurrent() {
  const installed = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(installed)) return false;
  return statSync(installed).mtimeMs >= statSync(join(root, 'package-lock.json')).mtimeMs;
}

/**
 * `npm ci`: exactly what package-lock.json pins, and a hard failure when package.json and the
 * lockfile disagree, so a drift never installs silently.
 */
export function ensureDependencies() {
  if (installedLockIsCurrent()) return;
  step('Installing dependencies with npm ci', () => run('npm', ['ci', '--no-audit', '--no-fund']), {
    note: 'exactly what package-lock.json pins; about a minute',
  });
}
