import { createDataSource, migrations } from '@konvergensi/persistence';
import { testEnvironment } from './support/environment';

/* eslint-disable-next-line @typescript-eslint/no-require-imports -- shared ESM provisioning script */
const { dropTestDatabase, ensureDatabase } = require('../scripts/lib/database.mjs');

describe('migrations', () => {
  const url = (() => {
    const parsed = new URL(testEnvironment().databaseUrl);
    parsed.pathname = `${parsed.pathname}_migrations`;
    return parsed.toString();
  })();

  beforeAll(async () => {
    await ensureDatabase(url);
  });

  afterAll(async () => {
    await dropTestDatabase(url);
  });

  it('apply on an empty database and revert to an empty schema, one by one', async () => {
    const dataSource = await createDataSource({ url }).initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      expect(applied.map((m) => m.name)).toEqual(migrations.map((m) => m.name));
      const tables = async () =>
        (
          (await dataSource.query(
            `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migrations' ORDER BY 1`,
          )) as { table_name: string }[]
        ).map((row) => row.table_name);
      expect(await tables()).toEqual(
        expect.arrayContaining([
          'mail_outbox',
          'pipe_check',
          // records and identity
          'region',
          'unit',
          'app_user',
          'role_assignment',
          'refresh_token',
          'holiday_override',
          'escalation_setting',
          'cycle',
          'cycle_action',
          'action_stage',
          'task',
          'task_event',
          'submission',
          'evidence_blob',
          'evidence_file',
          'indicator_value',
          'aks_audit',
          'aks_case',
          'aks_finding',
          'aks_recommendation',
          'aks_identity_access',
          'compiled_report',
        ]),
      );

      for (let i = 0; i < migrations.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
      expect(await tables()).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('match the entities: generating a migration from them yields nothing', async () => {
    const dataSource = await createDataSource({ url }).initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
      const sql = await dataSource.driver.createSchemaBuilder().log();
      expect(sql.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });
});
