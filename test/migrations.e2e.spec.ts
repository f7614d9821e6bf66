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

  it('move a value a sub-row once wrote over its parent to the sub-row code, leaving the others untouched', async () => {
    const dataSource = await createDataSource({ url }).initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
      expect(migrations.at(-2)?.name).toBe('IndicatorShapes1764800000000');
      await dataSource.undoLastMigration({ transaction: 'each' });
      await dataSource.undoLastMigration({ transaction: 'each' });
      const region = await dataSource.query(`SELECT code FROM region WHERE code = '99.01'`);
      if (region.length === 0) {
        await dataSource.query(`INSERT INTO region (code, name, level) VALUES ('99.01', 'Kota Uji', 'regency')`);
      }
      const insert = (code: string, reported: string, columns: string, values: string) =>
        dataSource.query(
          `INSERT INTO indicator_value (regency_code, year, semester, indicator_code, reported_code, reported_kind, submitted_by, ${columns})
           VALUES ('99.01', 2020, 1, $1, $2, $3, '00000000-0000-4000-8000-000000000001', ${values})`,
          [code, reported, columns === 'answer' ? 'yesNo' : 'count'],
        );
      // The shape the old code wrote: `Pilar 1. A3_a` = 22 stored over the Ya of `Pilar 1. A3`.
      await insert('Pilar 1. A3', 'Pilar 1. A3_a', 'count_value', '22');
      await insert('Pilar 1. A2', 'Blok 2A Indikator 2', 'answer', `'Ya'`);
      await dataSource.runMigrations({ transaction: 'each' });

      const rows = (await dataSource.query(
        `SELECT indicator_code, reported_code, count_value, answer, not_available_reason
           FROM indicator_value WHERE regency_code = '99.01' ORDER BY indicator_code`,
      )) as Record<string, unknown>[];
      expect(rows).toEqual([
        {
          indicator_code: 'Pilar 1. A2',
          reported_code: 'Blok 2A Indikator 2',
          count_value: null,
          answer: 'Ya',
          not_available_reason: null,
        },
        {
          indicator_code: 'Pilar 1. A3_a',
          reported_code: 'Pilar 1. A3_a',
          count_value: '22',
          answer: null,
          not_available_reason: null,
        },
      ]);
      // Reverting now would put the sub-row where the old code cannot read it: refused, nothing lost.
      await dataSource.undoLastMigration({ transaction: 'each' });
      await expect(dataSource.undoLastMigration({ transaction: 'each' })).rejects.toThrow(/not reverting/);
      expect(
        await dataSource.query(`SELECT count(*)::int AS n FROM indicator_value WHERE regency_code = '99.01'`),
      ).toEqual([{ n: 2 }]);
      await dataSource.runMigrations({ transaction: 'each' });
      await dataSource.query(`DELETE FROM indicator_value WHERE regency_code = '99.01'`);
    } finally {
      await dataSource.destroy();
    }
  });

  it('keep a confirmation note whole: note, who and when together, and no revert that would drop one', async () => {
    const dataSource = await createDataSource({ url }).initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
      expect(migrations.at(-1)?.name).toBe('IndicatorConfirmations1764900000000');
      const region = await dataSource.query(`SELECT code FROM region WHERE code = '99.01'`);
      if (region.length === 0) {
        await dataSource.query(`INSERT INTO region (code, name, level) VALUES ('99.01', 'Kota Uji', 'regency')`);
      }
      const insert = (confirmation: string) =>
        dataSource.query(
          `INSERT INTO indicator_value (regency_code, year, semester, indicator_code, reported_code, reported_kind, submitted_by, count_value, confirmation_note, confirmed_by, confirmed_at)
           VALUES ('99.01', 2020, 2, 'Pilar 1. A5', 'Pilar 1. A5', 'count', '00000000-0000-4000-8000-000000000001', 30, ${confirmation})`,
        );
      await expect(insert(`'dua desa baru', NULL, NULL`)).rejects.toThrow(/ck_indicator_value_confirmation/);
      await insert(`'dua desa baru', '00000000-0000-4000-8000-000000000001', now()`);
      await expect(dataSource.undoLastMigration({ transaction: 'each' })).rejects.toThrow(/not reverting/);
      expect(
        await dataSource.query(
          `SELECT confirmation_note FROM indicator_value WHERE regency_code = '99.01' AND semester = 2`,
        ),
      ).toEqual([{ confirmation_note: 'dua desa baru' }]);
      await dataSource.query(`DELETE FROM indicator_value WHERE regency_code = '99.01'`);
    } finally {
      await dataSource.destroy();
    }
  });
});
