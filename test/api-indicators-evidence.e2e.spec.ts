import type { DataSource } from 'typeorm';
import request from 'supertest';
import { IndicatorValueRecord, EvidenceFileRecord } from '@konvergensi/persistence';
import {
  docxBytes,
  expectErrorBody,
  garbageBytes,
  insertTask,
  Logins,
  openDatabase,
  pdfBytes,
  pngBytes,
  sha256,
  startFileStack,
  type FileStack,
  binaryBody,
} from './support/fixtures';

describe('indicators and evidence', () => {
  let stack: FileStack;
  let db: DataSource;
  let logins: Logins;
  let taskId: string;
  const http = () => request(stack.baseUrl);
  const period = '/api/v1/regencies/18.72/indicators/2026/1';

  beforeAll(async () => {
    stack = await startFileStack('api-indicators-evidence');
    db = await openDatabase();
    logins = new Logins(stack.baseUrl);
    taskId = (await insertTask(db, { regencyCode: '18.72', unitCode: 'DINKES', title: 'Tugas bukti' })).id;
  });

  afterAll(async () => {
    await db?.destroy();
    await stack?.stop();
  });

  describe('indicators', () => {
    it('stores values by printed code and alias and computes each achievement', async () => {
      const put = await http()
        .put(period)
        .set(await logins.bearer('metro.sekretaris'))
        .send({
          values: [
            { code: 'Pilar 3. A7', numerator: 930, denominator: 2084 },
            { code: 'Blok 2A Indikator 2', answer: 'Ya' },
            { code: 'Pilar 1. A5', count: 12 },
            { code: 'Pilar 3. A12', numerator: 0, denominator: 0 },
            { code: 'pilar 3.b7', percent: 87.5 },
          ],
        });
      expect(put.status).toBe(200);
      const values = put.body.values as {
        code: string;
        reportedCode: string;
        achievement: { status: string; display: string };
      }[];
      const byCode = Object.fromEntries(values.map((v) => [v.code, v]));
      expect(byCode['Pilar 3. A7']?.achievement).toMatchObject({ status: 'computed', display: '44,63' });
      expect(byCode['Pilar 1. A2']).toMatchObject({
        reportedCode: 'Blok 2A Indikator 2',
        achievement: { display: 'Ya' },
      });
      expect(byCode['Pilar 1. A5']?.achievement).toMatchObject({ status: 'count', value: 12 });
      expect(byCode['Pilar 3. A12']?.achievement).toEqual({
        status: 'notComputable',
        reason: 'zeroDenominator',
        display: 'tidak dapat dihitung',
      });
      expect(byCode['Pilar 3. B7']?.achievement).toMatchObject({ status: 'computed', value: 87.5 });

      const read = await http()
        .get(period)
        .set(await logins.bearer('lampung.provinsi'));
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ regencyCode: '18.72', year: 2026, semester: 1 });
      expect(read.body.values).toHaveLength(5);
    });

    it('refuses a request with one invalid value with 422 and stores nothing of it', async () => {
      const rowsBefore = await db
        .getRepository(IndicatorValueRecord)
        .findBy({ regencyCode: '18.72', year: 2026, semester: 1 });
      const response = await http()
        .put(period)
        .set(await logins.bearer('metro.dinkes'))
        .send({
          values: [
            { code: 'Pilar 1. A5', count: 99 },
            { code: 'Pilar 3. A8', numerator: 50, denominator: -10 },
          ],
        });
      expect(response.status).toBe(422);
      expectErrorBody(response.body, 'INDICATOR_VALUES_INVALID');
      expect(response.body.message).toContain('Pilar 3. A8');
      const rowsAfter = await db
        .getRepository(IndicatorValueRecord)
        .findBy({ regencyCode: '18.72', year: 2026, semester: 1 });
      expect(rowsAfter).toEqual(rowsBefore);
    });

    it('lets OPD officers enter values and refuses the TPPS chair with 403', async () => {
      const officer = await http()
        .put('/api/v1/regencies/18.72/indicators/2026/2')
        .set(await logins.bearer('metro.dinkes'))
        .send({ values: [{ code: 'Pilar 1. A3', answer: 'Tidak' }] });
      expect(officer.status).toBe(200);
      const chair = await http()
        .put('/api/v1/regencies/18.72/indicators/2026/2')
        .set(await logins.bearer('metro.ketua'))
        .send({ values: [{ code: 'Pilar 1. A3', answer: 'Ya' }] });
      expect(chair.status).toBe(403);
    });
  });

  describe('evidence', () => {
    const upload = async (content: Buffer, filename: string, username = 'metro.dinkes') =>
      http()
        .post(`/api/v1/tasks/${taskId}/evidence`)
        .set(await logins.bearer(username))
        .attach('file', content, filename);

    it.each([
      ['a PDF', pdfBytes('laporan'), 'laporan.pdf', 'application/pdf'],
      ['a PNG', pngBytes(8), 'foto.png', 'image/png'],
      [
        'a DOCX',
        docxBytes(),
        'notulen.docx',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ],
      ['a PNG named .pdf', pngBytes(9), 'menyamar.pdf', 'image/png'],
    ])('stores %s typed by its content, and downloads the same bytes', async (_what, content, filename, mediaType) => {
      const response = await upload(content, filename);
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        taskId,
        originalName: filename,
        mediaType,
        sizeBytes: content.length,
        sha256: sha256(content),
      });
      const download = await http()
        .get(response.body.downloadUrl as string)
        .set(await logins.bearer('metro.sekretaris'))
        .buffer(true)
        .parse(binaryBody);
      expect(download.status).toBe(200);
      expect(download.headers['content-type']).toContain(mediaType);
      expect(download.headers['content-disposition']).toContain('attachment');
      expect(sha256(download.body as Buffer)).toBe(response.body.sha256);
    });

    it('lists the files of the task and records an evidence_uploaded event', async () => {
      const list = await http()
        .get(`/api/v1/tasks/${taskId}/evidence`)
        .set(await logins.bearer('metro.kepala-dinkes'));
      expect(list.status).toBe(200);
      expect((list.body as unknown[]).length).toBeGreaterThanOrEqual(4);
      const task = await http()
        .get(`/api/v1/tasks/${taskId}`)
        .set(await logins.bearer('metro.dinkes'));
      expect(
        task.body.events.filter((e: { kind: string }) => e.kind === 'evidence_uploaded').length,
      ).toBeGreaterThanOrEqual(4);
    });

    it('refuses garbage named .pdf with 415, over 20 MB with 413, and stores no file', async () => {
      const before = await db.getRepository(EvidenceFileRecord).countBy({ taskId });
      const garbage = await upload(garbageBytes(), 'laporan.pdf');
      expect(garbage.status).toBe(415);
      expectErrorBody(garbage.body, 'UNSUPPORTED_FILE_TYPE');
      const large = await upload(Buffer.concat([pdfBytes(), Buffer.alloc(20 * 1024 * 1024)]), 'besar.pdf');
      expect(large.status).toBe(413);
      expectErrorBody(large.body, 'FILE_TOO_LARGE');
      const json = await http()
        .post(`/api/v1/tasks/${taskId}/evidence`)
        .set(await logins.bearer('metro.dinkes'))
        .send({ file: 'x' });
      expect(json.status).toBe(415);
      expect(await db.getRepository(EvidenceFileRecord).countBy({ taskId })).toBe(before);
    });

    it('refuses uploads by the secretary with 403 and by another unit with 404', async () => {
      expect((await upload(pngBytes(), 'a.png', 'metro.sekretaris')).status).toBe(403);
      expect((await upload(pngBytes(), 'a.png', 'metro.dinsos')).status).toBe(404);
    });
  });
});
