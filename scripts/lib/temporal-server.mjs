// Starts the Temporal CLI dev server as a child process and waits until it serves requests.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
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
export async function startTemporalDevServer({ binary, dbFile, port, uiPort, logFile, namespace = 'default' }) {
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
  const out = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: false });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  await Promise.race([
    waitForPort(port, { timeoutMs: 90_000 }),
    new Promise((_, reject) =>
      child.once('exit', (code) => reject(new Error(`Temporal dev server exited with code ${code}; see ${logFile}`))),
    ),
  ]);
  await waitForNamespace(`127.0.0.1:${port}`, namespace, () => exited);
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
