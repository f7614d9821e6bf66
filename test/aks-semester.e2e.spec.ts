import type { CaughtMail } from '@konvergensi/mail-catcher';
import type { DataSource } from 'typeorm';
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
import { openDatabase, pdfBytes, startFileStack, type FileStack } from './support/fixtures';
import { spawnSync } from 'node:child_process';
import { testEnvironment } from './support/environment';
import { eventually } from './support/processes';
import { workingDaysFromToday } from './support/task-fixtures';

/** Two seconds per real day, as the task lifecycle tests: a ladder of two weeks in half a minute. */
const secondsPerDay = 2;
/** A workflow's history as the Temporal CLI prints it, with every payload decoded. */
function historyText(workflowId: string): string {
  const { temporalBinary, temporalAddress } = testEnvironment();
  const shown = spawnSync(
    temporalBinary,
    ['workflow', 'show', '--workflow-id', workflowId, '--address', temporalAddress, '--output', 'json'],
    { encoding: 'utf8' },
  );
  if (shown.status !== 0) throw new Error(`reading the history of ${workflowId} failed: ${shown.stderr}`);
  const payloads = [...shown.stdout.matchAll(/"data":\s*"([A-Za-z0-9+/=]+)"/g)].map((m) =>
    Buffer.from(m[1] ?? '', 'base64').toString('utf8'),
  );
  return `${shown.stdout}\n${payloads.join('\n')}`;
}

const email = (username: string) => `${username}@demo.konvergensi.test`;

const people = [
  badutaRow({ nik: '1872014101240003', nama: 'Sekar Ayuningtyas' }),
  badutaRow({ nik: '1872015203240007', nama: 'Bagas Pranowo', kecamatan: 'Metro Barat', kelurahan: 'Mulyojati' }),
];

