import type { DataSource } from 'typeorm';
import { ApiClient } from './support/api-client';
import {
  aksColumns,
  aksCsv,
  badutaRow,
  completeStage,
  daysAgo,
  startAudit,
  uploadFile,
  waitForStage,
  type AksRow,
  type AuditView,
} from './support/aks-fixtures';
import { databaseFingerprint, openDatabase, pdfBytes, startFileStack, type FileStack } from './support/fixtures';
import { workingDaysFromToday } from './support/task-fixtures';

const good: AksRow[] = [
  badutaRow({ nik: '1872014101240021', nama: 'Laras Kinanti' }),
  badutaRow({ nik: '1872010502240022', nama: 'Dimas Anggara', kecamatan: 'metro barat', kelurahan: 'GANJAR AGUNG' }),
  {
    ...badutaRow({ nik: '1872015505900023', nama: 'Wulan Sari Dewi' }),
    kelompok_sasaran: 'ibu_hamil',
    tanggal_lahir: '15/05/1990',
    berat_badan: '52',
    tinggi_badan: '151',
    lingkar_lengan: '22,5',
  },
];
const bad: AksRow[] = [
  badutaRow({ nik: '18720141', nama: 'Nik Pendek' }),
  badutaRow({ nik: '1872014101240031', nama: '=HYPERLINK("http://x")' }),
  badutaRow({ nik: '1872014101240032', nama: 'Salah Kecamatan', kecamatan: 'Atlantis' }),
  badutaRow({ nik: '1872014101240033', nama: 'Terlalu Tua', tanggal_lahir: daysAgo(365 * 4) }),
  badutaRow({ nik: '1872014101240021', nama: 'Laras Kinanti Ganda' }),
];
const secrets = [...good, ...bad].flatMap((row) => [row.nik, row.nama]).filter((s) => !s.startsWith('='));

interface ImportReport {
  received: number;
  imported: number;
  alreadyPresent: number;
  rejected: number;
  errors: { row: number; column: string | null; message: string }[];
}

