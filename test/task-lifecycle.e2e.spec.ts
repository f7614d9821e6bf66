import { startMailCatcher, type CaughtMail, type MailCatcher } from '@konvergensi/mail-catcher';
import { createDataSource } from '@konvergensi/persistence';
import { addWorkingDays, indonesianWorkingDayRules } from '@konvergensi/domain';
import type { DataSource } from 'typeorm';
import { ApiClient } from './support/api-client';
import { recordHistories } from './support/histories';
import { testEnvironment } from './support/environment';
import { eventually, freePort, startApp } from './support/processes';
import { startStack, type Stack } from './support/stack';
import {
  compressedToday as compressedTodayOf,
  createAdHocTask,
  idempotencyKey,
  workingDaysFromToday,
} from './support/task-fixtures';
import { join } from 'node:path';

/** Two seconds per real day: a ladder of two weeks plays out in about half a minute. */
const secondsPerDay = 2;

const email = (username: string) => `${username}@demo.konvergensi.test`;
const unitDinkes = email('metro.dinkes');

describe('task lifecycle on the real Temporal server, PostgreSQL and SMTP', () => {
  let mail: MailCatcher;
  let smtpPort: number;
  let stack: Stack;
  let db: DataSource;
  let secretary: ApiClient;
  let officer: ApiClient;

  const mailsOf = (taskId: string): CaughtMail[] => mail.messages().filter((m) => m.text.includes(`/tugas/${taskId}`));
  const subjectsTo = (taskId: string, address: string) =>
    mailsOf(taskId)
      .filter((m) => m.to.includes(address))
      .map((m) => m.subject);
  const waitForMail = (taskId: string, subjectStart: string, address: string, timeoutMs = 90_000) =>
    mail.waitFor(
      (m) => m.text.includes(`/tugas/${taskId}`) && m.subject.startsWith(subjectStart) && m.to.includes(address),
      timeoutMs,
    );

  beforeAll(async () => {
    smtpPort = await freePort();
    mail = await startMailCatcher({ port: smtpPort });
    stack = await startStack({
      name: 'task-lifecycle',
      smtpPort,
      extraEnv: {
        TIME_COMPRESSION_SECONDS_PER_DAY: String(secondsPerDay),
        MAIL_DISPATCH_INTERVAL_MS: '200',
        MAIL_RETRY_MAX_SECONDS: '2',
      },
    });
    db = await createDataSource({ url: testEnvironment().databaseUrl }).initialize();
    secretary = await ApiClient.as(stack.baseUrl, 'metro.sekretaris');
    officer = await ApiClient.as(stack.baseUrl, 'metro.dinkes');
    const settings = await secretary.put<{ escalationDelivery: string }>(
      '/api/v1/regencies/18.72/escalation-settings',
      {
        ladder: { reminderWorkingDaysBefore: [3], secretaryAfterWorkingDays: 3, chairAfterWorkingDays: 7 },
        escalationDelivery: 'immediate',
        digestTime: '23:59:59',
        unitDigestEnabled: false,
      },
    );
    if (settings.status !== 200) throw new Error(`setting the ladder failed: ${JSON.stringify(settings.body)}`);
  });

  const finished: Record<string, string> = {};

  afterAll(async () => {
    await recordHistories(finished);
    await stack?.stop();
    await mail?.stop();
    await db?.destroy();
  });

  it('sends the reminder, the overdue notice and each escalation in order, to the right people, exactly once', async () => {
    const task = await createAdHocTask(secretary, 'Data cakupan Tabel 1.1 (tangga eskalasi)', workingDaysFromToday(5));
    expect(task.status).toBe('open');
    await waitForMail(task.id, 'Tugas baru', unitDinkes);
    await waitForMail(task.id, 'Pengingat', unitDinkes);
    await waitForMail(task.id, 'Terlambat', unitDinkes);
    await waitForMail(task.id, 'Terlambat', email('metro.kepala-dinkes'));
    await waitForMail(task.id, 'Eskalasi ke Sekretaris TPPS', email('metro.sekretaris'));
    await waitForMail(task.id, 'Eskalasi ke Ketua TPPS', email('metro.ketua'));

    expect(subjectsTo(task.id, unitDinkes).map((s) => s.split(':')[0])).toEqual([
      'Tugas baru',
      'Pengingat',
      'Terlambat',
    ]);
    expect(subjectsTo(task.id, email('metro.kepala-dinkes')).map((s) => s.split(':')[0])).toEqual(['Terlambat']);
    expect(subjectsTo(task.id, email('metro.sekretaris')).map((s) => s.split(':')[0])).toEqual([
      'Eskalasi ke Sekretaris TPPS',
    ]);
    expect(subjectsTo(task.id, email('metro.ketua')).map((s) => s.split(':')[0])).toEqual(['Eskalasi ke Ketua TPPS']);
    const order = mailsOf(task.id).map((m) => m.subject.split(':')[0]);
    expect(order.indexOf('Pengingat')).toBeLessThan(order.indexOf('Terlambat'));
    expect(order.indexOf('Terlambat')).toBeLessThan(order.indexOf('Eskalasi ke Sekretaris TPPS'));
    expect(order.indexOf('Eskalasi ke Sekretaris TPPS')).toBeLessThan(order.indexOf('Eskalasi ke Ketua TPPS'));

    const assigned = mailsOf(task.id).find((m) => m.subject.startsWith('Tugas baru'));
    expect(assigned?.attachments.some((a) => a.filename === 'batas-waktu.ics')).toBe(true);
    expect(assigned?.text).toMatch(/pukul 23\.59 WIB|pukul \d{2}\.\d{2} WIB/);

    const detail = await secretary.get<{ escalationLevel: number; events: { kind: string }[] }>(
      `/api/v1/tasks/${task.id}`,
    );
    expect(detail.body.escalationLevel).toBe(4);
    await secretary.post(`/api/v1/tasks/${task.id}/cancel`, { reason: 'Selesai diuji' }, idempotencyKey());
    finished['task-full-ladder-cancelled'] = `task:${task.id}`;
    expect(detail.body.events.map((e) => e.kind)).toEqual([
      'created',
      'ladder_reminder',
      'ladder_overdue',
      'ladder_secretary',
      'ladder_chair',
    ]);
  });

  it('stops the ladder when the task is submitted and approved, and answers a repeated click with the same state', async () => {
    const task = await createAdHocTask(secretary, 'Notulen rapat koordinasi (disetujui)', workingDaysFromToday(8));
    const key = idempotencyKey();
    const first = await officer.post<{ status: string; submissions: number }>(
      `/api/v1/tasks/${task.id}/submit`,
      { note: 'Terlampir' },
      key,
    );
    const again = await officer.post<{ status: string; submissions: number }>(
      `/api/v1/tasks/${task.id}/submit`,
      { note: 'Terlampir' },
      key,
    );
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'submitted', submissions: 1 });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);

    const conflicting = await officer.post<{ code: string; message: string }>(
      `/api/v1/tasks/${task.id}/submit`,
      {},
      idempotencyKey(),
    );
    expect(conflicting.status).toBe(409);
    expect(conflicting.body.code).toBe('TASK_STATE_CONFLICT');
    expect(conflicting.body.message).toContain('sudah dikirim');

    const approveKey = idempotencyKey();
    const approved = await secretary.post<{ status: string }>(`/api/v1/tasks/${task.id}/approve`, {}, approveKey);
    expect(approved.body.status).toBe('approved');
    await waitForMail(task.id, 'Disetujui', unitDinkes);
    const repeated = await secretary.post<{ status: string }>(`/api/v1/tasks/${task.id}/approve`, {}, approveKey);
    expect(repeated.status).toBe(200);
    expect(repeated.body.status).toBe('approved');

    // Well past where the overdue notice would have been: nothing from the ladder.
    await new Promise((resolve) => setTimeout(resolve, 14 * secondsPerDay * 1000));
    expect(subjectsTo(task.id, unitDinkes).map((s) => s.split(':')[0])).toEqual(['Tugas baru', 'Disetujui']);
    const events = (await db.query(`SELECT kind FROM task_event WHERE task_id = $1 ORDER BY occurred_at`, [
      task.id,
    ])) as { kind: string }[];
    expect(events.map((e) => e.kind)).toEqual(['created', 'submitted', 'approved']);
    expect(await db.query(`SELECT count(*)::int AS n FROM submission WHERE task_id = $1`, [task.id])).toEqual([
      { n: 1 },
    ]);
    finished['task-submitted-approved'] = `task:${task.id}`;
  });

  /**
   * The API's compressed "today". The compressed clock starts with the API process and runs
   * 43 200 times fast, so a test late in the file must count due days from where the clock is,
   * not from the calendar's today: derived from where the API placed a probe task's due instant.
   */
  const compressedToday = (): Promise<string> => compressedTodayOf(secretary, secondsPerDay);

  it('moves every later step when an extension is approved', async () => {
    // Due days counted from the compressed today: the decision lands well before the original
    // overdue notice however long the file has been running.
    const today = await compressedToday();
    const rules = indonesianWorkingDayRules();
    const originalDue = addWorkingDays(today, 8, rules);
    const requestedDue = addWorkingDays(today, 12, rules);
    const task = await createAdHocTask(secretary, 'Rekap data sasaran (perpanjangan)', originalDue);
    const requested = await officer.post<{ pendingExtension: { requestedDueDate: string } }>(
      `/api/v1/tasks/${task.id}/extension-requests`,
      { requestedDueDate: requestedDue, reason: 'Menunggu data puskesmas' },
      idempotencyKey(),
    );
    expect(requested.status).toBe(200);
    await waitForMail(task.id, 'Permintaan perpanjangan', email('metro.sekretaris'));
    const decided = await secretary.post<{ dueDate: string; pendingExtension: unknown }>(
      `/api/v1/tasks/${task.id}/extension-requests/decision`,
      { approve: true },
      idempotencyKey(),
    );
    expect(decided.body).toMatchObject({ dueDate: requestedDue, pendingExtension: null });
    await waitForMail(task.id, 'Perpanjangan disetujui', unitDinkes);

    const detail = await secretary.get<{ dueAt: string }>(`/api/v1/tasks/${task.id}`);
    const overdue = await waitForMail(task.id, 'Terlambat', unitDinkes);
    expect(new Date(overdue.receivedAt).getTime()).toBeGreaterThanOrEqual(new Date(detail.body.dueAt).getTime() - 500);
    expect(subjectsTo(task.id, unitDinkes).filter((s) => s.startsWith('Terlambat'))).toHaveLength(1);
    const cancelled = await secretary.post<{ status: string }>(
      `/api/v1/tasks/${task.id}/cancel`,
      { reason: 'Selesai diuji' },
      idempotencyKey(),
    );
    expect(cancelled.body.status).toBe('cancelled');
    finished['task-extension-approved'] = `task:${task.id}`;
  });

  it('holds the ladder while a submission waits and resumes it when the submission is returned', async () => {
    const task = await createAdHocTask(secretary, 'Dokumen RKA (dikembalikan)', workingDaysFromToday(3));
    await officer.post(`/api/v1/tasks/${task.id}/submit`, { note: 'Versi 1' }, idempotencyKey());
    const dueAt = new Date(task.dueAt).getTime();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, dueAt - Date.now()) + 2000));
    expect(subjectsTo(task.id, unitDinkes).filter((s) => s.startsWith('Terlambat'))).toHaveLength(0);

    const returned = await secretary.post<{ status: string }>(
      `/api/v1/tasks/${task.id}/return`,
      { reason: 'Lampiran belum lengkap' },
      idempotencyKey(),
    );
    expect(returned.body.status).toBe('returned');
    const notice = await waitForMail(task.id, 'Dikembalikan', unitDinkes);
    expect(notice.text).toContain('Lampiran belum lengkap');
    await waitForMail(task.id, 'Terlambat', unitDinkes);
    await secretary.post(`/api/v1/tasks/${task.id}/cancel`, { reason: 'Selesai diuji' }, idempotencyKey());
    finished['task-returned-resumed'] = `task:${task.id}`;
  });

  it('loses no step and repeats none when the worker is killed in the middle of the ladder', async () => {
    // Counted from the compressed today, so the reminder comes first and the worker dies between steps.
    const dueDate = addWorkingDays(await compressedToday(), 5, indonesianWorkingDayRules());
    const task = await createAdHocTask(secretary, 'Data e-PPGBM (pekerja dimatikan)', dueDate);
    await waitForMail(task.id, 'Pengingat', unitDinkes);
    // Between two steps: the reminder is delivered and recorded as sent. (A crash inside the SMTP
    // exchange itself can resend it once with the same Message-ID: SMTP has no idempotency key.)
    await eventually(
      async () => {
        const rows = (await db.query(
          `SELECT count(*)::int AS n FROM mail_outbox WHERE task_id = $1 AND category = 'task_reminder' AND status = 'sent'`,
          [task.id],
        )) as { n: number }[];
        return rows[0]?.n ? true : undefined;
      },
      10_000,
      'the reminder to be recorded as sent',
    );
    await stack.worker.kill();
    await new Promise((resolve) => setTimeout(resolve, 4 * secondsPerDay * 1000));
    const worker = startApp('worker', stack.env, join(testEnvironment().workDir, 'task-lifecycle-worker-2.log'));
    try {
      await waitForMail(task.id, 'Eskalasi ke Ketua TPPS', email('metro.ketua'));
      await eventually(async () => (mailsOf(task.id).length >= 6 ? true : undefined), 20_000, 'all ladder mails');
      expect(subjectsTo(task.id, unitDinkes).map((s) => s.split(':')[0])).toEqual([
        'Tugas baru',
        'Pengingat',
        'Terlambat',
      ]);
      expect(subjectsTo(task.id, email('metro.sekretaris'))).toHaveLength(1);
      expect(subjectsTo(task.id, email('metro.ketua'))).toHaveLength(1);
      const events = (await db.query(
        `SELECT kind, count(*)::int AS n FROM task_event WHERE task_id = $1 GROUP BY kind ORDER BY kind`,
        [task.id],
      )) as { kind: string; n: number }[];
      expect(events.every((e) => e.n === 1)).toBe(true);
    } finally {
      stack.worker = worker;
    }
  });

  it('delivers every mail once after SMTP has been down for a while', async () => {
    const task = await createAdHocTask(secretary, 'Laporan PMT (SMTP mati)', workingDaysFromToday(3));
    await waitForMail(task.id, 'Tugas baru', unitDinkes);
    await mail.stop();
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, new Date(task.dueAt).getTime() - Date.now()) + 3000),
    );
    const pending = (await db.query(
      `SELECT count(*)::int AS n FROM mail_outbox WHERE task_id = $1 AND status = 'pending'`,
      [task.id],
    )) as { n: number }[];
    expect(pending[0]?.n).toBeGreaterThan(0);
    mail = await startMailCatcher({ port: smtpPort, initial: mail.messages() });
    await waitForMail(task.id, 'Terlambat', unitDinkes, 30_000);
    await eventually(
      async () => {
        const rows = (await db.query(
          `SELECT count(*)::int AS n FROM mail_outbox WHERE task_id = $1 AND status <> 'sent'`,
          [task.id],
        )) as { n: number }[];
        return rows[0]?.n === 0 ? true : undefined;
      },
      30_000,
      'the outbox to drain',
    );
    const counts = new Map<string, number>();
    for (const m of mailsOf(task.id))
      counts.set(`${m.subject}|${m.to.join()}`, (counts.get(`${m.subject}|${m.to.join()}`) ?? 0) + 1);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    await secretary.post(`/api/v1/tasks/${task.id}/cancel`, { reason: 'Selesai diuji' }, idempotencyKey());
  });
});