describe('a whole AKS semester with the default template (003: five stages) on the real server', () => {
  let stack: FileStack;
  let db: DataSource;
  let secretary: ApiClient;
  let chair: ApiClient;
  let technical: ApiClient;
  let expert: ApiClient;
  let audit: AuditView;
  let ladderBefore: unknown;
  const followUpTasks: string[] = [];

  beforeAll(async () => {
    stack = await startFileStack('aks-semester', {
      TIME_COMPRESSION_SECONDS_PER_DAY: String(secondsPerDay),
      MAIL_DISPATCH_INTERVAL_MS: '200',
      MAIL_RETRY_MAX_SECONDS: '2',
    });
    db = await openDatabase();
    [secretary, chair, technical, expert] = await Promise.all(
      ['metro.sekretaris', 'metro.ketua', 'metro.aks-teknis', 'metro.aks-pakar'].map((u) =>
        ApiClient.as(stack.baseUrl, u),
      ),
    );
    ladderBefore = (await secretary.get('/api/v1/regencies/18.72/escalation-settings')).body;
    const settings = await secretary.put('/api/v1/regencies/18.72/escalation-settings', {
      ladder: { reminderWorkingDaysBefore: [1], secretaryAfterWorkingDays: 2, chairAfterWorkingDays: 4 },
      escalationDelivery: 'immediate',
      digestTime: '23:59:59',
      unitDigestEnabled: false,
    });
    if (settings.status !== 200) throw new Error(`setting the ladder failed: ${JSON.stringify(settings.body)}`);
  });

  afterAll(async () => {
    // Replay fixtures of the AKS workflow (RECORD_HISTORIES=1), replayed by replay.e2e.spec.ts.
    await recordHistories({ 'aks-audit-five-stages': 'aks:18.72:2026:1' });
    // Other files expect Metro's own ladder.
    const { ladder, escalationDelivery, digestTime, unitDigestEnabled } = (ladderBefore ?? {}) as Record<
      string,
      unknown
    >;
    if (ladder)
      await secretary.put('/api/v1/regencies/18.72/escalation-settings', {
        ladder,
        escalationDelivery,
        digestTime,
        unitDigestEnabled,
      });
    await stack?.stop();
    await db?.destroy();
  });

  it('starts the audit as a workflow per regency, year and semester, and opens the team-formation stage', async () => {
    audit = await startAudit(secretary, '18.72', { year: 2026, semester: 1, templateCode: 'AKS' });
    const opened = await waitForStage(secretary, audit.id, 'AKS.T1');
    expect(opened.status).toBe('running');
    expect(opened.stages[0]?.dueAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const again = await secretary.post<{ code: string }>('/api/v1/regencies/18.72/aks/audits', {
      year: 2026,
      semester: 1,
      templateCode: 'AKS',
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('AKS_AUDIT_EXISTS');
    const [row] = (await db.query(`SELECT workflow_id FROM aks_audit WHERE id = $1`, [audit.id])) as {
      workflow_id: string;
    }[];
    expect(row?.workflow_id).toBe('aks:18.72:2026:1');
    await stack.mail.waitFor(
      (m) => m.subject.startsWith('Tahap AKS dimulai') && m.to.includes(email('metro.sekretaris')),
    );
  });

  it('refuses to close stage 1 until the SK Tim AKS is uploaded and both teams are on the roster', async () => {
    const early = await completeStage(secretary, audit.id, 'AKS.T1');
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('AKS_STAGE_OUTPUT_MISSING');
    expect(early.body.message).toContain('SK Tim AKS');
    expect(early.body.message).toContain('Tim Pakar');

    const sk = await uploadFile(
      secretary,
      `/api/v1/aks/audits/${audit.id}/documents/AKS_SK`,
      pdfBytes('SK'),
      'sk-tim-aks.pdf',
      'application/pdf',
    );
    expect(sk.status).toBe(201);
    const team = await secretary.put<{ username: string; lead: boolean }[]>(`/api/v1/aks/audits/${audit.id}/team`, {
      members: [
        { username: 'metro.aks-teknis', team: 'technical', lead: true },
        { username: 'metro.aks-pakar', team: 'expert', specialty: 'Dokter spesialis anak' },
      ],
    });
    expect(team.status).toBe(200);
    expect(team.body.find((m) => m.lead)?.username).toBe('metro.aks-teknis');
    const notAnAccount = await secretary.put<{ code: string }>(`/api/v1/aks/audits/${audit.id}/team`, {
      members: [
        { username: 'metro.dinkes', team: 'technical', lead: true },
        { username: 'metro.aks-pakar', team: 'expert' },
      ],
    });
    expect(notAnAccount.status).toBe(400);
    expect(notAnAccount.body.code).toBe('AKS_TEAM_INVALID');

    const done = await completeStage(secretary, audit.id, 'AKS.T1');
    expect(done.status).toBe(200);
    expect(done.body.completedStages).toEqual(['AKS.T1']);
    await waitForStage(secretary, audit.id, 'AKS.T2');
  });

  it('imports the candidate cases, refuses stage 2 until they are re-measured, and shows the recap', async () => {
    const imported = await uploadFile<{ imported: number; rejected: number }>(
      technical,
      `/api/v1/aks/audits/${audit.id}/cases/import`,
      aksCsv(people),
      'kasus.csv',
      'text/csv',
    );
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ imported: 2, rejected: 0 });
    const notYet = await completeStage(technical, audit.id, 'AKS.T2');
    expect(notYet.status).toBe(409);
    expect(notYet.body.message).toContain('2 dari 2 kasus belum diukur ulang');

    const cases = await technical.get<{ id: string }[]>(`/api/v1/aks/audits/${audit.id}/cases`);
    expect(cases.body).toHaveLength(2);
    for (const c of cases.body) {
      const measured = await technical.post(`/api/v1/aks/cases/${c.id}/remeasurement`, {
        berat_badan: '7,6',
        tinggi_badan: 70,
        tanggal_ukur: new Date().toISOString().slice(0, 10),
      });
      expect(measured.status).toBe(200);
    }
    const view = await secretary.get<AuditView>(`/api/v1/aks/audits/${audit.id}`);
    expect(view.body.recap.rows.map((r) => [r.kecamatan, r.counts.baduta])).toEqual([
      ['Metro Pusat', 1],
      ['Metro Barat', 1],
    ]);
    expect(view.body.recap.total.total).toBe(2);
    expect((await completeStage(technical, audit.id, 'AKS.T2')).status).toBe(200);
    await waitForStage(secretary, audit.id, 'AKS.T3');
  });

  it('needs findings, causes, recommendations and the experts sign-off on every case to close stage 3', async () => {
    const cases = await expert.get<{ id: string }[]>(`/api/v1/aks/audits/${audit.id}/cases`);
    const [first, second] = cases.body;
    const leak = await technical.post<{ code: string }>(`/api/v1/aks/cases/${first?.id}/analysis`, {
      findings: ['Berat badan tidak naik dua bulan'],
      causes: ['Asupan protein hewani kurang'],
      recommendations: ['Kunjungi Sekar Ayuningtyas setiap minggu'],
    });
    expect(leak.status).toBe(400);
    expect(leak.body.code).toBe('AKS_TEXT_CONTAINS_IDENTITY');
    for (const [c, recommendation] of [
      [first, 'Pemberian makanan tambahan berbasis pangan lokal selama 90 hari'],
      [second, 'Pendampingan keluarga dan bantuan sosial keluarga berisiko stunting'],
    ] as const) {
      const analysed = await technical.post(`/api/v1/aks/cases/${c?.id}/analysis`, {
        findings: ['Tinggi badan menurut umur di bawah -2 SD'],
        causes: ['Pola asuh dan asupan gizi kurang'],
        recommendations: [recommendation],
      });
      expect(analysed.status).toBe(200);
    }
    const unsigned = await completeStage(technical, audit.id, 'AKS.T3');
    expect(unsigned.status).toBe(409);
    expect(unsigned.body.message).toContain('belum disetujui Tim Pakar');
    expect((await technical.post(`/api/v1/aks/cases/${first?.id}/sign-off`)).status).toBe(403);
    for (const c of cases.body) expect((await expert.post(`/api/v1/aks/cases/${c.id}/sign-off`)).status).toBe(200);
    expect((await completeStage(technical, audit.id, 'AKS.T3')).status).toBe(200);
    await waitForStage(secretary, audit.id, 'AKS.T4');
  });

  it('turns the two accepted recommendations into follow-up tasks for units, then closes the dissemination', async () => {
    const recommendations = await secretary.get<{ id: string; text: string }[]>(
      `/api/v1/aks/audits/${audit.id}/recommendations`,
    );
    expect(recommendations.body).toHaveLength(2);
    const due = workingDaysFromToday(2);
    const plan = await secretary.post<{ followUpTaskId: string | null; accepted: boolean }[]>(
      `/api/v1/aks/audits/${audit.id}/follow-up-plan`,
      {
        items: [
          { recommendationId: recommendations.body[0]?.id, unitCode: 'DINKES', dueDate: due },
          { recommendationId: recommendations.body[1]?.id, unitCode: 'DINSOS', dueDate: due },
        ],
      },
    );
    expect(plan.status).toBe(200);
    expect(plan.body.every((r) => r.accepted && r.followUpTaskId)).toBe(true);
    followUpTasks.push(...plan.body.map((r) => r.followUpTaskId as string));
    const repeated = await secretary.post<{ followUpTaskId: string }[]>(
      `/api/v1/aks/audits/${audit.id}/follow-up-plan`,
      {
        items: [{ recommendationId: recommendations.body[0]?.id, unitCode: 'DINKES', dueDate: due }],
      },
    );
    expect(repeated.body.map((r) => r.followUpTaskId).sort()).toEqual([...followUpTasks].sort());
    const tasks = (await db.query(`SELECT kind, workflow_id FROM task WHERE id = ANY($1)`, [followUpTasks])) as {
      kind: string;
      workflow_id: string;
    }[];
    expect(tasks.map((t) => t.kind)).toEqual(['aks_follow_up', 'aks_follow_up']);

    const missingMinutes = await completeStage(secretary, audit.id, 'AKS.T4');
    expect(missingMinutes.status).toBe(409);
    expect(missingMinutes.body.message).toContain('Berita acara diseminasi');
    const minutes = await uploadFile(
      secretary,
      `/api/v1/aks/audits/${audit.id}/documents/AKS_DISEMINASI`,
      pdfBytes('BA'),
      'ba.pdf',
      'application/pdf',
    );
    expect(minutes.status).toBe(201);
    expect((await completeStage(secretary, audit.id, 'AKS.T4')).status).toBe(200);
    await waitForStage(secretary, audit.id, 'AKS.T5');
  });

  it('compiles, approves and submits the report to the provincial TPPS, which closes the audit', async () => {
    expect((await completeStage(secretary, audit.id, 'AKS.T5')).body.code).toBe('AKS_STAGE_OUTPUT_MISSING');
    expect((await chair.post(`/api/v1/aks/audits/${audit.id}/report/approve`)).status).toBe(409);
    const compiled = await secretary.post<{
      report: { recap: { total: { total: number } }; followUpTasks: unknown[] };
    }>(`/api/v1/aks/audits/${audit.id}/report/compile`);
    expect(compiled.status).toBe(200);
    expect(compiled.body.report.recap.total.total).toBe(2);
    expect(compiled.body.report.followUpTasks).toHaveLength(2);
    expect((await secretary.post(`/api/v1/aks/audits/${audit.id}/report/approve`)).status).toBe(403);
    expect((await chair.post(`/api/v1/aks/audits/${audit.id}/report/approve`)).status).toBe(200);
    expect((await secretary.post(`/api/v1/aks/audits/${audit.id}/report/submit`)).status).toBe(200);
    expect((await completeStage(secretary, audit.id, 'AKS.T5')).status).toBe(200);
    const done = await waitForStage(secretary, audit.id, null);
    expect(done.stages.map((s) => s.status)).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(done.reportStatus).toBe('submitted');
    // The submission starts the retention period of the identities: two years by default.
    const submitted = done as typeof done & { reportSubmittedAt: string; identityErasureDueAt: string };
    expect(Date.now() - new Date(submitted.reportSubmittedAt).getTime()).toBeLessThan(10 * 60_000);
    const due = new Date(submitted.reportSubmittedAt);
    due.setUTCMonth(due.getUTCMonth() + 24);
    expect(submitted.identityErasureDueAt).toBe(due.toISOString());
    const late = await uploadFile<{ code: string }>(
      technical,
      `/api/v1/aks/audits/${audit.id}/cases/import`,
      aksCsv(people),
      'kasus.csv',
      'text/csv',
    );
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('AKS_AUDIT_COMPLETED');
  });

  it('derives the audit facts of the semester report from the records', async () => {
    const facts = await chair.get('/api/v1/regencies/18.72/aks/facts?year=2026&semester=1');
    expect(facts.status).toBe(200);
    expect(facts.body).toEqual({ hasAuditTeam: true, auditsHeld: 1, auditsFollowedUp: 1, auditsDisseminated: 1 });
    const otherYear = await chair.get('/api/v1/regencies/18.72/aks/facts?year=2025&semester=2');
    expect(otherYear.body).toEqual({ hasAuditTeam: false, auditsHeld: 0, auditsFollowedUp: 0, auditsDisseminated: 0 });
  });

  it('escalates both follow-up tasks to the secretary and the chair when the units are late', async () => {
    const escalated = (taskId: string, subject: string, to: string) =>
      stack.mail.waitFor(
        (m) => m.text.includes(`/tugas/${taskId}`) && m.subject.startsWith(subject) && m.to.includes(to),
        120_000,
      );
    for (const taskId of followUpTasks) {
      await escalated(taskId, 'Terlambat', email(taskId === followUpTasks[0] ? 'metro.dinkes' : 'metro.dinsos'));
      await escalated(taskId, 'Eskalasi ke Sekretaris TPPS', email('metro.sekretaris'));
      await escalated(taskId, 'Eskalasi ke Ketua TPPS', email('metro.ketua'));
    }
    for (const taskId of followUpTasks) {
      const detail = await eventually(async () => {
        const response = await secretary.get<{ kind: string; escalationLevel: number; events: { kind: string }[] }>(
          `/api/v1/tasks/${taskId}`,
        );
        return response.body.escalationLevel === 4 ? response.body : undefined;
      }, 30_000);
      expect(detail.kind).toBe('aks_follow_up');
      expect(detail.events.map((e) => e.kind)).toEqual(
        expect.arrayContaining(['created', 'ladder_overdue', 'ladder_secretary', 'ladder_chair']),
      );
    }
  });

  it('never puts a name or NIK of a case into a mail, a log line or the workflow history', async () => {
    const secrets = people.flatMap((p) => [p.nik, p.nama]);
    const mails: CaughtMail[] = stack.mail.messages();
    expect(mails.length).toBeGreaterThan(5);
    for (const mail of mails)
      for (const secret of secrets) expect(`${mail.subject}\n${mail.text}\n${mail.html ?? ''}`).not.toContain(secret);
    for (const secret of secrets) {
      expect(stack.api.output()).not.toContain(secret);
      expect(stack.worker.output()).not.toContain(secret);
    }
    const histories = [historyText('aks:18.72:2026:1'), ...followUpTasks.map((id) => historyText(`task:${id}`))];
    expect(histories[0]).toContain('AKS.T5');
    for (const history of histories) for (const secret of secrets) expect(history).not.toContain(secret);
    const stored = (await db.query(
      `SELECT identity_ciphertext::text AS c, nik_hash FROM aks_case c JOIN aks_audit a ON a.id = c.audit_id WHERE a.id = $1`,
      [audit.id],
    )) as { c: string; nik_hash: string }[];
    for (const row of stored)
      for (const secret of secrets) {
        expect(Buffer.from(row.c.replace(/^\\x/, ''), 'hex').toString('latin1')).not.toContain(secret);
        expect(row.nik_hash).not.toContain(secret);
      }
  });
});
