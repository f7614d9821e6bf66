import { startMailCatcher, type MailCatcher } from '@konvergensi/mail-catcher';
import { createDataSource } from '@konvergensi/persistence';
import { localDateOf } from '@konvergensi/domain';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ApiClient } from './support/api-client';
import { testEnvironment } from './support/environment';
import { eventually, freePort } from './support/processes';
import { startStack, type Stack } from './support/stack';
import { createAdHocTask, idempotencyKey, workingDaysFromToday } from './support/task-fixtures';

const email = (username: string) => `${username}@demo.konvergensi.test`;

/** HH:MM:SS in Kota Metro's zone (WIB), `seconds` from now. */
function wibTimeIn(seconds: number): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Jakarta',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(Date.now() + seconds * 1000));
}

describe('people around a task: digests, substitutes and reassignment', () => {
  let mail: MailCatcher;
  let stack: Stack;
  let db: DataSource;
  let secretary: ApiClient;
  let officer: ApiClient;

  beforeAll(async () => {
    const smtpPort = await freePort();
    mail = await startMailCatcher({ port: smtpPort });
    stack = await startStack({
      name: 'task-people',
      smtpPort,
      extraEnv: { TIME_COMPRESSION_SECONDS_PER_DAY: '2', MAIL_DISPATCH_INTERVAL_MS: '200' },
    });
    db = await createDataSource({ url: testEnvironment().databaseUrl }).initialize();
    secretary = await ApiClient.as(stack.baseUrl, 'metro.sekretaris');
    officer = await ApiClient.as(stack.baseUrl, 'metro.dinkes');
  });

  afterAll(async () => {
    await stack?.stop();
    await mail?.stop();
    await db?.destroy();
  });

  it('gives the TPPS secretary and the unit head one digest a day with every escalation, not one mail per task', async () => {
    // A digest time in the past would send at once; wait out the minutes around local midnight.
    while (wibTimeIn(0) > '23:58:30') await new Promise((resolve) => setTimeout(resolve, 5000));
    // A unit, a secretary and a head of their own: digests go to a person (and a unit) once a day,
    // and other test files may already have sent Metro's today (their cycles escalate too).
    const admin = await ApiClient.as(stack.baseUrl, 'admin');
    const suffix = randomUUID().slice(0, 8);
    const unitCode = `UJI_RINGKASAN_${suffix.toUpperCase().replace(/[^A-Z0-9]/g, 'X')}`;
    const unitName = `Dinas Uji Ringkasan ${suffix}`;
    const unit = await admin.post('/api/v1/regencies/18.72/units', {
      code: unitCode,
      name: unitName,
      email: `unit-${suffix}@demo.konvergensi.test`,
    });
    expect(unit.status).toBe(201);
    const people: { id: string; email: string }[] = [];
    for (const [role, personUnit] of [
      ['tpps_secretary', 'SEKRETARIAT_TPPS'],
      ['opd_head', unitCode],
    ] as const) {
      const username = `digest-${suffix}.${role === 'opd_head' ? 'kepala' : 'sekretaris'}`;
      const created = await admin.post<{ id: string }>('/api/v1/users', {
        username,
        displayName: `Uji Ringkasan ${role === 'opd_head' ? 'Kepala' : 'Sekretaris'}`,
        email: email(username),
        password: 'sandi-panjang-sekali-uji',
        roles: [role],
        regencyCode: '18.72',
        unitCode: personUnit,
      });
      expect(created.status).toBe(201);
      people.push({ id: created.body.id, email: email(username) });
    }
    const [digestSecretary, digestHead] = people as [{ id: string; email: string }, { id: string; email: string }];
    const settings = await secretary.put('/api/v1/regencies/18.72/escalation-settings', {
      ladder: { reminderWorkingDaysBefore: [1], secretaryAfterWorkingDays: 1, chairAfterWorkingDays: 2 },
      escalationDelivery: 'digest',
      digestTime: wibTimeIn(35),
      unitDigestEnabled: true,
    });
    expect(settings.status).toBe(200);
    const first = await createAdHocTask(
      secretary,
      `Rekap posyandu ${randomUUID().slice(0, 8)}`,
      workingDaysFromToday(1),
      unitCode,
    );
    const second = await createAdHocTask(
      secretary,
      `Data BBLR ${randomUUID().slice(0, 8)}`,
      workingDaysFromToday(1),
      unitCode,
    );

    const digest = await mail.waitFor(
      (m) => m.to.includes(digestSecretary.email) && m.subject.startsWith('Ringkasan eskalasi'),
      90_000,
    );
    expect(digest.text).toContain(first.id);
    expect(digest.text).toContain(second.id);
    const headDigest = await mail.waitFor(
      (m) => m.to.includes(digestHead.email) && m.subject.startsWith('Ringkasan eskalasi'),
      30_000,
    );
    expect(headDigest.text).toContain(first.id);
    const unitDigest = await mail.waitFor((m) => m.subject.startsWith(`Tugas ${unitName} per`), 30_000);
    expect(unitDigest.text).toContain('[TERLAMBAT]');

    await new Promise((resolve) => setTimeout(resolve, 3000));
    const toSecretary = mail.messages().filter((m) => m.to.includes(digestSecretary.email));
    expect(toSecretary.filter((m) => m.subject.startsWith('Ringkasan eskalasi'))).toHaveLength(1);
    expect(toSecretary.filter((m) => m.subject.startsWith('Eskalasi ke Sekretaris'))).toHaveLength(0);
    expect(mail.messages().filter((m) => m.subject.startsWith(`Tugas ${unitName} per`))).toHaveLength(1);
    for (const task of [first, second])
      await secretary.post(`/api/v1/tasks/${task.id}/cancel`, { reason: 'Selesai diuji' }, idempotencyKey());
    for (const person of people) await admin.patch(`/api/v1/users/${person.id}`, { active: false });
  });

  it('lets a substitute named by an officer on leave see and submit the unit’s tasks, recording both people', async () => {
    const named = await officer.post<{ id: string }>('/api/v1/me/substitutes', {
      substituteUsername: 'metro.bappeda',
      startsOn: workingDaysFromToday(0),
      endsOn: workingDaysFromToday(5),
    });
    expect(named.status).toBe(201);
    const substitute = await ApiClient.as(stack.baseUrl, 'metro.bappeda');
    const task = await createAdHocTask(
      secretary,
      `Profil gizi kelurahan ${randomUUID().slice(0, 8)}`,
      workingDaysFromToday(8),
    );
    await mail.waitFor(
      (m) => m.to.includes(email('metro.bappeda')) && m.text.includes(task.id) && m.subject.startsWith('Tugas baru'),
    );

    // Narrowed to the task's due day (on this file's compressed clock): other test files leave open
    // DINKES tasks of their own.
    const taskDay = localDateOf(new Date(task.dueAt), 'Asia/Jakarta');
    const inbox = await substitute.get<{ items: { id: string }[] }>(
      `/api/v1/tasks?unit=DINKES&status=open&dueAfter=${taskDay}&dueBefore=${taskDay}&pageSize=100`,
    );
    expect(inbox.body.items.map((t) => t.id)).toContain(task.id);
    const submitted = await substitute.post<{ status: string }>(
      `/api/v1/tasks/${task.id}/submit`,
      { note: 'Diisi oleh pengganti' },
      idempotencyKey(),
    );
    expect(submitted.body.status).toBe('submitted');

    const [officerRow] = (await db.query(`SELECT id FROM app_user WHERE username = 'metro.dinkes'`)) as {
      id: string;
    }[];
    const [substituteRow] = (await db.query(`SELECT id FROM app_user WHERE username = 'metro.bappeda'`)) as {
      id: string;
    }[];
    const detail = await secretary.get<{
      events: { kind: string; actorUserId: string; onBehalfOfUserId: string | null }[];
    }>(`/api/v1/tasks/${task.id}`);
    const event = await eventually(
      async () =>
        (await secretary.get<typeof detail.body>(`/api/v1/tasks/${task.id}`)).body.events.find(
          (e) => e.kind === 'submitted',
        ),
      10_000,
      'the submitted event',
    );
    expect(event).toMatchObject({ actorUserId: substituteRow?.id, onBehalfOfUserId: officerRow?.id });
    expect(detail.status).toBe(200);

    expect((await officer.delete(`/api/v1/me/substitutes/${named.body.id}`)).status).toBe(204);
    const after = await ApiClient.as(stack.baseUrl, 'metro.bappeda');
    expect((await after.get(`/api/v1/tasks/${task.id}`)).status).toBe(404);
  });

  it('reassigns many tasks at once and answers a result for each', async () => {
    const one = await createAdHocTask(secretary, `Data air minum ${randomUUID().slice(0, 8)}`, workingDaysFromToday(8));
    const two = await createAdHocTask(secretary, `Data sanitasi ${randomUUID().slice(0, 8)}`, workingDaysFromToday(8));
    const missing = randomUUID();
    const response = await secretary.post<{
      results: { taskId: string; ok: boolean; newTaskId?: string; code?: string }[];
      reassigned: number;
      failed: number;
    }>(
      '/api/v1/regencies/18.72/tasks/reassign',
      { taskIds: [one.id, two.id, missing], unitCode: 'DINSOS', reason: 'Mutasi tugas ke Dinas Sosial' },
      idempotencyKey(),
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ reassigned: 2, failed: 1 });
    expect(response.body.results.find((r) => r.taskId === missing)).toMatchObject({
      ok: false,
      code: 'TASK_NOT_FOUND',
    });

    const dinsos = await ApiClient.as(stack.baseUrl, 'metro.dinsos');
    for (const original of [one, two]) {
      const result = response.body.results.find((r) => r.taskId === original.id);
      expect(result?.ok).toBe(true);
      const moved = await eventually(
        async () => {
          const r = await dinsos.get<{ status: string; title: string }>(`/api/v1/tasks/${result?.newTaskId}`);
          return r.status === 200 ? r.body : undefined;
        },
        20_000,
        'the new task of the new unit',
      );
      expect(moved.status).toBe('open');
      expect((await secretary.get<{ status: string }>(`/api/v1/tasks/${original.id}`)).body.status).toBe('reassigned');
      await mail.waitFor(
        (m) =>
          m.to.includes(email('metro.dinsos')) &&
          m.subject.startsWith('Tugas baru') &&
          m.text.includes(result?.newTaskId ?? ''),
      );
      await secretary.post(`/api/v1/tasks/${result?.newTaskId}/cancel`, { reason: 'Selesai diuji' }, idempotencyKey());
    }
  });
});
