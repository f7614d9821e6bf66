// Creates and drops PostgreSQL databases for `npm start` and the tests.
import pg from 'pg';

/** postgres://…/name → { adminUrl (…/postgres), name } */
export function splitDatabaseUrl(url) {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  return { adminUrl: admin.toString(), name };
}

function quoteIdent(name) {
  return `"${name.replace(/"/g, '""')}"`;
}

export async function withAdmin(url, fn) {
  const { adminUrl } = splitDatabaseUrl(url);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function ensureDatabase(url) {
  const { name } = splitDatabaseUrl(url);
  await withAdmin(url, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
  });
}

/** Refuses any database whose name does not say "test": a test run must never drop real data. */
export async function dropTestDatabase(url) {
  const { name } = splitDatabaseUrl(url);
  if (!/test/.test(name)) throw new Error(`Refusing to drop ${name}: not a test database`);
  await withAdmin(url, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}

export const defaultDatabaseUrl = 'postgres://postgres@127.0.0.1:5432/konvergensi';
