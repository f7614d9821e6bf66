import 'reflect-metadata';
import { ConfigError, loadConfig, requireSetting } from '@konvergensi/config';
import { createLogger } from '@konvergensi/logging';
import { createApiApplication } from './bootstrap';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
    requireSetting(config, 'AUTH_SECRET');
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger({ level: config.LOG_LEVEL, service: 'api' });
  const app = await createApiApplication(config, logger);
  await app.listen(config.PORT, '0.0.0.0');
  logger.info({ port: config.PORT }, `API listening on ${config.APP_BASE_URL}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`api failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
