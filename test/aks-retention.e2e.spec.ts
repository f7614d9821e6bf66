import { Client, Connection } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { ApiClient } from './support/api-client';
import { aksCsv, badutaRow, startAudit, uploadFile, waitForStage, type AuditView } from './support/aks-fixtures';
import { testEnvironment } from './support/environment';
import { databaseFingerprint, openDatabase, startFileStack, type FileStack } from './support/fixtures';
import { eventually } from './support/processes';

/** Years no other test file uses for Kota Metro's audits (the test database is shared). */
const erasedYear = 2055;
const keptYear = 2056;

const people = [
  badutaRow({ nik: '1872014101550001', nama: 'Retno Subjek Data' }),
  badutaRow({ nik: '1872010502550002', nama: 'Bagus Koreksi Nama' }),
  badutaRow({ nik: '1872010603550003', nama: 'Citra Masa Retensi' }),
];
const keptPeople = [badutaRow({ nik: '1872010704560004', nama: 'Dewi Belum Habis' })];

interface CaseItem {
  id: string;
  identitas: { nama: string; nik: string } | null;
  identitasDihapusPada: string | null;
}
interface Erasure {
  kasusId: string;
  alasan: string;
  kolom: string[];
  catatan: string;
  olehPengguna: string | null;
  dihapusPada: string;
}
interface ScheduleItem {
  kind: string;
  nextRuns: string[];
  recentRuns: { workflowId: string }[];
}

/**
 * UU PDP for the children and mothers of an audit: the person's requests (see, correct, erase)
 * as logged operations of the AKS lead, and the nightly Schedule that erases identities a
 * regency-chosen period after the audit's report, keeping every aggregate.
 */
