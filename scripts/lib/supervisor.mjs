// Keeps a child process of `npm start` running: one that exits on its own (a crash, an OOM
// kill) is started again after a backoff that doubles up to a cap, and each restart is logged.
// One process's crash must not take the others down (a request that crashed the API would
// otherwise also stop the worker and Temporal).

/**
 * Delay before restart number `attempt` (1-based) of a process that did not stay up: 1 s, 2 s,
 * 4 s … capped; a process that ran for `stableMs` since its last start counts from 1 again.
 */
export function restartDelayMs(attempt, { baseMs = 1000, capMs = 30_000 } = {}) {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

/**
 * @param {object} options
 * @param {string} options.name shown in the log lines
 * @param {() => Promise<import('node:child_process').ChildProcess> | import('node:child_process').ChildProcess} options.start
 * @param {() => boolean} options.isStopping true once the whole stack is being stopped
 * @param {(line: string) => void} [options.log]
 * @param {number} [options.stableMs] how long a process must run before its backoff resets
 */
export function supervise({ name, start, isStopping, log = console.error, stableMs = 60_000 }) {
  let current;
  let attempt = 0;
  let restartTimer;

  function scheduleRestart(reason, ranForMs) {
    if (isStopping()) return;
    attempt = ranForMs >= stableMs ? 1 : attempt + 1;
    const delay = restartDelayMs(attempt);
    log(`${name} ${reason}; restarting it in ${(delay / 1000).toFixed(0)} s (restart ${attempt} in a row).`);
    restartTimer = setTimeout(() => {
      const startedAt = Date.now();
      launch().catch((error) => scheduleRestart(`could not be started (${error.message})`, Date.now() - startedAt));
    }, delay);
  }

  async function launch() {
    const child = await start();
    const startedAt = Date.now();
    current = child;
    child.once('exit', (code, signal) =>
      scheduleRestart(`exited (${signal ?? `code ${code}`}) while the stack was running`, Date.now() - startedAt),
    );
    return child;
  }

  return {
    launch,
    /** SIGTERM (then SIGKILL after `graceMs`) to the running process; no restart follows. */
    stop(graceMs = 10_000) {
      clearTimeout(restartTimer);
      const child = current;
      return new Promise((resolve) => {
        if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), graceMs).unref();
      });
    },
    get pid() {
      return current?.pid;
    },
  };
}
