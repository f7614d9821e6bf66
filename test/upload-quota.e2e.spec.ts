import request from 'supertest';
import type { DataSource } from 'typeorm';
import {
  databaseFingerprint,
  expectErrorBody,
  insertTask,
  Logins,
  openDatabase,
  pdfBytes,
  startFileStack,
  type FileStack,
} from './support/fixtures';

/** A PDF of about `bytes` bytes whose content differs with `label` (identical files share a blob). */
const pdfOf = (bytes: number, label: string) => pdfBytes(`${label} ${'x'.repeat(Math.max(0, bytes - 450))}`);

/**
 * A regency's files together have a quota (REGENCY_UPLOAD_QUOTA_BYTES): the upload
 * that would pass it answers 507 UPLOAD_QUOTA_EXCEEDED with the figures and stores nothing, and
 * another regency's room is its own.
 */
describe('upload quota per regency', () => {
  let stack: FileStack;
  let db: DataSource;
  let logins: Logins;
  let metroTask: string;
  let dumaiTask: string;

  async function usedBy(regencyCode: string): Promise<number> {
    const [row] = (await db.query(
      `SELECT (SELECT coalesce(sum(size_bytes), 0) FROM evidence_file WHERE regency_code = $1)
            + (SELECT coalesce(sum(d.size_bytes), 0) FROM aks_document d JOIN aks_audit a ON a.id = d.audit_id
                WHERE a.regency_code = $1) AS used`,
      [regencyCode],
    )) as { used: string }[];
    return Number(row?.used ?? 0);
  }

  let quota: number;

  beforeAll(async () => {
    db = await openDatabase();
    // Other files of the run have stored files for both regencies already: the quota is set so
    // that each has at least 4 KB of room left when this file starts.
    quota = Math.max(await usedBy('18.72'), await usedBy('14.72')) + 4096;
    stack = await startFileStack('upload-quota', { REGENCY_UPLOAD_QUOTA_BYTES: String(quota) });
    logins = new Logins(stack.baseUrl);
    metroTask = (await insertTask(db, { regencyCode: '18.72', unitCode: 'DINKES', title: 'Tugas kuota Metro' })).id;
    dumaiTask = (await insertTask(db, { regencyCode: '14.72', unitCode: 'DINKES', title: 'Tugas kuota Dumai' })).id;
  });

  afterAll(async () => {
    await db?.destroy();
    await stack?.stop();
  });

  const upload = async (user: string, taskId: string, content: Buffer, name: string) =>
    request(stack.baseUrl)
      .post(`/api/v1/tasks/${taskId}/evidence`)
      .set(await logins.bearer(user))
      .attach('file', content, name);

  it('refuses the upload that would pass the quota with 507 and the figures, and stores nothing', async () => {
    // Fill Metro up to just below the quota with files of its own, then one more.
    let stored = await usedBy('18.72');
    let n = 0;
    while (stored + 1200 <= quota) {
      const response = await upload('metro.dinkes', metroTask, pdfOf(1000, `isi-${n++}`), `bukti-${n}.pdf`);
      expect(response.status).toBe(201);
      stored = await usedBy('18.72');
    }
    const before = await databaseFingerprint(db);
    const refused = await upload('metro.dinkes', metroTask, pdfOf(1500, 'terlalu-banyak'), 'lebih.pdf');
    expect(refused.status).toBe(507);
    expectErrorBody(refused.body, 'UPLOAD_QUOTA_EXCEEDED');
    expect(refused.body.message).toMatch(/Ruang berkas kabupaten\/kota ini sudah terpakai/);
    expect(refused.body.details).toMatchObject({ quotaBytes: quota, usedBytes: stored });
    expect(await databaseFingerprint(db)).toEqual(before);
  });

  it("gives every regency its own room: Dumai can still upload when Metro's is full", async () => {
    const response = await upload('dumai.dinkes', dumaiTask, pdfOf(1000, 'dumai'), 'bukti-dumai.pdf');
    expect(response.status).toBe(201);
  });
});
