import { TaskEventRecord, UserRecord } from '@konvergensi/persistence';
import JSZip from 'jszip';
import type { DataSource } from 'typeorm';
import request from 'supertest';
import {
  docxBytes,
  expectErrorBody,
  expectStatus,
  insertTask,
  Logins,
  openDatabase,
  pdfBytes,
  pngBytes,
  sha256,
  startFileStack,
  type FileStack,
} from './support/fixtures';

const year = 2042;
const actionPath = `/api/v1/regencies/18.72/cycles/${year}/actions/AKSI_1`;
// No slash or quote: multipart file names lose everything before a slash on the way in.
const hostileFileName = '=SUM(1+1)<img src=x onerror=alert(1)>.pdf';
const hostileTitle = '@SUM(1+1) <script>alert("judul")</script>';

/** `offset` days from today as a Jakarta calendar day. */
function localDay(offset: number): string {
  return new Date(Date.now() + 7 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
}

/** Reads a whole binary response body (supertest only buffers text by default). */
function binary(response: request.Response, done: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  const stream = response as unknown as NodeJS.ReadableStream;
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

/** Parses index.csv: quoted cells, doubled quotes, CRLF lines. */
function parseCsv(text: string): string[][] {
  return text
    .replace(/^\ufeff/, '')
    .trimEnd()
    .split('\r\n')
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replace(/""/g, '"')));
}

