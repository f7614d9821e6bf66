import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@konvergensi/config';
import { createLogger, nestLoggerFor } from '@konvergensi/logging';
import { Runtime, makeTelemetryFilterString } from '@temporalio/worker';
import { TemporalWorkerRunner } from './temporal-worker.runner';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = readConfigOrExit();
  const logger = createLogger({ level: config.LOG_LEVEL, service: 'worker' });
  // Nest, not the Temporal runtime, owns SIGINT/SIGTERM so shutdown runs through the container.
  Runtime.install({
    shutdownSignals: [],
    telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'WARN' }) } },
  });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, logger), {
    logger: nestLoggerFor(logger),
  });
  app.enableShutdownHooks(['SIGINT', 'SIGTERM']);
  await app.get(TemporalWorkerRunner).finished;
  logger.info('Temporal worker stopped');
}

function readConfigOrExit() {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`worker failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
