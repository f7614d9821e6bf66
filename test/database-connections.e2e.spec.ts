import { createDataSource } from '@konvergensi/persistence';
import type { Pool, PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { testEnvironment } from './support/environment';

/**
 * A database connection that PostgreSQL ends (pg_terminate_backend, a restart) while the pool has
 * lent it out must not stop the process: pg-pool takes its listener off a lent client, so the
 * client's own 'error' listener is all that stands between a FATAL message and an unhandled
 * 'error' event (once, the API died this way in the connection-drop fault test).
 */
describe('database connections ended by the server', () => {
  let dataSource: DataSource;
  let pool: Pool;

  beforeAll(async () => {
    dataSource = await createDataSource({
      url: testEnvironment().databaseUrl,
      applicationName: 'konvergensi-connection-test',
    }).initialize();
    pool = (dataSource.driver as unknown as { master: Pool }).master;
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('keeps an error listener on a client while it is lent out', async () => {
    const client = await pool.connect();
    try {
      expect(client.listenerCount('error')).toBeGreaterThanOrEqual(1);
    } finally {
      client.release();
    }
  });

  it('survives the server ending a lent-out connection, and the pool serves queries afterwards', async () => {
    const client: PoolClient = await pool.connect();
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const ended = new Promise<void>((resolve) => client.once('end', () => resolve()));
    await dataSource.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
    await ended;
    client.release(new Error('ended by the server'));
    const [{ one }] = (await dataSource.query('SELECT 1 AS one')) as { one: number }[];
    expect(one).toBe(1);
  });
});
