#!/usr/bin/env node
// `npm test`: install what is missing, build, lint, then every Jest project (unit, integration,
// end to end). The cross-process project starts its own Temporal dev server and database
// (test/support/global-setup.ts), so nothing has to be started by hand.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from './build.mjs';
import { ensureChromium } from './lib/chromium.mjs';
import { ensureDependencies, root, run } from './lib/install.mjs';

const started = Date.now();
ensureDependencies();
// The browser tests (test/browser) need a Chromium binary; they find it the same way.
ensureChromium();
build();
run('npx', ['eslint', '.', '--max-warnings', '0']);

mkdirSync(join(root, 'tmp'), { recursive: true });
const resultsFile = join(root, 'tmp', 'jest-results.json');
const jest = spawnSync(
  'npx',
  ['jest', '--ci', '--forceExit', '--json', `--outputFile=${resultsFile}`, ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    cwd: root,
  },
);

if (existsSync(resultsFile)) {
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`\nnpm test took ${seconds} s`);
  // The plain closing line that CI reads, whatever the runner.
  console.log(
    `tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests} skipped`,
  );
}
process.exit(jest.status ?? 1);
