#!/usr/bin/env node
// `npm run bench`: every benchmark of the project in sequence (bench:tasks, bench:burst,
// bench:reads), each in a process of its own, after one build. Arguments are passed on to each
// (e.g. `--no-write`, `--keep-logs`, `--max-minutes=…`); every script ignores options it does not
// know. Each writes its own section of docs/benchmarks.md with the machine's description. Exits
// non-zero when any of them failed, and prints a summary.
//
//   npm run bench                        build once, run all three, write docs/benchmarks.md
//   npm run bench -- --no-write          print only
//   npm run bench -- --only=tasks,reads  a subset (BENCH_ONLY)
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './lib/install.mjs';
import { build } from './build.mjs';
import { option } from './lib/bench-kit.mjs';

const all = ['tasks', 'burst', 'reads'];
const only = String(option('only', 'BENCH_ONLY', all.join(',')))
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const unknown = only.filter((name) => !all.includes(name));
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')} (known: ${all.join(', ')})`);
  process.exit(2);
}
const passOn = process.argv.slice(2).filter((arg) => !arg.startsWith('--only') && arg !== '--skip-build');

if (!process.argv.includes('--skip-build') && !['1', 'true'].includes(process.env.BENCH_SKIP_BUILD ?? '')) {
  console.log('Building once for all benchmarks (npm run build)…');
  build();
}

const results = [];
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  // The running child gets the signal from the terminal's process group (Ctrl-C) and cleans up itself.
  process.on(signal, () => {
    interrupted = true;
  });
}
for (const name of only) {
  if (interrupted) break;
  const script = join(root, 'scripts', `bench-${name}.mjs`);
  console.log(`\n━━ bench:${name} ━━ node scripts/bench-${name}.mjs ${[...passOn, '--skip-build'].join(' ')}`);
  const started = Date.now();
  const run = spawnSync(process.execPath, [script, ...passOn, '--skip-build'], { cwd: root, stdio: 'inherit' });
  results.push({
    name,
    code: run.status ?? run.signal ?? (run.error ? run.error.message : 'unknown'),
    seconds: (Date.now() - started) / 1000,
  });
}

console.log('\nSummary of npm run bench:');
for (const r of results)
  console.log(
    `  bench:${r.name.padEnd(6)} ${r.code === 0 ? 'ok    ' : `FAILED (exit ${r.code})`} ${Math.round(r.seconds)} s`,
  );
for (const name of only.filter((n) => !results.some((r) => r.name === n)))
  console.log(`  bench:${name.padEnd(6)} not run`);
const failed = results.filter((r) => r.code !== 0).length + (interrupted ? 1 : 0);
if (!failed && !process.argv.includes('--no-write')) console.log('Results written into docs/benchmarks.md.');
process.exit(failed || results.length < only.length ? 1 : 0);
