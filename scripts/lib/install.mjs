// `npm start` and `npm test` on a fresh clone install what is missing, once.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');

function installedLockIsCurrent() {
  const installed = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(installed)) return false;
  return statSync(installed).mtimeMs >= statSync(join(root, 'package-lock.json')).mtimeMs;
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.status !== 0) {
    console.error(`\n✗ ${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
}

export function ensureDependencies() {
  if (installedLockIsCurrent()) return;
  // `npm install`, not `npm ci`: npm 11 here writes lockfiles without the other platforms'
  // optional binaries (@swc/core-darwin-*, @nx/nx-*), which `npm ci` then rejects as out of sync.
  // With an existing lockfile `npm install` installs exactly what it pins and leaves it unchanged.
  console.log('Installing dependencies (npm install)…');
  run('npm', ['install', '--no-audit', '--no-fund']);
}

export function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}
