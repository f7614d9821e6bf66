#!/usr/bin/env node
// `npm run migrate` (up) and `npm run migrate:revert` (down one) against DATABASE_URL.
import { createRequire } from 'node:module';
import { defaultDatabaseUrl, ensureDatabase } from './lib/database.mjs';

const require = createRequire(import.meta.url);

/** Applies every pending migration; creates the database first when it does not exist. */
export async function migrate(url, direction = 'up') {
  await ensureDatabase(url);
  const { createDataSource } = require('../libs/persistence/dist/index.js');
  const dataSource = await createDataSource({ url, applicationName: 'konvergensi-migrate' }).initialize();
  try {
    if (direction === 'down') {
      await dataSource.undoLastMigration({ transaction: 'each' });
      return [];
    }
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const direction = process.argv[2] === 'down' ? 'down' : 'up';
  const url = process.env.DATABASE_URL || defaultDatabaseUrl;
  migrate(url, direction)
    .then((applied) =>
      console.log(
        direction === 'down'
          ? 'Reverted the last migration.'
          : `Migrations applied: ${applied.length ? applied.join(', ') : 'none pending'}`,
      ),
    )
    .catch((error) => {
      console.error(`Migration failed: ${error.message}`);
      process.exit(1);
    });
}
