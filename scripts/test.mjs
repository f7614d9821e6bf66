#!/usr/bin/env node
// `npm test`: (scripts/run.mjs has installed what was missing) build, lint, then every Jest project (unit, integration,
// end to end). The cross-process project starts its own Temporal dev server and database
// (test/support/global-setup.ts), so nothing has to be started by hand.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from './build.mjs';
import { ensureChromium } from './lib/chromium.mjs';
import { ensureClamd } from './lib/clamav.mjs';
import { root, run } from './lib/install.mjs';

// The browser tests (test/browser) need a Chromium binary; they find it the same way.
ensureChromium();
// The malware-scan tests (test/malware-scan.e2e.spec.ts) start a clamd of their own from it.
ensureClamd();
build();
run('npx', ['eslint', '.', '--max-warnings', '0']);

mkdirSync(join(root, 'tmp'), { recursive: true });

// The scripts' own tests (scripts/tests/*.test.mjs) run under Node's test runner: they are ESM and
// check what must hold before anything is installed. Skipped when Jest arguments narrow the run.
const scriptTests = { passed: 0, failed: 0, skipped: 0, status: 0 };
if (process.argv.length <= 2) {
  const tapFile = join(root, 'tmp', 'script-tests.tap');
  const nodeTest = spawnSync(
    process.execPath,
    [
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tapFile}`,
      join(root, 'scripts', 'tests'),
    ],
    { stdio: 'inherit', cwd: root },
  );
  const tap = existsSync(tapFile) ? readFileSync(tapFile, 'utf8') : '';
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
  Object.assign(scriptTests, {
    passed: count('pass'),
    failed: count('fail') + count('cancelled'),
    skipped: count('skipped') + count('todo'),
    status: nodeTest.status ?? 1,
  });
  if (scriptTests.status !== 0 && scriptTests.failed === 0) scriptTests.failed = 1;
}

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
  // From the command, the install included.
  const seconds = Math.round(process.uptime());
  console.log(`\nnpm test took ${seconds} s`);
  // The plain closing line that CI reads, whatever the runner.
  console.log(
    `tests: ${results.numPassedTests + scriptTests.passed} passed, ` +
      `${results.numFailedTests + scriptTests.failed} failed, ${results.numPendingTests + scriptTests.skipped} skipped`,
  );
}
process.exit(scriptTests.status || (jest.status ?? 1));
