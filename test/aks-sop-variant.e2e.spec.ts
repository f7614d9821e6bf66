import { ApiClient } from './support/api-client';
import { recordHistories } from './support/histories';
import {
  aksCsv,
  badutaRow,
  completeStage,
  startAudit,
  uploadFile,
  waitForStage,
  type AuditView,
} from './support/aks-fixtures';
import { pdfBytes, startFileStack, type FileStack } from './support/fixtures';
import { eventually } from './support/processes';
import { workingDaysFromToday } from './support/task-fixtures';

/** Half a second per day: the SOP's month of monitoring lasts 15 s, its three months 45 s. */
const secondsPerDay = 0.5;
const email = (username: string) => `${username}@demo.konvergensi.test`;

const people = [
  badutaRow({ nik: '1472014101240011', nama: 'Putri Maharani', kecamatan: 'Dumai Barat', kelurahan: 'Purnama' }),
  badutaRow({ nik: '1472011203240012', nama: 'Raka Saputra', kecamatan: 'Dumai Barat', kelurahan: 'Purnama' }),
];

describe('the AKS SOP variant: monthly monitoring of each case for three months and a second dissemination', () => {
  let stack: FileStack;
  let secretary: ApiClient;
  let chair: ApiClient;
  let technical: ApiClient;
  let expert: ApiClient;
  let audit: AuditView;
  let caseIds: string[] = [];

  beforeAll(async () => {
    stack = await startFileStack('aks-sop', {
      TIME_COMPRESSION_SECONDS_PER_DAY: String(secondsPerDay),
      MAIL_DISPATCH_INTERVAL_MS: '200',
      MAIL_RETRY_MAX_SECONDS: '2',
    });
    [secretary, chair, technical, expert] = await Promise.all(
      ['dumai.sekretaris', 'dumai.ketua', 'dumai.aks-teknis', 'dumai.aks-pakar'].map((u) =>
        ApiClient.as(stack.baseUrl, u),
      ),
    );
  });

  afterAll(async () => {
    // Replay fixtures of the AKS workflow (RECORD_HISTORIES=1), replayed by replay.e2e.spec.ts.
    await recordHistories({ 'aks-audit-sop-monitoring': 'aks:14.72:2026:2' });
    await stack?.stop();
  });

  it('walks the SOP template: its first stage reminds and goes overdue on durable timers while nobody acts', async () => {
    const templates = await technical.get<{ code: string; stages: { code: string }[] }[]>('/api/v1/aks/templates');
    expect(templates.body.find((t) => t.code === 'AKS_SOP')?.stages).toHaveLength(7);
    audit = await startAudit(technical, '14.72', { year: 2026, semester: 2, templateCode: 'AKS_SOP' });
    await waitForStage(technical, audit.id, 'AKS_SOP.T1');
    const overdue = await stack.mail.waitFor(
      (m) => m.subject.startsWith('Tahap AKS terlambat') && m.to.includes(email('dumai.sekretaris')),
      60_000,
    );
    expect(overdue.text).toContain('telah terlewati');
    const view = await technical.get<AuditView>(`/api/v1/aks/audits/${audit.id}`);
    expect(view.body.firedNotices).toEqual(['reminder', 'overdue']);
    expect(stack.mail.messages().some((m) => m.subject.startsWith('Pengingat tahap AKS'))).toBe(true);
  });

  it('selects and re-measures the cases, then needs the chair-approved RTL with follow-up tasks', async () => {
    expect((await completeStage(technical, audit.id, 'AKS_SOP.T2')).body.code).toBe('AKS_STAGE_NOT_CURRENT');
    const imported = await uploadFile<{ imported: number }>(
      technical,
      `/api/v1/aks/audits/${audit.id}/cases/import`,
      aksCsv(people),
      'kasus.csv',
      'text/csv',
    );
    expect(imported.body.imported).toBe(2);
    expect((await completeStage(technical, audit.id, 'AKS_SOP.T1')).status).toBe(200);
    await waitForStage(technical, audit.id, 'AKS_SOP.T2');

    const cases = await technical.get<{ id: string }[]>(`/api/v1/aks/audits/${audit.id}/cases`);
    caseIds = cases.body.map((c) => c.id);
    for (const id of caseIds)
      await technical.post(`/api/v1/aks/cases/${id}/remeasurement`, {
        berat_badan: 7.9,
        tinggi_badan: 70.1,
        tanggal_ukur: new Date().toISOString().slice(0, 10),
      });
    expect((await completeStage(technical, audit.id, 'AKS_SOP.T2')).status).toBe(200);
    await waitForStage(technical, audit.id, 'AKS_SOP.T3');

    for (const id of caseIds) {
      await expert.post(`/api/v1/aks/cases/${id}/analysis`, {
        findings: ['Panjang badan tidak bertambah'],
        causes: ['Infeksi berulang'],
        recommendations: ['Tata laksana infeksi dan pemberian makanan tambahan di puskesmas'],
      });
      expect((await expert.post(`/api/v1/aks/cases/${id}/sign-off`)).status).toBe(200);
    }
    const withoutPlan = await completeStage(technical, audit.id, 'AKS_SOP.T3');
    expect(withoutPlan.body.message).toContain('RTL');
    const recommendations = await technical.get<{ id: string }[]>(`/api/v1/aks/audits/${audit.id}/recommendations`);
    const plan = await technical.post<{ followUpTaskId: string }[]>(`/api/v1/aks/audits/${audit.id}/follow-up-plan`, {
      items: recommendations.body.map((r) => ({
        recommendationId: r.id,
        unitCode: 'DINKES',
        dueDate: workingDaysFromToday(10),
      })),
    });
    expect(plan.body.every((r) => r.followUpTaskId)).toBe(true);
    const approval = await uploadFile(
      technical,
      `/api/v1/aks/audits/${audit.id}/documents/AKS_SOP_PERSETUJUAN`,
      pdfBytes('RTL disetujui'),
      'persetujuan-rtl.pdf',
      'application/pdf',
    );
    expect(approval.status).toBe(201);
    expect((await completeStage(technical, audit.id, 'AKS_SOP.T3')).status).toBe(200);
    await waitForStage(technical, audit.id, 'AKS_SOP.T4');
    await uploadFile(
      technical,
      `/api/v1/aks/audits/${audit.id}/documents/AKS_SOP_DISEMINASI_1`,
      pdfBytes('BA 1'),
      'ba1.pdf',
      'application/pdf',
    );
    expect((await completeStage(technical, audit.id, 'AKS_SOP.T4')).status).toBe(200);
    await waitForStage(technical, audit.id, 'AKS_SOP.T5');
  });

  it('opens one monitoring month after another on timers and closes only after three months of records per case', async () => {
    const early = await technical.post<{ code: string }>(`/api/v1/aks/cases/${caseIds[0]}/monitoring`, {
      bulan: 1,
      berat_badan: 8,
      tinggi_badan: 71,
      tanggal_ukur: new Date().toISOString().slice(0, 10),
    });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('AKS_MONITORING_MONTH_NOT_OPEN');
    const tooSoon = await completeStage(technical, audit.id, 'AKS_SOP.T5');
    expect(tooSoon.body.message).toContain('baru berjalan 0 dari 3 bulan');

    const refusals: string[] = [];
    for (const month of [1, 2, 3]) {
      await stack.mail.waitFor(
        (m) => m.subject.startsWith(`Pemantauan AKS bulan ke-${month}`) && m.to.includes(email('dumai.aks-teknis')),
        60_000,
      );
      await eventually(async () => {
        const view = await technical.get<AuditView>(`/api/v1/aks/audits/${audit.id}`);
        return (view.body.stages.find((s) => s.code === 'AKS_SOP.T5')?.monthsOpen ?? 0) >= month ? true : undefined;
      });
      // Before the third month has run, the stage cannot close even with every record present.
      if (month < 3) refusals.push((await completeStage(technical, audit.id, 'AKS_SOP.T5')).body.code ?? '');
      for (const id of caseIds) {
        const recorded = await technical.post(`/api/v1/aks/cases/${id}/monitoring`, {
          bulan: month,
          berat_badan: 8 + month * 0.2,
          tinggi_badan: 71 + month,
          tanggal_ukur: new Date().toISOString().slice(0, 10),
        });
        expect(recorded.status).toBe(200);
      }
    }
    expect(refusals).toEqual(['AKS_STAGE_OUTPUT_MISSING', 'AKS_STAGE_OUTPUT_MISSING']);
    expect((await completeStage(technical, audit.id, 'AKS_SOP.T5')).status).toBe(200);
    await waitForStage(technical, audit.id, 'AKS_SOP.T6');
  });

  it('runs the second dissemination and the report, and counts the audit once in the facts', async () => {
    expect((await completeStage(secretary, audit.id, 'AKS_SOP.T6')).body.message).toContain('diseminasi kedua');
    await uploadFile(
      secretary,
      `/api/v1/aks/audits/${audit.id}/documents/AKS_SOP_DISEMINASI_2`,
      pdfBytes('BA 2'),
      'ba2.pdf',
      'application/pdf',
    );
    expect((await completeStage(secretary, audit.id, 'AKS_SOP.T6')).status).toBe(200);
    await waitForStage(secretary, audit.id, 'AKS_SOP.T7');
    await secretary.post(`/api/v1/aks/audits/${audit.id}/report/compile`);
    await chair.post(`/api/v1/aks/audits/${audit.id}/report/approve`);
    await secretary.post(`/api/v1/aks/audits/${audit.id}/report/submit`);
    expect((await completeStage(secretary, audit.id, 'AKS_SOP.T7')).status).toBe(200);
    const done = await waitForStage(secretary, audit.id, null);
    expect(done.stages.map((s) => s.code)).toEqual([
      'AKS_SOP.T1',
      'AKS_SOP.T2',
      'AKS_SOP.T3',
      'AKS_SOP.T4',
      'AKS_SOP.T5',
      'AKS_SOP.T6',
      'AKS_SOP.T7',
    ]);
    expect(done.stages.every((s) => s.status === 'done')).toBe(true);
    const facts = await chair.get('/api/v1/regencies/14.72/aks/facts?year=2026&semester=2');
    expect(facts.body).toEqual({ hasAuditTeam: false, auditsHeld: 1, auditsFollowedUp: 1, auditsDisseminated: 1 });
  });
});