describe('the national portal (Aksi Bangda): export and milestones', () => {
  let stack: FileStack;
  let db: DataSource;
  let logins: Logins;
  const http = () => request(stack.baseUrl);
  const uploaded: Record<string, Buffer> = {};
  let unapprovedSha: string;
  let otherActionSha: string;

  async function approve(taskId: string, username: string) {
    const approver = await db.getRepository(UserRecord).findOneByOrFail({ username });
    await db.query(`UPDATE task SET status = 'approved', closed_at = now() WHERE id = $1`, [taskId]);
    await db.getRepository(TaskEventRecord).insert({
      taskId,
      kind: 'approved',
      actorUserId: approver.id,
      occurredAt: new Date(),
      payload: { note: 'Sesuai' },
    });
  }

  async function upload(taskId: string, username: string, content: Buffer, name: string): Promise<string> {
    const response = expectStatus(
      await http()
        .post(`/api/v1/tasks/${taskId}/evidence`)
        .set(await logins.bearer(username))
        .attach('file', content, name),
      201,
    );
    return response.body.sha256 as string;
  }

  beforeAll(async () => {
    stack = await startFileStack('portal');
    db = await openDatabase();
    logins = new Logins(stack.baseUrl);
    const created = expectStatus(
      await http()
        .post('/api/v1/regencies/18.72/cycles')
        .set(await logins.bearer('metro.sekretaris'))
        .send({ year }),
      201,
    );
    const actions = created.body.actions as { code: string; stages: { id: string; code: string }[] }[];
    const stage = (action: string, index: number) => actions.find((a) => a.code === action)!.stages[index]!.id;

    // Approved: two files of Dinas Kesehatan, one with a hostile name, on Aksi 1's first stage, and
    // one of Bappeda on its second stage.
    const dinkes = await insertTask(db, {
      regencyCode: '18.72',
      unitCode: 'DINKES',
      stageId: stage('AKSI_1', 0),
      title: hostileTitle,
    });
    const pdf = pdfBytes('analisis situasi');
    const docx = docxBytes('Notulen rapat koordinasi lintas OPD');
    await upload(dinkes.id, 'metro.dinkes', pdf, hostileFileName);
    await upload(dinkes.id, 'metro.dinkes', docx, 'notulen-rapat.docx');
    uploaded[sha256(pdf)] = pdf;
    uploaded[sha256(docx)] = docx;
    await approve(dinkes.id, 'metro.sekretaris');
    const bappeda = await insertTask(db, {
      regencyCode: '18.72',
      unitCode: 'BAPPEDA',
      stageId: stage('AKSI_1', 1),
      title: 'Kajian terdahulu',
    });
    const png = pngBytes(4, 99);
    await upload(bappeda.id, 'metro.bappeda', png, 'peta-sebaran.png');
    uploaded[sha256(png)] = png;
    await approve(bappeda.id, 'metro.ketua');

    // Not in the export: a submitted (unapproved) task of Aksi 1, and an approved one of Aksi 2.
    const pending = await insertTask(db, {
      regencyCode: '18.72',
      unitCode: 'DINSOS',
      stageId: stage('AKSI_1', 0),
      status: 'submitted',
    });
    unapprovedSha = await upload(pending.id, 'metro.dinsos', pngBytes(5, 12), 'belum-disetujui.png');
    const aksi2 = await insertTask(db, { regencyCode: '18.72', unitCode: 'DINKES', stageId: stage('AKSI_2', 0) });
    otherActionSha = await upload(aksi2.id, 'metro.dinkes', pngBytes(6, 200), 'aksi-2.png');
    await approve(aksi2.id, 'metro.sekretaris');
  });

  afterAll(async () => {
    await db?.destroy();
    await stack?.stop();
  });

  describe('the ZIP export', () => {
    let response: request.Response;
    let zip: JSZip;

    beforeAll(async () => {
      response = await http()
        .get(`${actionPath}/portal-export`)
        .set(await logins.bearer('metro.sekretaris'))
        .buffer(true)
        .parse(binary);
      zip = await JSZip.loadAsync(response.body as Buffer);
    });

    it('is a ZIP download named after the regency, year and action', () => {
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/zip/);
      expect(response.headers['content-disposition']).toMatch(
        /^attachment; filename="aksi-bangda_18\.72_2042_AKSI_1\.zip"; filename\*=UTF-8''/,
      );
    });

    it("contains the action's approved files with the SHA-256 of what was uploaded, and an index", async () => {
      const names = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
      expect(names).toEqual(expect.arrayContaining(['index.csv', 'index.html']));
      const files = names.filter((name) => !name.startsWith('index.'));
      expect(files).toHaveLength(3);
      const digests = await Promise.all(files.map(async (name) => sha256(await zip.file(name)!.async('nodebuffer'))));
      expect(digests.sort()).toEqual(Object.keys(uploaded).sort());
      expect(digests).not.toContain(unapprovedSha);
      expect(digests).not.toContain(otherActionSha);

      const rows = parseCsv(await zip.file('index.csv')!.async('string'));
      const header = rows[0]!;
      expect(header).toEqual(
        expect.arrayContaining([
          'tahap',
          'unit',
          'tugas',
          'nama_berkas',
          'ukuran_byte',
          'sha256',
          'disetujui_pada',
          'disetujui_oleh',
        ]),
      );
      const column = (name: string) => header.indexOf(name);
      expect(rows).toHaveLength(4);
      for (const row of rows.slice(1)) {
        const inZip = await zip.file(row[column('lokasi_dalam_zip')]!)!.async('nodebuffer');
        expect(sha256(inZip)).toBe(row[column('sha256')]);
        expect(Number(row[column('ukuran_byte')])).toBe(inZip.length);
        expect(row[column('disetujui_pada')]).toMatch(/^\d{4}-\d\d-\d\dT/);
        expect(row[column('disetujui_oleh')]!.length).toBeGreaterThan(0);
      }
      const units = rows.slice(1).map((row) => row[column('kode_unit')]);
      expect(units.sort()).toEqual(['BAPPEDA', 'DINKES', 'DINKES']);
    });

    it('neutralises formula-like names and titles in the CSV and escapes them in the HTML', async () => {
      const rows = parseCsv(await zip.file('index.csv')!.async('string'));
      const header = rows[0]!;
      const hostile = rows.find((row) => row[header.indexOf('nama_berkas')]!.includes('SUM(1+1)'))!;
      expect(hostile[header.indexOf('nama_berkas')]).toBe(`'${hostileFileName}`);
      expect(hostile[header.indexOf('tugas')]).toBe(`'${hostileTitle}`);
      // The archive path carries no markup, separators or quotes of the original name.
      expect(hostile[header.indexOf('lokasi_dalam_zip')]).toMatch(/^01_AKSI_1\.T1\/DINKES\/[^<>"\\]+\.pdf$/);

      const html = await zip.file('index.html')!.async('string');
      expect(html).not.toContain('<img');
      expect(html).not.toContain('<script>alert');
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(html).toContain('&lt;script&gt;alert(&quot;judul&quot;)&lt;/script&gt;');
    });

    it('is refused to an OPD officer (403) and to another regency (404)', async () => {
      const officer = await http()
        .get(`${actionPath}/portal-export`)
        .set(await logins.bearer('metro.dinkes'));
      expect(officer.status).toBe(403);
      expectErrorBody(officer.body, 'FORBIDDEN');
      const dumai = await http()
        .get(`${actionPath}/portal-export`)
        .set(await logins.bearer('dumai.sekretaris'));
      expect(dumai.status).toBe(404);
      expectErrorBody(dumai.body, 'REGENCY_NOT_FOUND');
      const province = await http()
        .get(`${actionPath}/portal-export`)
        .set(await logins.bearer('lampung.provinsi'))
        .buffer(true)
        .parse(binary);
      expect(province.status).toBe(200);
    });

    it('answers an unknown action with 400 and an action of a year without a cycle with 404', async () => {
      const bad = await http()
        .get(`/api/v1/regencies/18.72/cycles/${year}/actions/AKSI_9/portal-export`)
        .set(await logins.bearer('metro.sekretaris'));
      expect(bad.status).toBe(400);
      expectErrorBody(bad.body);
      const missing = await http()
        .get('/api/v1/regencies/18.72/cycles/2098/actions/AKSI_1/portal-export')
        .set(await logins.bearer('metro.sekretaris'));
      expect(missing.status).toBe(404);
      expectErrorBody(missing.body, 'CYCLE_NOT_FOUND');
    });
  });

  describe('portal milestones', () => {
    const put = async (milestone: string, body: object, username = 'metro.sekretaris') =>
      http()
        .put(`${actionPath}/portal-milestones/${milestone}`)
        .set(await logins.bearer(username))
        .send(body);

    it('refuses a milestone before the previous one is recorded, with 409 and an Indonesian message', async () => {
      const response = await put('verified_by_bappeda', { reachedOn: localDay(-1) });
      expect(response.status).toBe(409);
      expectErrorBody(response.body, 'MILESTONE_OUT_OF_ORDER');
      expect(response.body.message).toContain('hanya dapat dicatat setelah tahap');
    });

    it('records data entry once however often the same PUT is repeated', async () => {
      const first = await put('data_entered', { reachedOn: localDay(-3), note: 'Data 22 kelurahan diinput' });
      expect(first.status).toBe(200);
      const again = await put('data_entered', { reachedOn: localDay(-3), note: 'Data 22 kelurahan diinput' });
      expect(again.status).toBe(200);
      expect(again.body.milestones[0]).toMatchObject({
        milestone: 'data_entered',
        reached: true,
        reachedOn: localDay(-3),
        note: 'Data 22 kelurahan diinput',
        recordedBy: { displayName: expect.any(String) },
      });
      expect(again.body.next).toBe('documents_uploaded');
      const rows = await db.query(
        `SELECT count(*)::int AS n FROM portal_milestone m JOIN cycle_action a ON a.id = m.action_id
           JOIN cycle c ON c.id = a.cycle_id WHERE c.year = $1 AND a.code = 'AKSI_1'`,
        [year],
      );
      expect(rows[0].n).toBe(1);
    });

    it('refuses a date before the previous milestone or in the future with 422', async () => {
      const before = await put('documents_uploaded', { reachedOn: localDay(-4) });
      expect(before.status).toBe(422);
      expectErrorBody(before.body, 'MILESTONE_BEFORE_PREVIOUS');
      const future = await put('documents_uploaded', { reachedOn: localDay(2) });
      expect(future.status).toBe(422);
      expectErrorBody(future.body, 'MILESTONE_IN_FUTURE');
    });

    it('records the milestones in order and shows them on the status read', async () => {
      expect((await put('documents_uploaded', { reachedOn: localDay(-2) })).status).toBe(200);
      expect(
        (await put('verified_by_bappeda', { reachedOn: localDay(-1), note: 'Diverifikasi admin Bappeda' })).status,
      ).toBe(200);
      const status = await http()
        .get(`/api/v1/regencies/18.72/cycles/${year}/status`)
        .set(await logins.bearer('metro.ketua'));
      expect(status.status).toBe(200);
      const aksi1 = (
        status.body.actions as {
          code: string;
          portal: { milestones: { milestone: string; reachedOn: string }[]; next: string; approvedFiles: number };
        }[]
      ).find((a) => a.code === 'AKSI_1')!;
      expect(aksi1.portal.milestones.map((m) => m.milestone)).toEqual([
        'data_entered',
        'documents_uploaded',
        'verified_by_bappeda',
      ]);
      expect(aksi1.portal.next).toBe('reviewed_by_province');
      expect(aksi1.portal.approvedFiles).toBe(3);
      const dashboard = await http()
        .get(`/api/v1/regencies/18.72/dashboard?year=${year}`)
        .set(await logins.bearer('metro.ketua'));
      expect(dashboard.status).toBe(200);
      const onDashboard = (
        dashboard.body.actions as { code: string; portalMilestones: { milestone: string; label: string }[] }[]
      ).find((a) => a.code === 'AKSI_1')!;
      expect(onDashboard.portalMilestones.map((m) => m.label)).toEqual([
        'Data diinput ke Aksi Bangda',
        'Dokumen pendukung diunggah',
        'Diverifikasi admin Bappeda',
      ]);
    });

    it('refuses correcting a milestone to a date after the next one', async () => {
      const response = await put('data_entered', { reachedOn: localDay(-1) });
      expect(response.status).toBe(422);
      expectErrorBody(response.body, 'MILESTONE_AFTER_NEXT');
    });

    it('lets only the secretary of the regency record milestones', async () => {
      const officer = await put('reviewed_by_province', { reachedOn: localDay(0) }, 'metro.dinkes');
      expect(officer.status).toBe(403);
      expectErrorBody(officer.body, 'FORBIDDEN');
      const dumai = await put('reviewed_by_province', { reachedOn: localDay(0) }, 'dumai.sekretaris');
      expect(dumai.status).toBe(404);
      expectErrorBody(dumai.body, 'REGENCY_NOT_FOUND');
      const unknown = await put('sudah_selesai', { reachedOn: localDay(0) });
      expect(unknown.status).toBe(400);
      expectErrorBody(unknown.body);
      const badDate = await put('reviewed_by_province', { reachedOn: '2042-02-30' });
      expect(badDate.status).toBe(400);
      expectErrorBody(badDate.body);
    });
  });
});
