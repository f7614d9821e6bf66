// Finds the Temporal CLI (which embeds the dev server), building it once with Go when needed.
import { spawnSync } from 'node:child_process';
import { accessSync, closeSync, constants, mkdirSync, openSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

/** `go install`able releases, newest first (later releases carry a `replace` directive). */
const releases = ['v1.5.1', 'v1.4.1'];

export const cacheBinDir = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'konvergensi', 'bin');

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH || '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

function findGo() {
  return onPath('go') ?? (isExecutable('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : undefined);
}

const howToGet = `The Temporal CLI was not found and could not be built.
Get it in one of these ways, then run the command again:
  - set TEMPORAL_CLI=/path/to/temporal, or put 'temporal' on PATH
    (releases: https://github.com/temporalio/cli/releases), or
  - install Go >= 1.23 and let this script build it:
      GOBIN=${cacheBinDir} go install github.com/temporalio/cli/cmd/temporal@v1.5.1`;

/**
 * $TEMPORAL_CLI, else `temporal` on PATH, else the cached build, else `go install` into the
 * cache (a few minutes, once per machine). Exits with instructions when none works.
 */
export function findOrBuildTemporalCli({ log = console.log } = {}) {
  if (process.env.TEMPORAL_CLI) {
    if (isExecutable(process.env.TEMPORAL_CLI)) return process.env.TEMPORAL_CLI;
    throw new Error(`TEMPORAL_CLI=${process.env.TEMPORAL_CLI} is not an executable file`);
  }
  const found = onPath('temporal');
  if (found) return found;
  const cached = join(cacheBinDir, 'temporal');
  if (isExecutable(cached)) return cached;

  const go = findGo();
  if (!go) {
    console.error(howToGet);
    process.exit(1);
  }
  mkdirSync(cacheBinDir, { recursive: true });
  const attempts = [
    ...releases.map((release) => ({ release, env: {} })),
    { release: 'v1.5.1', env: { GOTOOLCHAIN: 'go1.25.0' } },
  ];
  const started = Date.now();
  // Go's own output (hundreds of "go: downloading" lines) goes to a file; its tail is shown on failure.
  const buildLog = join(cacheBinDir, '..', 'temporal-cli-build.log');
  log(
    `→ Building the Temporal CLI with ${go}: once per machine (cached in ${cacheBinDir}); ` +
      `it takes several minutes (about 4 on 2 cores). Go's output: ${buildLog}`,
  );
  for (const { release, env } of attempts) {
    log(
      `  go install github.com/temporalio/cli/cmd/temporal@${release}${env.GOTOOLCHAIN ? ` with ${env.GOTOOLCHAIN}` : ''}`,
    );
    const out = openSync(buildLog, 'a');
    const result = spawnSync(go, ['install', `github.com/temporalio/cli/cmd/temporal@${release}`], {
      stdio: ['ignore', out, out],
      env: { ...process.env, ...env, GOBIN: cacheBinDir },
    });
    closeSync(out);
    if (result.status === 0 && isExecutable(cached)) {
      log(`✓ Built the Temporal CLI ${release} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      return cached;
    }
    const tail = readFileSync(buildLog, 'utf8').trimEnd().split('\n').slice(-15).join('\n');
    log(`  that failed (exit ${result.status ?? result.signal}); the end of Go's output:\n${tail}`);
  }
  console.error(howToGet);
  process.exit(1);
}
