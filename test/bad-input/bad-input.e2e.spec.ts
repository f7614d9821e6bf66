import type { DataSource } from 'typeorm';
import request from 'supertest';
import { ApiClient } from '../support/api-client';
import { badutaRow, startAudit, waitForStage } from '../support/aks-fixtures';
import {
  databaseFingerprint,
  expectStatus,
  expectErrorBody,
  insertTask,
  Logins,
  openDatabase,
  pngBytes,
  startFileStack,
  type FileStack,
} from '../support/fixtures';
import { badInputCases, type BadInputCase } from './cases';

describe('bad input: every case answers 4xx with { code, message } and changes nothing', () => {
  let stack: FileStack;
  let db: DataSource;
  let logins: Logins;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startFileStack('bad-input');
    db = await openDatabase();
    logins = new Logins(stack.baseUrl);
    ids.metroTask = (await insertTask(db, { regencyCode: '18.72', unitCode: 'DINKES', title: 'Tugas korpus' })).id;
    ids.dumaiTask = (
      await insertTask(db, { regencyCode: '14.72', unitCode: 'DINKES', title: 'Tugas korpus Dumai' })
    ).id;
    const evidence = await request(stack.baseUrl)
      .post(`/api/v1/tasks/${ids.dumaiTask}/evidence`)
      .set(await logins.bearer('dumai.dinkes'))
      .attach('file', pngBytes(4), 'bukti-dumai.png');
    expectStatus(evidence, 201);
    ids.dumaiEvidence = evidence.body.id as string;
    const user = await request(stack.baseUrl)
      .post('/api/v1/users')
      .set(await logins.bearer('admin'))
      .send({
        username: 'korpus.ketua',
        displayName: 'Ketua Korpus',
        email: 'korpus.ketua@metro.test',
        password: 'sandi-korpus-panjang',
        roles: ['tpps_chair'],
        regencyCode: '18.72',
      });
    expectStatus(user, 201);
    ids.metroUser = user.body.id as string;
    await request(stack.baseUrl)
      .post('/api/v1/regencies/18.72/cycles')
      .set(await logins.bearer('admin'))
      .send({ year: 2030 })
      .expect(201);
    const recommendation = await request(stack.baseUrl)
      .post('/api/v1/regencies/18.72/cycles/2030/review-recommendations')
      .set(await logins.bearer('metro.sekretaris'))
      .send({ text: 'Rekomendasi kaji ulang korpus' });
    ids.metroRecommendation = (expectStatus(recommendation, 201).body as { id: string }).id;
    const activity = await request(stack.baseUrl)
      .post('/api/v1/regencies/18.72/cycles/2030/planned-activities')
      .set(await logins.bearer('metro.dinkes'))
      .send({
        unitCode: 'DINKES',
        name: 'Kegiatan korpus',
        intervention: 'spesifik',
        target: 'Balita',
        location: 'Kota Metro',
        budget: 1_000_000,
        fundingSource: 'apbd_kabupaten_kota',
      });
    ids.metroActivity = (expectStatus(activity, 201).body as { id: string }).id;
    // One AKS audit per regency (2052 is no other file's year), each with its first stage open,
    // so that nothing moves in the background while the cases compare fingerprints.
    const metroSecretary = await ApiClient.as(stack.baseUrl, 'metro.sekretaris');
    const dumaiSecretary = await ApiClient.as(stack.baseUrl, 'dumai.sekretaris');
    const metroAudit = await startAudit(metroSecretary, '18.72', { year: 2052, semester: 1, templateCode: 'AKS' });
    const dumaiAudit = await startAudit(dumaiSecretary, '14.72', { year: 2052, semester: 1, templateCode: 'AKS' });
    await waitForStage(metroSecretary, metroAudit.id, 'AKS.T1');
    await waitForStage(dumaiSecretary, dumaiAudit.id, 'AKS.T1');
    ids.metroAudit = metroAudit.id;
    ids.dumaiAudit = dumaiAudit.id;
    const entered = await request(stack.baseUrl)
      .post(`/api/v1/aks/audits/${metroAudit.id}/cases`)
      .set(await logins.bearer('metro.aks-teknis'))
      .send(badutaRow({ nik: '1872014101520001', nama: 'Kasus Korpus Awal' }));
    ids.metroCase = (expectStatus(entered, 201).body as { id: string }).id;
    // Log every caller in before the first fingerprint: a login writes a refresh token.
    for (const username of new Set(badInputCases.map((c) => c.as))) {
      if (username !== 'anonymous') await logins.token(username);
    }
  });

  afterAll(async () => {
    await db?.destroy();
    await stack?.stop();
  });

  it('holds more than 480 cases with unique names', () => {
    expect(badInputCases.length).toBeGreaterThan(480);
    expect(new Set(badInputCases.map((c) => c.name)).size).toBe(badInputCases.length);
  });

  async function send(testCase: BadInputCase): Promise<Pick<request.Response, 'status' | 'body' | 'headers'>> {
    const path = testCase.path.replace(/\{(\w+)\}/g, (_, key: string) => ids[key] ?? key);
    let call = request(stack.baseUrl)[testCase.method.toLowerCase() as 'get'](path);
    if (testCase.as !== 'anonymous') call = call.set(await logins.bearer(testCase.as));
    if (testCase.headers) call = call.set(testCase.headers);
    if (testCase.upload) {
      for (const part of testCase.upload) call = call.attach(part.field, part.content(), part.filename);
      return call;
    }
    if (Buffer.isBuffer(testCase.rawBody)) return sendBytes(testCase, path);
    if (testCase.rawBody !== undefined) {
      if (!testCase.headers?.['content-type']) call = call.set('content-type', 'application/json');
      return call.send(testCase.rawBody);
    }
    return testCase.body === undefined ? call : call.send(testCase.body as object);
  }

  /**
   * Bytes exactly as given (superagent would serialise a Buffer under a JSON content type as
   * `{"type":"Buffer",…}`), answered in the shape the cases read.
   */
  async function sendBytes(
    testCase: BadInputCase,
    path: string,
  ): Promise<Pick<request.Response, 'status' | 'body' | 'headers'>> {
    const response = await fetch(`${stack.baseUrl}${path}`, {
      method: testCase.method,
      headers: {
        'content-type': 'application/json',
        ...(testCase.as === 'anonymous' ? {} : await logins.bearer(testCase.as)),
        ...testCase.headers,
      },
      body: testCase.rawBody as Buffer,
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? (JSON.parse(text) as unknown) : undefined,
      headers: Object.fromEntries(response.headers.entries()),
    };
  }

  it.each(badInputCases)('refuses $name with $expectStatus', async (testCase) => {
    const before = await databaseFingerprint(db);
    const response = await send(testCase);
    expect({ status: response.status, body: response.body }).toEqual(
      expect.objectContaining({ status: testCase.expectStatus }),
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expectErrorBody(response.body, testCase.expectCode);
    expect(await databaseFingerprint(db)).toEqual(before);
  });
});
