import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { testEnvironment } from './environment';
import { eventually, freePort, startApp, type RunningProcess } from './processes';

export interface Stack {
  baseUrl: string;
  taskQueue: string;
  api: RunningProcess;
  worker: RunningProcess;
  env: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * The API and the worker as two real processes on the shared Temporal server and test database,
 * with a task queue of their own so test files never steal each other's workflow tasks.
 */
export async function startStack(options: {
  name: string;
  smtpPort: number;
  extraEnv?: Record<string, string>;
}): Promise<Stack> {
  const environment = testEnvironment();
  const apiPort = await freePort();
  const taskQueue = `test-${options.name}-${randomUUID()}`;
  const env: Record<string, string> = {
    DATABASE_URL: environment.databaseUrl,
    TEMPORAL_ADDRESS: environment.temporalAddress,
    TEMPORAL_TASK_QUEUE: taskQueue,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(options.smtpPort),
    MAIL_FROM: 'Konvergensi Uji <noreply@konvergensi.test>',
    LOG_LEVEL: 'info',
    PORT: String(apiPort),
    AUTH_SECRET: environment.authSecret,
    // A fixed test key: the AKS tests decrypt nothing themselves, they only look for plaintext.
    AKS_IDENTITY_KEY: 'a5'.repeat(32),
    ...options.extraEnv,
  };
  const worker = startApp('worker', env, join(environment.workDir, `${options.name}-worker.log`));
  const api = startApp('api', env, join(environment.workDir, `${options.name}-api.log`));
  const baseUrl = `http://127.0.0.1:${apiPort}`;
  await eventually(
    async () => {
      if (api.child.exitCode !== null) throw new Error(`API exited: ${api.output()}`);
      const response = await fetch(`${baseUrl}/api/health`);
      return response.status > 0 ? true : undefined;
    },
    60_000,
    'the API to listen',
  );
  await eventually(
    async () =>
      worker.output().includes('Temporal worker started') || worker.child.exitCode !== null ? true : undefined,
    60_000,
    'the worker to start',
  );
  if (worker.child.exitCode !== null) throw new Error(`worker exited: ${worker.output()}`);
  const stack: Stack = {
    baseUrl,
    taskQueue,
    api,
    worker,
    env,
    // Reads the fields when called: a test that restarts the worker replaces `stack.worker`.
    stop: async () => {
      await Promise.all([stack.api.stop(), stack.worker.stop()]);
    },
  };
  return stack;
}