describe('AKS cases: CSV import row by row, and identities for the AKS teams of the regency only', () => {
  let stack: FileStack;
  let db: DataSource;
  let technical: ApiClient;
  let expert: ApiClient;
  let secretary: ApiClient;
  let audit: AuditView;
  const clients = new Map<string, ApiClient>();
  const as = async (username: string) => {
    let client = clients.get(username);
    if (!client) {
      client = await ApiClient.as(stack.baseUrl, username);
      clients.set(username, client);
    }
    return client;
  };
  const importPath = () => `/api/v1/aks/audits/${audit.id}/cases/import`;

  beforeAll(async () => {
    stack = await startFileStack('aks-cases-privacy', { MAIL_DISPATCH_INTERVAL_MS: '200' });
    db = await openDatabase();
    technical = await as('metro.aks-teknis');
    expert = await as('metro.aks-pakar');
    secretary = await as('metro.sekretaris');
    audit = await startAudit(secretary, '18.72', { year: 2027, semester: 1, templateCode: 'AKS' });
    await waitForStage(secretary, audit.id, 'AKS.T1');
  });

  afterAll(async () => {
    await stack?.stop();
    await db?.destroy();
  });

  describe('CSV import', () => {
    it('keeps the good rows and reports every bad row by its line, column and an Indonesian message', async () => {
      const response = await uploadFile<ImportReport>(
        technical,
        importPath(),
        aksCsv([...good, ...bad]),
        'kasus.csv',
        'text/csv',
      );
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ received: 8, imported: 3, alreadyPresent: 0, rejected: 5 });
      const byRow = (row: number) => response.body.errors.filter((e) => e.row === row);
      expect(byRow(5).map((e) => e.column)).toEqual(['nik']);
      expect(byRow(5)[0]?.message).toContain('NIK harus 16 digit');
      expect(byRow(6).map((e) => e.column)).toEqual(['nama']);
      expect(byRow(6)[0]?.message).toContain('tidak boleh diawali =, +, - atau @');
      expect(byRow(7)[0]?.message).toBe('Kecamatan "Atlantis" tidak ada di kabupaten/kota ini.');
      expect(byRow(8)[0]?.message).toContain('baduta berusia 0-23 bulan');
      expect(byRow(9)[0]?.message).toBe('NIK sama dengan baris 2; satu orang satu baris.');
      expect(JSON.stringify(response.body)).not.toContain('HYPERLINK');
      for (const secret of secrets) expect(JSON.stringify(response.body)).not.toContain(secret);
      const [count] = (await db.query(`SELECT count(*)::int AS n FROM aks_case WHERE audit_id = $1`, [audit.id])) as {
        n: number;
      }[];
      expect(count?.n).toBe(3);
    });

    it('imports the same people again as no change: one case per NIK and audit', async () => {
      // As a spreadsheet in an Indonesian locale saves it: semicolons, decimal commas.
      const semicolons = [aksColumns.join(';'), ...good.map((row) => aksColumns.map((c) => row[c]).join(';'))].join(
        '\n',
      );
      const response = await uploadFile<ImportReport>(technical, importPath(), semicolons, 'ulang.csv', 'text/csv');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ imported: 0, alreadyPresent: 3, rejected: 0 });
    });

    it('refuses a file without a good row, or without the columns, and leaves the database as it was', async () => {
      const before = await databaseFingerprint(db);
      const allBad = await uploadFile<{ code: string; message: string; details: ImportReport }>(
        technical,
        importPath(),
        aksCsv(bad.slice(0, 4)),
        'buruk.csv',
        'text/csv',
      );
      expect(allBad.status).toBe(422);
      expect(allBad.body.code).toBe('AKS_CSV_NO_VALID_ROWS');
      expect(allBad.body.details.errors.map((e) => e.row)).toEqual([2, 3, 4, 5]);
      const noColumns = await uploadFile<{ code: string; message: string }>(
        technical,
        importPath(),
        aksCsv(
          good,
          aksColumns.filter((c) => c !== 'tanggal_ukur' && c !== 'nik'),
        ),
        'kolom.csv',
        'text/csv',
      );
      expect(noColumns.status).toBe(400);
      expect(noColumns.body.message).toBe('Kolom berikut tidak ada pada baris judul: nik, tanggal_ukur.');
      const notCsv = await uploadFile<{ code: string }>(
        technical,
        importPath(),
        Buffer.from([0, 1, 2, 3, 0xff]),
        'x.csv',
        'text/csv',
      );
      expect(notCsv.status).toBeGreaterThanOrEqual(400);
      expect(notCsv.status).toBeLessThan(500);
      const bySecretary = await uploadFile(secretary, importPath(), aksCsv(good), 'kasus.csv', 'text/csv');
      expect(bySecretary.status).toBe(403);
      expect(await databaseFingerprint(db)).toEqual(before);
    });

    it('enters one case by hand with the same rules', async () => {
      const entered = await technical.post<{ id: string }>(`/api/v1/aks/audits/${audit.id}/cases`, {
        ...badutaRow({ nik: '1872014101240041', nama: 'Bima Nugraha' }),
        berat_badan: 8.1,
      });
      expect(entered.status).toBe(201);
      const refused = await technical.post<{ code: string; message: string }>(`/api/v1/aks/audits/${audit.id}/cases`, {
        ...badutaRow({ nik: '1872014101240042', nama: '@SUM(A1)' }),
      });
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('AKS_CASE_INVALID');
      secrets.push('1872014101240041', 'Bima Nugraha');
    });
  });

  describe('who sees identities', () => {
    let caseIds: string[];
    let followUpTaskId: string;

    beforeAll(async () => {
      const cases = await technical.get<{ id: string }[]>(`/api/v1/aks/audits/${audit.id}/cases`);
      caseIds = cases.body.map((c) => c.id);
      const [first] = caseIds;
      await technical.post(`/api/v1/aks/cases/${first}/analysis`, {
        findings: ['Berat badan kurang'],
        causes: ['Asupan gizi kurang'],
        recommendations: ['Kelas ibu balita dan PMT lokal'],
      });
      const recommendations = await secretary.get<{ id: string }[]>(`/api/v1/aks/audits/${audit.id}/recommendations`);
      const plan = await secretary.post<{ followUpTaskId: string }[]>(`/api/v1/aks/audits/${audit.id}/follow-up-plan`, {
        items: [
          { recommendationId: recommendations.body[0]?.id, unitCode: 'DINKES', dueDate: workingDaysFromToday(5) },
        ],
      });
      followUpTaskId = plan.body[0]?.followUpTaskId as string;
      await uploadFile(
        secretary,
        `/api/v1/aks/audits/${audit.id}/documents/AKS_SK`,
        pdfBytes('SK'),
        'sk.pdf',
        'application/pdf',
      );
      await secretary.post(`/api/v1/aks/audits/${audit.id}/report/compile`);
    });

    it('shows the AKS teams of the regency the names with masked NIKs, and logs every read', async () => {
      const before = (await db.query(`SELECT count(*)::int AS n FROM aks_identity_access`)) as { n: number }[];
      const list = await expert.get<{ id: string; identitas: { nama: string; nik: string } }[]>(
        `/api/v1/aks/audits/${audit.id}/cases`,
      );
      expect(list.status).toBe(200);
      expect(list.body.map((c) => c.identitas.nik)).toContain('1872********0021');
      expect(list.body.map((c) => c.identitas.nama)).toContain('Laras Kinanti');
      expect(JSON.stringify(list.body)).not.toContain('1872014101240021');
      const detail = await technical.get<{ identitas: { nik: string } }>(`/api/v1/aks/cases/${caseIds[0]}`);
      expect(detail.status).toBe(200);
      expect(detail.body.identitas.nik).toMatch(/^1872\*{8}\d{4}$/);
      const logged = (await db.query(
        `SELECT a.purpose, u.username FROM aks_identity_access a JOIN app_user u ON u.id = a.user_id
          ORDER BY a.accessed_at DESC LIMIT $1`,
        [caseIds.length + 1],
      )) as { purpose: string; username: string }[];
      expect(logged.length).toBe(caseIds.length + 1);
      expect(logged[0]).toEqual({ purpose: 'detail', username: 'metro.aks-teknis' });
      expect(logged.slice(1).every((r) => r.purpose === 'daftar' && r.username === 'metro.aks-pakar')).toBe(true);
      const after = (await db.query(`SELECT count(*)::int AS n FROM aks_identity_access`)) as { n: number }[];
      expect((after[0]?.n ?? 0) - (before[0]?.n ?? 0)).toBe(caseIds.length + 1);
    });

    it('lets only the AKS lead of the audit export identities, in full', async () => {
      const noLead = await technical.get<{ code: string }>(`/api/v1/aks/audits/${audit.id}/cases/export`);
      expect(noLead.status).toBe(403);
      expect(noLead.body.code).toBe('AKS_LEAD_ONLY');
      await secretary.put(`/api/v1/aks/audits/${audit.id}/team`, {
        members: [
          { username: 'metro.aks-teknis', team: 'technical', lead: true },
          { username: 'metro.aks-pakar', team: 'expert' },
        ],
      });
      const withoutStepUp = await technical.get<{ code: string }>(`/api/v1/aks/audits/${audit.id}/cases/export`);
      expect(withoutStepUp.status).toBe(403);
      expect(withoutStepUp.body.code).toBe('STEP_UP_REQUIRED');
      expect((await technical.stepUp('metro.aks-teknis')).status).toBe(200);
      const exported = await technical.get<string>(`/api/v1/aks/audits/${audit.id}/cases/export`);
      expect(exported.status).toBe(200);
      expect(exported.headers.get('content-type')).toContain('text/csv');
      expect(exported.body).toContain('1872014101240021');
      expect(exported.body).toContain('Laras Kinanti');
      expect(exported.body.split('\r\n')[0]).toBe(`kode_kasus,${aksColumns.join(',')}`);
      expect((await expert.get(`/api/v1/aks/audits/${audit.id}/cases/export`)).status).toBe(403);
      const [exports] = (await db.query(
        `SELECT count(*)::int AS n, count(a.step_up_at)::int AS stepped_up FROM aks_identity_access a
           JOIN aks_case c ON c.id = a.case_id WHERE c.audit_id = $1 AND a.purpose = 'ekspor'`,
        [audit.id],
      )) as { n: number; stepped_up: number }[];
      // Every exported case is logged, each with the step-up that allowed it.
      expect(exports).toEqual({ n: caseIds.length, stepped_up: caseIds.length });
    });

    const sameRegency = [
      'metro.ketua',
      'metro.sekretaris',
      'metro.dinkes',
      'metro.kepala-dinkes',
      'lampung.provinsi',
      'admin',
    ];
    const otherTenants = ['dumai.aks-teknis', 'dumai.aks-pakar', 'dumai.sekretaris', 'riau.provinsi'];

    it.each(sameRegency)('answers %s with aggregates only: no case list, no case, no export', async (username) => {
      const client = await as(username);
      expect((await client.get(`/api/v1/aks/audits/${audit.id}/cases`)).status).toBe(403);
      expect((await client.get(`/api/v1/aks/audits/${audit.id}/cases/export`)).status).toBe(403);
      for (const id of caseIds) expect((await client.get(`/api/v1/aks/cases/${id}`)).status).toBe(404);
      const view = await client.get<AuditView>(`/api/v1/aks/audits/${audit.id}`);
      expect(view.status).toBe(200);
      expect(view.body.recap.total.total).toBe(caseIds.length);
    });

    it.each(otherTenants)('answers %s as if the audit and its cases did not exist', async (username) => {
      const client = await as(username);
      for (const path of ['', '/cases', '/cases/export', '/recap', '/report', '/recommendations', '/team'])
        expect((await client.get(`/api/v1/aks/audits/${audit.id}${path}`)).status).toBe(404);
      for (const id of caseIds) expect((await client.get(`/api/v1/aks/cases/${id}`)).status).toBe(404);
      expect((await client.post(`/api/v1/aks/cases/${caseIds[0]}/sign-off`)).status).toBe(404);
    });

    it('shows no name or NIK to anyone outside the AKS teams through any endpoint, export or mail', async () => {
      const paths = [
        `/api/v1/aks/audits/${audit.id}`,
        `/api/v1/aks/audits/${audit.id}/recap`,
        `/api/v1/aks/audits/${audit.id}/report`,
        `/api/v1/aks/audits/${audit.id}/recommendations`,
        `/api/v1/aks/audits/${audit.id}/documents`,
        `/api/v1/aks/audits/${audit.id}/team`,
        `/api/v1/aks/audits/${audit.id}/cases`,
        `/api/v1/aks/audits/${audit.id}/cases/export`,
        ...caseIds.map((id) => `/api/v1/aks/cases/${id}`),
        '/api/v1/regencies/18.72/aks/audits',
        '/api/v1/regencies/18.72/aks/facts?year=2027&semester=1',
        `/api/v1/tasks/${followUpTaskId}`,
        '/api/v1/tasks',
        '/api/v1/regencies/18.72/dashboard',
      ];
      for (const username of [...sameRegency, ...otherTenants]) {
        const client = await as(username);
        for (const path of paths) {
          const response = await client.get(path);
          expect(response.status).toBeLessThan(500);
          const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? '');
          for (const secret of secrets) expect(`${username} ${path} ${text}`).not.toContain(secret);
        }
      }
      await stack.mail.waitFor((m) => m.text.includes(`/tugas/${followUpTaskId}`), 30_000);
      const mails = stack.mail.messages();
      expect(mails.some((m) => m.subject.startsWith('Tahap AKS dimulai'))).toBe(true);
      for (const mail of mails)
        for (const secret of secrets) expect(`${mail.subject}\n${mail.text}\n${mail.html ?? ''}`).not.toContain(secret);
      for (const secret of secrets) expect(stack.api.output()).not.toContain(secret);
    });

    it('answers bad input with 4xx in Indonesian and writes nothing', async () => {
      const before = await databaseFingerprint(db);
      const attempts = [
        await secretary.post('/api/v1/regencies/18.72/aks/audits', { year: 2027, semester: 3, templateCode: 'AKS' }),
        await secretary.post('/api/v1/regencies/18.72/aks/audits', { year: 2028, semester: 1, templateCode: 'XYZ' }),
        await secretary.post('/api/v1/regencies/18.72/aks/audits', {
          year: 2028,
          semester: 1,
          templateCode: 'AKS',
          x: 1,
        }),
        await technical.post('/api/v1/regencies/18.72/aks/audits', {
          year: 'dua ribu',
          semester: 1,
          templateCode: 'AKS',
        }),
        await technical.get('/api/v1/aks/audits/bukan-uuid'),
        await technical.get('/api/v1/regencies/18.72/aks/facts?year=2027'),
        await technical.post(`/api/v1/aks/cases/${caseIds[0]}/remeasurement`, {
          berat_badan: '=1+1',
          tinggi_badan: 70,
          tanggal_ukur: '2026-02-30',
        }),
        await technical.post(`/api/v1/aks/cases/${caseIds[0]}/monitoring`, {
          bulan: 13,
          berat_badan: 8,
          tinggi_badan: 70,
          tanggal_ukur: '2026-01-01',
        }),
        await expert.post(`/api/v1/aks/cases/${caseIds[1]}/sign-off`),
        await secretary.post(`/api/v1/aks/audits/${audit.id}/follow-up-plan`, {
          items: [{ recommendationId: caseIds[0], unitCode: 'DINKES', dueDate: workingDaysFromToday(3) }],
        }),
        await secretary.put(`/api/v1/aks/audits/${audit.id}/team`, {
          members: [
            { username: 'metro.aks-teknis', team: 'technical', lead: false },
            { username: 'metro.aks-pakar', team: 'expert', lead: true },
          ],
        }),
        await uploadFile(
          secretary,
          `/api/v1/aks/audits/${audit.id}/documents/AKS_TIDAK_ADA`,
          pdfBytes(),
          'x.pdf',
          'application/pdf',
        ),
        await uploadFile(
          secretary,
          `/api/v1/aks/audits/${audit.id}/documents/AKS_SK`,
          'bukan pdf',
          'x.pdf',
          'application/pdf',
        ),
      ];
      for (const response of attempts) {
        const body = response.body as { code?: unknown; message?: unknown };
        expect({
          status: response.status >= 400 && response.status < 500,
          code: typeof body.code,
          message: typeof body.message,
        }).toEqual({
          status: true,
          code: 'string',
          message: 'string',
        });
      }
      expect(await databaseFingerprint(db)).toEqual(before);
      const docs = await technical.get<{ paths: Record<string, unknown> }>('/api/docs-json');
      expect(Object.keys(docs.body.paths)).toEqual(
        expect.arrayContaining(['/api/v1/aks/audits/{id}/cases/import', '/api/v1/regencies/{code}/aks/facts']),
      );
    });

    it('still refuses to close a stage for the wrong stage code without writing anything', async () => {
      const before = await databaseFingerprint(db);
      const response = await completeStage(secretary, audit.id, 'AKS.T3');
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('AKS_STAGE_NOT_CURRENT');
      expect(await databaseFingerprint(db)).toEqual(before);
    });
  });
});
