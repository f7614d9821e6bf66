import type { DataSource } from 'typeorm';
import request from 'supertest';
import {
  expectStatus,
  insertTask,
  Logins,
  openDatabase,
  pngBytes,
  startFileStack,
  type FileStack,
} from './support/fixtures';

const unknownId = '6f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f';

describe('tenancy: a Metro user never sees Dumai data', () => {
  let stack: FileStack;
  let db: DataSource;
  let logins: Logins;
  let dumaiTaskId: string;
  let dumaiEvidenceId: string;
  let metroTaskId: string;

  const get = async (username: string, path: string) =>
    request(stack.baseUrl)
      .get(path)
      .set(await logins.bearer(username));

  beforeAll(async () => {
    stack = await startFileStack('tenancy');
    db = await openDatabase();
    logins = new Logins(stack.baseUrl);
    dumaiTaskId = (await insertTask(db, { regencyCode: '14.72', unitCode: 'DINKES', title: 'Tugas rahasia Dumai' })).id;
    metroTaskId = (await insertTask(db, { regencyCode: '18.72', unitCode: 'DINKES', title: 'Tugas tenancy Metro' })).id;
    const evidence = await request(stack.baseUrl)
      .post(`/api/v1/tasks/${dumaiTaskId}/evidence`)
      .set(await logins.bearer('dumai.dinkes'))
      .attach('file', pngBytes(5), 'bukti-dumai.png');
    expectStatus(evidence, 201);
    dumaiEvidenceId = evidence.body.id as string;
    await request(stack.baseUrl)
      .post('/api/v1/regencies/14.72/cycles')
      .set(await logins.bearer('dumai.sekretaris'))
      .send({ year: 2077 })
      .expect(201);
    await request(stack.baseUrl)
      .put('/api/v1/regencies/14.72/indicators/2027/1')
      .set(await logins.bearer('dumai.sekretaris'))
      .send({ values: [{ code: 'Pilar 1. A2', answer: 'Ya' }] })
      .expect(200);
  });

  afterAll(async () => {
    await db?.destroy();
    await stack?.stop();
  });

  const metroUsers = ['metro.ketua', 'metro.sekretaris', 'metro.dinkes', 'metro.kepala-dinkes', 'metro.aks-teknis'];

  it.each(metroUsers)('%s finds no Dumai task in the inbox, even when filtering by Dumai', async (username) => {
    for (const path of ['/api/v1/tasks?pageSize=100', '/api/v1/tasks?regency=14.72&pageSize=100']) {
      const inbox = await get(username, path);
      expect(inbox.status).toBe(200);
      const items = inbox.body.items as { id: string; regencyCode: string }[];
      expect(items.filter((t) => t.regencyCode !== '18.72')).toEqual([]);
      expect(items.map((t) => t.id)).not.toContain(dumaiTaskId);
    }
  });

  it('shows the Metro chair only province 18 and Kota Metro in the region list', async () => {
    const regions = await get('metro.ketua', '/api/v1/regions');
    expect(regions.status).toBe(200);
    expect((regions.body as { code: string }[]).map((r) => r.code)).toEqual(['18', '18.72']);
  });

  it('shows each province viewer only its own province', async () => {
    const lampung = await get('lampung.provinsi', '/api/v1/regions');
    expect((lampung.body as { code: string }[]).map((r) => r.code)).toEqual(['18', '18.72']);
    const riau = await get('riau.provinsi', '/api/v1/regions');
    expect((riau.body as { code: string }[]).map((r) => r.code)).toEqual(['14', '14.72']);
    const inbox = await get('lampung.provinsi', '/api/v1/tasks?pageSize=100');
    expect((inbox.body.items as { regencyCode: string }[]).every((t) => t.regencyCode === '18.72')).toBe(true);
  });

  it.each([
    ['units', '/api/v1/regencies/{code}/units'],
    ['a region', '/api/v1/regions/{code}'],
    ['the dashboard', '/api/v1/regencies/{code}/dashboard'],
    ['indicators', '/api/v1/regencies/{code}/indicators/2027/1'],
    ['a cycle', '/api/v1/regencies/{code}/cycles/2077'],
    ['holiday overrides', '/api/v1/regencies/{code}/holiday-overrides'],
    ['escalation settings', '/api/v1/regencies/{code}/escalation-settings'],
  ])('answers %s of Dumai exactly like a regency that does not exist', async (_what, template) => {
    const dumai = await get('metro.sekretaris', template.replace('{code}', '14.72'));
    const missing = await get('metro.sekretaris', template.replace('{code}', '99.99'));
    expect(dumai.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(dumai.body).toEqual(missing.body);
    // Dumai's own secretary reads the same address.
    expect((await get('dumai.sekretaris', template.replace('{code}', '14.72'))).status).toBe(200);
  });

  it('answers a guessed Dumai task id exactly like an id that does not exist', async () => {
    for (const username of metroUsers) {
      const dumai = await get(username, `/api/v1/tasks/${dumaiTaskId}`);
      const missing = await get(username, `/api/v1/tasks/${unknownId}`);
      expect(dumai.status).toBe(404);
      expect(dumai.body).toEqual(missing.body);
      const evidenceList = await get(username, `/api/v1/tasks/${dumaiTaskId}/evidence`);
      expect(evidenceList.status).toBe(404);
      expect(evidenceList.body).toEqual(missing.body);
    }
  });

  it('answers a guessed Dumai evidence id exactly like an id that does not exist', async () => {
    const dumai = await get('metro.dinkes', `/api/v1/evidence/${dumaiEvidenceId}`);
    const missing = await get('metro.dinkes', `/api/v1/evidence/${unknownId}`);
    expect(dumai.status).toBe(404);
    expect(dumai.body).toEqual(missing.body);
    expect((await get('dumai.dinkes', `/api/v1/evidence/${dumaiEvidenceId}`)).status).toBe(200);
  });

  it('refuses writes to Dumai by Metro users as if Dumai did not exist', async () => {
    const secretary = await logins.bearer('metro.sekretaris');
    const writes = [
      request(stack.baseUrl).post('/api/v1/regencies/14.72/cycles').set(secretary).send({ year: 2079 }),
      request(stack.baseUrl)
        .put('/api/v1/regencies/14.72/indicators/2027/1')
        .set(secretary)
        .send({ values: [{ code: 'Pilar 1. A2', answer: 'Tidak' }] }),
      request(stack.baseUrl)
        .put('/api/v1/regencies/14.72/holiday-overrides')
        .set(secretary)
        .send({ overrides: [{ date: '2027-04-01', kind: 'holiday', name: 'Cuti bersama' }] }),
    ];
    for (const response of await Promise.all(writes)) {
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('REGENCY_NOT_FOUND');
    }
    const upload = await request(stack.baseUrl)
      .post(`/api/v1/tasks/${dumaiTaskId}/evidence`)
      .set(await logins.bearer('metro.dinkes'))
      .attach('file', pngBytes(6), 'bukti.png');
    expect(upload.status).toBe(404);
    const stored = await get('dumai.sekretaris', '/api/v1/regencies/14.72/indicators/2027/1');
    expect(stored.body.values).toEqual([
      expect.objectContaining({ code: 'Pilar 1. A2', input: { kind: 'yesNo', value: true } }),
    ]);
  });

  it('keeps a Dumai user out of Metro in the same way', async () => {
    const task = await get('dumai.sekretaris', `/api/v1/tasks/${metroTaskId}`);
    expect(task.status).toBe(404);
    expect((await get('dumai.ketua', '/api/v1/regencies/18.72/units')).status).toBe(404);
    expect((await get('riau.provinsi', '/api/v1/regencies/18.72/dashboard')).status).toBe(404);
  });
});