describe('AKS identities: a data subject’s requests for the audit lead, and erasure after the retention period', () => {
  let stack: FileStack;
  let db: DataSource;
  let temporal: Client | undefined;
  let lead: ApiClient;
  let expert: ApiClient;
  let secretary: ApiClient;
  let admin: ApiClient;
  let erasedAudit: AuditView;
  let keptAudit: AuditView;
  const caseIds: string[] = [];

  const casesOf = async (auditId: string) =>
    (await lead.get<CaseItem[]>(`/api/v1/aks/audits/${auditId}/cases`)).body as CaseItem[];
  const accessLog = async (caseId: string) =>
    (await db.query(
      `SELECT purpose, step_up_at IS NOT NULL AS "steppedUp" FROM aks_identity_access WHERE case_id = $1 ORDER BY accessed_at`,
      [caseId],
    )) as { purpose: string; steppedUp: boolean }[];
  const storedIdentity = async (caseId: string) =>
    (
      (await db.query(
        `SELECT identity_ciphertext IS NOT NULL AS "held", nik_hash IS NOT NULL AS "hashed" FROM aks_case WHERE id = $1`,
        [caseId],
      )) as { held: boolean; hashed: boolean }[]
    )[0];
  /** Runs the regency's retention Schedule once now and answers how many cases that run erased. */
  const runRetention = async (): Promise<number> => {
    const path = '/api/v1/regencies/18.72/schedules';
    const before = (
      (await admin.get<{ items: ScheduleItem[] }>(path)).body.items.find((i) => i.kind === 'aks-identity-retention')
        ?.recentRuns ?? []
    ).map((r) => r.workflowId);
    expect((await admin.post(`${path}/aks-identity-retention/trigger`)).status).toBe(200);
    const workflowId = await eventually(
      async () =>
        (await admin.get<{ items: ScheduleItem[] }>(path)).body.items
          .find((i) => i.kind === 'aks-identity-retention')
          ?.recentRuns.map((r) => r.workflowId)
          .find((id) => !before.includes(id)),
      60_000,
      'the triggered retention run',
    );
    return (await (await temporalClient()).workflow.getHandle(workflowId).result()) as number;
  };
  const temporalClient = async () =>
    (temporal ??= new Client({
      connection: await Connection.connect({ address: testEnvironment().temporalAddress }),
    }));
  /** The same nightly workflow started directly on this file's worker, as a second night would. */
  const runRetentionAgain = async (): Promise<number> =>
    (await (
      await temporalClient()
    ).workflow.execute('aksIdentityRetentionWorkflow', {
      workflowId: `aks-retention-uji-${Date.now()}`,
      taskQueue: stack.taskQueue,
      args: [{ regencyCode: '18.72' }],
    })) as number;

  beforeAll(async () => {
    stack = await startFileStack('aks-retention');
    db = await openDatabase();
    lead = await ApiClient.as(stack.baseUrl, 'metro.aks-teknis');
    expert = await ApiClient.as(stack.baseUrl, 'metro.aks-pakar');
    secretary = await ApiClient.as(stack.baseUrl, 'metro.sekretaris');
    admin = await ApiClient.as(stack.baseUrl, 'admin');
    erasedAudit = await startAudit(secretary, '18.72', { year: erasedYear, semester: 1, templateCode: 'AKS' });
    keptAudit = await startAudit(secretary, '18.72', { year: keptYear, semester: 1, templateCode: 'AKS' });
    for (const [audit, rows] of [
      [erasedAudit, people],
      [keptAudit, keptPeople],
    ] as const) {
      await waitForStage(secretary, audit.id, 'AKS.T1');
      const imported = await uploadFile<{ imported: number }>(
        lead,
        `/api/v1/aks/audits/${audit.id}/cases/import`,
        aksCsv([...rows]),
        'kasus.csv',
        'text/csv',
      );
      if (imported.body.imported !== rows.length) throw new Error(`import: ${JSON.stringify(imported.body)}`);
      const team = await secretary.put(`/api/v1/aks/audits/${audit.id}/team`, {
        members: [
          { username: 'metro.aks-teknis', team: 'technical', lead: true },
          { username: 'metro.aks-pakar', team: 'expert' },
        ],
      });
      if (team.status !== 200) throw new Error(`roster: ${JSON.stringify(team.body)}`);
    }
    // One import gives the cases one creation instant: order them as `people` by the NIK's last digits.
    const listed = await casesOf(erasedAudit.id);
    for (const person of people) caseIds.push(listed.find((c) => c.identitas?.nik.endsWith(person.nik.slice(-4)))!.id);
    // Metro's retention setting is shared with the other files (the matrix sets it): start from the default.
    await db.query(`DELETE FROM aks_retention_setting WHERE regency_code = '18.72'`);
  });

  afterAll(async () => {
    // Metro's retention setting is shared with the other files: back to the default.
    await db?.query(`DELETE FROM aks_retention_setting WHERE regency_code = '18.72'`);
    await temporal?.connection.close();
    await stack?.stop();
    await db?.destroy();
  });

  describe("a data subject's requests", () => {
    it('shows the person their identity in full only through the lead, after a step-up, and logs it', async () => {
      const [first] = caseIds;
      const forExpert = await expert.get<{ code: string }>(`/api/v1/aks/cases/${first}/identity`);
      expect([forExpert.status, forExpert.body.code]).toEqual([403, 'AKS_LEAD_ONLY']);
      const forSecretary = await secretary.get<{ code: string }>(`/api/v1/aks/cases/${first}/identity`);
      expect([forSecretary.status, forSecretary.body.code]).toEqual([404, 'AKS_CASE_NOT_FOUND']);
      const forDumai = await (
        await ApiClient.as(stack.baseUrl, 'dumai.sekretaris')
      ).get(`/api/v1/aks/cases/${first}/identity`);
      expect(forDumai.status).toBe(404);
      const withoutStepUp = await lead.get<{ code: string }>(`/api/v1/aks/cases/${first}/identity`);
      expect([withoutStepUp.status, withoutStepUp.body.code]).toEqual([403, 'STEP_UP_REQUIRED']);
      expect(await accessLog(first!)).toEqual([{ purpose: 'daftar', steppedUp: false }]);

      expect((await lead.stepUp('metro.aks-teknis')).status).toBe(200);
      const revealed = await lead.get<Record<string, string>>(`/api/v1/aks/cases/${first}/identity`);
      expect(revealed.status).toBe(200);
      expect(revealed.headers.get('cache-control')).toBe('no-store');
      expect(revealed.body).toMatchObject({
        kasusId: first,
        nik: people[0]!.nik,
        nama: people[0]!.nama,
        alamat: people[0]!.alamat,
      });
      expect(await accessLog(first!)).toEqual([
        { purpose: 'daftar', steppedUp: false },
        { purpose: 'permintaan_subjek', steppedUp: true },
      ]);
    });

    it('corrects a name at the person’s request under the import’s rules, answering it masked, and logs it', async () => {
      const second = caseIds[1]!;
      const corrected = await lead.patch<{ identitas: { nama: string; nik: string } }>(
        `/api/v1/aks/cases/${second}/identity`,
        { nama: 'Bagus Koreksi Namanya', alasan: 'Surat permintaan orang tua, 3 Desember' },
      );
      expect(corrected.status).toBe(200);
      expect(corrected.body.identitas).toMatchObject({ nama: 'Bagus Koreksi Namanya', nik: '1872********0002' });
      const listed = (await casesOf(erasedAudit.id)).find((c) => c.id === second);
      expect(listed?.identitas?.nama).toBe('Bagus Koreksi Namanya');
      expect((await accessLog(second)).map((row) => row.purpose)).toContain('koreksi');
    });

    it('refuses a correction that breaks a rule or takes another case’s NIK, changing nothing', async () => {
      const second = caseIds[1]!;
      const before = await databaseFingerprint(db);
      const invalid = await lead.patch<{ code: string; message: string }>(`/api/v1/aks/cases/${second}/identity`, {
        nik: '18720105',
        alasan: 'Permintaan koreksi NIK',
      });
      expect([invalid.status, invalid.body.code]).toEqual([400, 'AKS_CASE_INVALID']);
      expect(invalid.body.message).toContain('NIK harus 16 digit');
      expect(invalid.body.message).not.toContain('18720105');
      const taken = await lead.patch<{ code: string }>(`/api/v1/aks/cases/${second}/identity`, {
        nik: people[2]!.nik,
        alasan: 'Permintaan koreksi NIK',
      });
      expect([taken.status, taken.body.code]).toEqual([409, 'AKS_CASE_EXISTS']);
      const nothing = await lead.patch<{ code: string }>(`/api/v1/aks/cases/${second}/identity`, {
        alasan: 'Tanpa kolom yang dikoreksi',
      });
      expect([nothing.status, nothing.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(await databaseFingerprint(db)).toEqual(before);
    });

    it('erases one identity at the person’s request after a step-up, keeps the case and records the erasure', async () => {
      const first = caseIds[0]!;
      const byExpert = await expert.post<{ code: string }>(`/api/v1/aks/cases/${first}/identity/erasure`, {
        alasan: 'Permintaan penghapusan',
      });
      expect([byExpert.status, byExpert.body.code]).toEqual([403, 'AKS_LEAD_ONLY']);
      expect((await lead.stepUp('metro.aks-teknis')).status).toBe(200);
      const erased = await lead.post<Erasure>(`/api/v1/aks/cases/${first}/identity/erasure`, {
        alasan: 'Permintaan ibu kandung, surat 4 Desember',
      });
      expect(erased.status).toBe(201);
      expect(erased.body).toMatchObject({
        kasusId: first,
        alasan: 'data_subject_request',
        kolom: ['nama', 'nik', 'tanggalLahir', 'alamat'],
        catatan: 'Permintaan ibu kandung, surat 4 Desember',
      });
      expect(await storedIdentity(first)).toEqual({ held: false, hashed: false });
      const detail = await lead.get<CaseItem & { kelompokSasaran: string }>(`/api/v1/aks/cases/${first}`);
      expect(detail.status).toBe(200);
      expect(detail.body).toMatchObject({ identitas: null, kelompokSasaran: 'baduta' });
      expect(detail.body.identitasDihapusPada).toEqual(expect.any(String));
      const again = await lead.post<{ code: string }>(`/api/v1/aks/cases/${first}/identity/erasure`, {
        alasan: 'Permintaan penghapusan kedua',
      });
      expect([again.status, again.body.code]).toEqual([409, 'AKS_IDENTITY_ERASED']);
      const reveal = await lead.get<{ code: string }>(`/api/v1/aks/cases/${first}/identity`);
      expect([reveal.status, reveal.body.code]).toEqual([409, 'AKS_IDENTITY_ERASED']);
      const view = await lead.get<AuditView>(`/api/v1/aks/audits/${erasedAudit.id}`);
      expect(view.body.counts.cases).toBe(people.length);
      expect(view.body.recap.total.total).toBe(people.length);
    });
  });

  describe("the regency's retention period", () => {
    it('answers two years by default and lets the secretary set 1 to 120 months', async () => {
      const path = '/api/v1/regencies/18.72/aks-retention-settings';
      expect((await lead.get(path)).body).toMatchObject({ retentionMonths: 24, isDefault: true, defaultMonths: 24 });
      for (const retentionMonths of [0, 121, 6.5, '6'])
        expect((await secretary.put<{ code: string }>(path, { retentionMonths })).body.code).toBe('VALIDATION_FAILED');
      expect((await lead.put(path, { retentionMonths: 6 })).status).toBe(403);
      const dumai = await ApiClient.as(stack.baseUrl, 'dumai.sekretaris');
      expect((await dumai.put(path, { retentionMonths: 6 })).status).toBe(404);
      const set = await secretary.put(path, { retentionMonths: 6 });
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({ retentionMonths: 6, isDefault: false });
    });

    it('lists the nightly retention schedule beside the others, at 02:15 in the regency’s time', async () => {
      const listed = await admin.get<{ items: ScheduleItem[] }>('/api/v1/regencies/18.72/schedules');
      const retention = listed.body.items.find((i) => i.kind === 'aks-identity-retention');
      // 02:15 WIB is 19:15 UTC of the day before.
      expect(retention?.nextRuns[0]).toMatch(/T19:15:00\.000Z$/);
    });

    it('erases, from its nightly run, the identities of audits submitted longer ago than the period, and no others', async () => {
      // Reports sent to the province seven and five months ago, as the submission recorded them.
      await db.query(
        `UPDATE aks_audit SET report_status = 'submitted', report_submitted_at = now() - interval '7 months' WHERE id = $1`,
        [erasedAudit.id],
      );
      await db.query(
        `UPDATE aks_audit SET report_status = 'submitted', report_submitted_at = now() - interval '5 months' WHERE id = $1`,
        [keptAudit.id],
      );
      const view = await lead.get<AuditView & { identityErasureDueAt: string }>(`/api/v1/aks/audits/${erasedAudit.id}`);
      expect(new Date(view.body.identityErasureDueAt).getTime()).toBeLessThan(Date.now());
      const recapBefore = (await lead.get(`/api/v1/aks/audits/${erasedAudit.id}/recap`)).body;

      // The one erased on request already; the other two now.
      expect(await runRetention()).toBe(2);
      const cases = await casesOf(erasedAudit.id);
      expect(cases.map((c) => c.identitas)).toEqual([null, null, null]);
      for (const id of caseIds) expect(await storedIdentity(id)).toEqual({ held: false, hashed: false });
      expect((await casesOf(keptAudit.id)).map((c) => c.identitas?.nama)).toEqual([keptPeople[0]!.nama]);
      expect((await lead.get(`/api/v1/aks/audits/${erasedAudit.id}/recap`)).body).toEqual(recapBefore);

      const records = await lead.get<{ items: Erasure[]; total: number }>(
        `/api/v1/aks/audits/${erasedAudit.id}/identity-erasures`,
      );
      expect(records.body.total).toBe(3);
      expect(records.body.items.map((r) => [r.alasan, r.olehPengguna === null])).toEqual([
        ['data_subject_request', false],
        ['retention', true],
        ['retention', true],
      ]);
      expect(records.body.items[1]?.catatan).toBe('retensi 6 bulan setelah laporan dikirim');
      const body = JSON.stringify(records.body);
      for (const person of people) {
        expect(body).not.toContain(person.nik);
        expect(body).not.toContain(person.nama);
      }
      const forSecretary = await secretary.get(`/api/v1/aks/audits/${erasedAudit.id}/identity-erasures`);
      expect(forSecretary.status).toBe(403);
    });

    it('erases and records nothing more when it runs again', async () => {
      const before = await databaseFingerprint(db);
      expect(await runRetentionAgain()).toBe(0);
      expect(await databaseFingerprint(db)).toEqual(before);
    });

    it('exports an erased case as a row without identity, so the audit still counts it', async () => {
      expect((await lead.stepUp('metro.aks-teknis')).status).toBe(200);
      const exported = await lead.get<string>(`/api/v1/aks/audits/${erasedAudit.id}/cases/export`);
      expect(exported.status).toBe(200);
      const lines = exported.body.trim().split('\r\n');
      expect(lines).toHaveLength(1 + people.length);
      for (const line of lines.slice(1))
        expect(line).toMatch(/^"[0-9a-f-]{36}","","","","","Metro Pusat","Imopuro","baduta",/);
    });
  });
});
