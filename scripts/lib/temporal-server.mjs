// Starts the Temporal CLI dev server as a child process and waits until it serves requests.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { freePort, waitForPort } from './ports.mjs';

/**
 * @param {object} options
 * @param {string} options.binary path of the `temporal` CLI
 * @param {string} options.dbFile SQLite file (persistent for npm start, throwaway for tests)
 * @param {number} options.port gRPC port
 * @param {number|undefined} options.uiPort Web UI port, or undefined for --headless
 * @param {string} options.logFile where the server's output goes
 */
export async function startTemporalDevServer(options) {
  // The dev server binds its internal services (history, matching, worker) to ports it picks for
  // itself; one taken meanwhile by another process's outgoing connection makes it exit at once
  // ("bind: address already in use"). That is a race, not a fault: start again, twice at most.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options);
    } catch (error) {
      if (!(error instanceof BindConflict) || attempt >= 3) throw error;
      console.warn(`Temporal dev server lost a port race at start (attempt ${attempt}); starting again`);
    }
  }
}

class BindConflict extends Error {}

/** What the server wrote to its log from byte `from` on (the log is appended to across starts). */
function logSince(logFile, from) {
  try {
    return readFileSync(logFile).subarray(from).toString('utf8');
  } catch {
    return '';
  }
}

function logSize(logFile) {
  try {
    return statSync(logFile).size;
  } catch {
    return 0;
  }
}

async function startOnce({ binary, dbFile, port, uiPort, logFile, namespace = 'default' }) {
  mkdirSync(dirname(dbFile), { recursive: true });
  mkdirSync(dirname(logFile), { recursive: true });
  const args = [
    'server',
    'start-dev',
    '--db-filename',
    dbFile,
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--http-port',
    String(await freePort()),
    '--metrics-port',
    String(await freePort()),
    '--namespace',
    namespace,
    '--log-level',
    'warn',
  ];
  args.push(...(uiPort ? ['--ui-port', String(uiPort)] : ['--headless']));
  const logStart = logSize(logFile);
  const out = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: false });
  // Both streams write to one log: neither may end it alone (the other would write after its end).
  child.stdout.pipe(out, { end: false });
  child.stderr.pipe(out, { end: false });
  const logClosed = new Promise((resolve) => child.once('close', () => out.end(resolve)));
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  await Promise.race([
    waitForPort(port, { timeoutMs: 90_000 }),
    new Promise((_, reject) =>
      child.once('exit', (code) => {
        // Read the log once the server's last words are in it.
        void logClosed.then(() => {
          const message = `Temporal dev server exited with code ${code}; see ${logFile}`;
          const bindConflict = /address already in use/.test(logSince(logFile, logStart));
          reject(bindConflict ? new BindConflict(message) : new Error(message));
        });
      }),
    ),
  ]);
  try {
    await waitForNamespace(`127.0.0.1:${port}`, namespace, () => exited);
  } catch (error) {
    if (exited) {
      await logClosed;
      if (/address already in use/.test(logSince(logFile, logStart))) throw new BindConflict(String(error));
    }
    throw error;
  }
  return {
    address: `127.0.0.1:${port}`,
    uiUrl: uiPort ? `http://localhost:${uiPort}` : undefined,
    pid: child.pid,
    child,
    stop: () =>
      new Promise((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

/** The gRPC port opens before the namespace is registered; wait for the namespace too. */
async function waitForNamespace(address, namespace, hasExited) {
  const { Connection } = await import('@temporalio/client');
  const deadline = Date.now() + 60_000;
  let lastError;
  while (Date.now() < deadline && !hasExited()) {
    try {
      const connection = await Connection.connect({ address, connectTimeout: 2000 });
      try {
        await connection.workflowService.describeNamespace({ namespace });
        return;
      } finally {
        await connection.close();
      }
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  throw new Error(`Temporal namespace ${namespace} not ready at ${address}: ${lastError}`);
}

/**
 * Whether a worker polls `taskQueue` for both workflow and activity tasks (task queue types 1
 * and 2): the sign that a just-started worker is ready, used by `npm start` and the benchmarks.
 */
export async function workerIsPolling(connection, taskQueue, namespace = 'default') {
  const queues = await Promise.all(
    [1, 2].map((taskQueueType) =>
      connection.workflowService.describeTaskQueue({ namespace, taskQueue: { name: taskQueue }, taskQueueType }),
    ),
  );
  return queues.every((queue) => (queue.pollers?.length ?? 0) > 0);
}
