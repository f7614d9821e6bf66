import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { addWorkingDays, indonesianWorkingDayRules, localDateOf } from '@konvergensi/domain';
import { TaskEventRecord } from '@konvergensi/persistence';
import { ApiClient } from './support/api-client';
import { testEnvironment } from './support/environment';
import { openDatabase, startFileStack, type FileStack } from './support/fixtures';
import { eventually, freePort, startApp, type RunningProcess } from './support/processes';
import { createAdHocTask } from './support/task-fixtures';

/**
 * An Idempotency-Key names one intended action. The same key with the same request is answered
 * as the first time, by either of two API instances; the same key with another body is refused
 * with 422 and the first request's value stays (once, the second date was silently dropped while
 * the answer said 200).
 */
describe('Idempotency-Key: one key, one request, across API instances', () => {
  let stack: FileStack;
  let second: RunningProcess;
  let secondUrl: string;
  let db: DataSource;
  let secretary: ApiClient;
  let officerOnA: ApiClient;
  let officerOnB: ApiClient;

  beforeAll(async () => {
    stack = await startFileStack('idempotency');
    const port = await freePort();
    secondUrl = `http://127.0.0.1:${port}`;
    second = startApp(
      'api',
      { ...stack.env, PORT: String(port) },
      join(testEnvironment().workDir, 'idempotency-api-2.log'),
    );
    await eventually(
      async () => ((await fetch(`${secondUrl}/api/health`).catch(() => undefined))?.status ? true : undefined),
      60_000,
      'the second API instance to listen',
    );
    db = await openDatabase();
    secretary = await ApiClient.as(stack.baseUrl, 'metro.sekretaris');
    officerOnA = await ApiClient.as(stack.baseUrl, 'metro.dinkes');
    officerOnB = new ApiClient(secondUrl, officerOnA.token);
  });

  afterAll(async () => {
    await db?.destroy();
    await second?.stop();
    await stack?.stop();
  });

  // Due dates must be working days; counted in working days from today in Kota Metro's zone.
  const dueIn = (workingDays: number) =>
    addWorkingDays(localDateOf(new Date(), 'Asia/Jakarta'), workingDays, indonesianWorkingDayRules());

  it('refuses the same key with another body with 422 IDEMPOTENCY_KEY_REUSED and keeps the first value', async () => {
    const task = await createAdHocTask(secretary, 'Uji kunci idempoten', dueIn(20));
    const key = { 'idempotency-key': `idem-${randomUUID()}` };
    const first = await officerOnA.post<{ pendingExtension: { requestedDueDate: string } }>(
      `/api/v1/tasks/${task.id}/extension-requests`,
      { requestedDueDate: dueIn(30), reason: 'Menunggu data puskesmas' },
      key,
    );
    expect(first.status).toBe(200);
    expect(first.body.pendingExtension.requestedDueDate).toBe(dueIn(30));

    for (const client of [officerOnA, officerOnB]) {
      const reused = await client.post<{ code: string; message: string }>(
        `/api/v1/tasks/${task.id}/extension-requests`,
        { requestedDueDate: dueIn(40), reason: 'Menunggu data puskesmas' },
        key,
      );
      expect(reused.status).toBe(422);
      expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(reused.body.message).toMatch(/sudah dipakai/);
    }
    const requested = await db.getRepository(TaskEventRecord).findBy({ taskId: task.id, kind: 'extension_requested' });
    expect(requested.map((event) => event.payload)).toEqual([expect.objectContaining({ requestedDueDate: dueIn(30) })]);
  });

  it('answers a repeat with the same key and body like the first, on the other API instance too', async () => {
    const task = await createAdHocTask(secretary, 'Uji kunci idempoten berulang', dueIn(20));
    const key = { 'idempotency-key': `idem-${randomUUID()}` };
    const body = { requestedDueDate: dueIn(25), reason: 'Data belum lengkap' };
    const first = await officerOnA.post(`/api/v1/tasks/${task.id}/extension-requests`, body, key);
    // The same body with its keys in another order is the same request.
    const again = await officerOnB.post(
      `/api/v1/tasks/${task.id}/extension-requests`,
      { reason: body.reason, requestedDueDate: body.requestedDueDate },
      key,
    );
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const requested = await db.getRepository(TaskEventRecord).countBy({ taskId: task.id, kind: 'extension_requested' });
    expect(requested).toBe(1);
  });

  it('refuses one key used for another task, and lets a refused request leave its key unused', async () => {
    const [one, other] = [
      await createAdHocTask(secretary, 'Uji kunci tugas satu', dueIn(20)),
      await createAdHocTask(secretary, 'Uji kunci tugas dua', dueIn(20)),
    ];
    const key = { 'idempotency-key': `idem-${randomUUID()}` };
    // Refused by validation: no record of the key is made.
    const invalid = await officerOnA.post(`/api/v1/tasks/${one.id}/extension-requests`, { reason: 'x' }, key);
    expect(invalid.status).toBe(400);
    const valid = { requestedDueDate: dueIn(26), reason: 'Data belum lengkap' };
    expect((await officerOnB.post(`/api/v1/tasks/${one.id}/extension-requests`, valid, key)).status).toBe(200);
    const elsewhere = await officerOnA.post<{ code: string }>(
      `/api/v1/tasks/${other.id}/extension-requests`,
      valid,
      key,
    );
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});
