import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { MailOutboxRecord } from './entities/mail-outbox.entity';
import { PipeCheckRecord } from './entities/pipe-check.entity';
import { Init1763800000000 } from './migrations/1763800000000-init';

export const entities = [PipeCheckRecord, MailOutboxRecord];

/** In order of application; a new migration is appended, never inserted. */
export const migrations = [Init1763800000000];

export interface DataSourceSettings {
  url: string;
  poolSize?: number;
  /** Names the connection in pg_stat_activity (api, worker, test…). */
  applicationName?: string;
}

/**
 * The one DataSource factory. The schema changes only through `migrations` (synchronize stays
 * off, migrationsRun too: migrating is an explicit step of `npm start` and the test setup).
 */
export function createDataSource(settings: DataSourceSettings): DataSource {
  return new DataSource({
    type: 'postgres',
    url: settings.url,
    entities,
    migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    applicationName: settings.applicationName ?? 'konvergensi',
    extra: { max: settings.poolSize ?? 10, connectionTimeoutMillis: 5000 },
  });
}
