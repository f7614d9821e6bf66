#!/usr/bin/env node
// Every npm script enters here: `node scripts/run.mjs <command> [args…]`. On a fresh clone
// nothing of the workspace is installed yet, so this file and lib/install.mjs import Node's
// built-ins only; the command itself (which imports pg, @temporalio/client, the built libs…) is
// loaded with a dynamic import() once the install is done. `--exec <bin> [args…]` runs a
// workspace binary (tsc, eslint, jest, prettier) the same way.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkNodeVersion, ensureDependencies, root } from './lib/install.mjs';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/run.mjs <command> [args…] | --exec <binary> [args…]');
  process.exit(2);
}

checkNodeVersion();
ensureDependencies();

if (command === '--exec') {
  const [binary, ...rest] = args;
  const result = spawnSync(join(root, 'node_modules', '.bin', binary), rest, { stdio: 'inherit', cwd: root });
  process.exit(result.status ?? 1);
}

const script = join(root, 'scripts', `${command}.mjs`);
if (!existsSync(script)) {
  console.error(`no such command: scripts/${command}.mjs`);
  process.exit(2);
}
// The command sees itself as the main module: argv[1] is its own path, its arguments follow.
process.argv.splice(1, process.argv.length - 1, script, ...args);
await import(pathToFileURL(script).href);
