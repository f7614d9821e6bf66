import type { DataSource } from 'typeorm';
import { ApiClient } from './support/api-client';
import { openDatabase, startFileStack, type FileStack } from './support/fixtures';
import { workingDaysFromToday } from './support/task-fixtures';

/** Years no other test file uses for Kota Metro's cycles and audits (the test database is shared). */
const year = 2058;
const otherYear = 2059;

/**
 * A creating command sent again after a timeout, with its Idempotency-Key: the same key and body
 * answer what the first attempt created (not a second one, not "already exists"); the same key
 * with another body is refused and creates nothing.
 */
describe('creating a task, a cycle or an audit honours Idempotency-Key', () => {
  let stack: FileStack;
  let db: DataSource;
  let secretary: ApiClient;
  const count = async (sql: string, params: unknown[]) => ((await db.query(sql, params)) as { n: number }[])[0]?.n;

  beforeAll(async () => {
    stack = await startFileStack('idempotent-creation');
    db = await openDatabase();
    secretary = await ApiClient.as(stack.baseUrl, 'metro.sekretaris');
  });

  afterAll(async () => {
    await stack?.stop();
    await db?.destroy();
  });

  it('answers the repeated start of a cycle with the cycle the first one started, and refuses another body under the key', async () => {
    const key = { 'idempotency-key': `siklus-${year}-percobaan-1` };
    const first = await secretary.post<{ id: string; year: number }>('/api/v1/regencies/18.72/cycles', { year }, key);
    expect(first.status).toBe(201);
    const again = await secretary.post<{ id: string }>('/api/v1/regencies/18.72/cycles', { year }, key);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    const withoutKey = await secretary.post<{ code: string }>('/api/v1/regencies/18.72/cycles', { year });
    expect(withoutKey.status).toBe(409);
    const other = await secretary.post<{ code: string }>('/api/v1/regencies/18.72/cycles', { year: otherYear }, key);
    expect([other.status, other.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(await count(`SELECT count(*)::int AS n FROM cycle WHERE regency_code = '18.72' AND year = $1`, [year])).toBe(
      1,
    );
    expect(
      await count(`SELECT count(*)::int AS n FROM cycle WHERE regency_code = '18.72' AND year = $1`, [otherYear]),
    ).toBe(0);
  });

  it('answers the repeated start of an audit with the audit the first one started', async () => {
    const key = { 'idempotency-key': `audit-${year}-s1-percobaan-1` };
    const body = { year, semester: 1, templateCode: 'AKS' };
    const first = await secretary.post<{ id: string }>('/api/v1/regencies/18.72/aks/audits', body, key);
    expect(first.status).toBe(201);
    const again = await secretary.post<{ id: string }>('/api/v1/regencies/18.72/aks/audits', body, key);
    expect([again.status, again.body.id]).toEqual([201, first.body.id]);
    const other = await secretary.post<{ code: string }>(
      '/api/v1/regencies/18.72/aks/audits',
      { ...body, semester: 2 },
      key,
    );
    expect([other.status, other.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(
      await count(`SELECT count(*)::int AS n FROM aks_audit WHERE regency_code = '18.72' AND year = $1`, [year]),
    ).toBe(1);
  });

  it('answers the repeated creation of an ad-hoc task with the same task', async () => {
    const key = { 'idempotency-key': 'tugas-adhoc-percobaan-1' };
    const body = { title: 'Rapat koordinasi data posyandu', unitCode: 'DINKES', dueDate: workingDaysFromToday(10) };
    const first = await secretary.post<{ id: string }>('/api/v1/regencies/18.72/tasks', body, key);
    expect(first.status).toBe(201);
    const again = await secretary.post<{ id: string }>('/api/v1/regencies/18.72/tasks', body, key);
    expect([again.status, again.body.id]).toEqual([201, first.body.id]);
    const other = await secretary.post<{ code: string }>(
      '/api/v1/regencies/18.72/tasks',
      { ...body, title: 'Rapat lain' },
      key,
    );
    expect([other.status, other.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(await count(`SELECT count(*)::int AS n FROM task WHERE title = $1`, [body.title])).toBe(1);
  });
});
