import type { Browser, Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { UnitRecord } from '@konvergensi/persistence';
import { ApiClient } from '../support/api-client';
import { insertTask, openDatabase, pdfBytes, startFileStack, type FileStack } from '../support/fixtures';
import { CycleDriver } from '../support/cycle-driver';
import { createAdHocTask, workingDaysFromToday } from '../support/task-fixtures';
import { launchBrowser, logIn, newContext, overflowsHorizontally, screenshot } from './support/browser';

/** A stage task of the annual cycle for the officer to do in the browser. */
interface StageTask {
  id: string;
  title: string;
  dueDay: string;
  stageId: string;
  stageCode: string;
  actionCode: string;
  /** The other open tasks of the same stage (other units), for the driver to finish by API. */
  siblings: { id: string; assignee_unit_id: string; deliverables: { kind: string }[]; stage_code: string }[];
}

/**
 * Waits for the annual cycle workflow to open a stage with a Dinas Kesehatan task that asks for
 * a document (no signature) and opens in a single round, so once that task and its siblings are
 * approved the stage closes.
 */
async function dinkesStageTask(db: DataSource, cycleId: string, timeoutMs = 90_000): Promise<StageTask> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = (await db.query(
      `SELECT t.id, t.title, to_char(t.due_at AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD') AS due_day,
              s.id AS stage_id, s.code AS stage_code, a.code AS action_code
         FROM task t
         JOIN unit u ON u.id = t.assignee_unit_id
         JOIN action_stage s ON s.id = t.stage_id
         JOIN cycle_action a ON a.id = s.action_id
        WHERE t.cycle_id = $1 AND u.code = 'DINKES' AND t.status = 'open'
          AND NOT t.deliverables @> '[{"kind": "signature"}]'::jsonb
          -- A stage that opens once (monthly or repeated stages open more rounds later).
          AND EXISTS (
            SELECT 1 FROM cycle c,
                   jsonb_array_elements(c.template_snapshot -> 'actions') AS plan_action,
                   jsonb_array_elements(plan_action -> 'stages') AS plan_stage
             WHERE c.id = t.cycle_id AND plan_stage ->> 'code' = s.code
               AND coalesce(plan_stage -> 'recurrence' ->> 'kind', 'once') = 'once')
        ORDER BY (SELECT count(*) FROM task o WHERE o.stage_id = t.stage_id), a.sequence, s.sequence
        LIMIT 1`,
      [cycleId],
    )) as { id: string; title: string; due_day: string; stage_id: string; stage_code: string; action_code: string }[];
    const row = rows[0];
    if (row) {
      const siblings = (await db.query(
        `SELECT id, assignee_unit_id, deliverables, $3::text AS stage_code FROM task
          WHERE stage_id = $1 AND id <> $2 AND status IN ('open', 'returned')`,
        [row.stage_id, row.id, row.stage_code],
      )) as StageTask['siblings'];
      return {
        id: row.id,
        title: row.title,
        dueDay: row.due_day,
        stageId: row.stage_id,
        stageCode: row.stage_code,
        actionCode: row.action_code,
        siblings,
      };
    }
    if (Date.now() > deadline) {
      const open = await db.query(
        `SELECT s.code, u.code AS unit, t.status, t.deliverables FROM task t
           JOIN action_stage s ON s.id = t.stage_id JOIN unit u ON u.id = t.assignee_unit_id
          WHERE t.cycle_id = $1 ORDER BY s.code`,
        [cycleId],
      );
      throw new Error(`no Dinas Kesehatan stage task in cycle ${cycleId}: ${JSON.stringify(open)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * Waits for the stage to close. Tasks of other units that the workflow records a moment after the
 * officer's (one round opens them one by one) are answered by the driver as they appear.
 */
async function waitForStageDone(db: DataSource, driver: CycleDriver, stageId: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = (await db.query(`SELECT status, code FROM action_stage WHERE id = $1`, [stageId])) as {
      status: string;
      code: string;
    }[];
    if (row?.status === 'done') return;
    if (Date.now() > deadline) throw new Error(`stage ${stageId} is still ${row?.status}`);
    const late = (await db.query(
      `SELECT id, assignee_unit_id, deliverables, $2::text AS stage_code FROM task
        WHERE stage_id = $1 AND status IN ('open', 'returned')`,
      [stageId, row?.code ?? ''],
    )) as StageTask['siblings'];
    for (const task of late.filter((t) => !driver.handled.has(t.id))) await driver.complete(task);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('web app in a real browser', () => {
  let stack: FileStack;
  let browser: Browser;
  let secretary: ApiClient;
  let db: DataSource;
  let cycleId: string;
  // A past year of its own (the test database is shared): every stage whose window has passed opens at once.
  const year = 2024;
  const marker = `uji-web-${Date.now().toString(36)}`;

  beforeAll(async () => {
    stack = await startFileStack('web-app');
    browser = await launchBrowser();
    db = await openDatabase();
    secretary = await ApiClient.as(stack.baseUrl, 'metro.sekretaris');
    // On the real clock all of the year's windows have passed: its first stages open at once, late.
    const created = await secretary.post<{ id: string }>('/api/v1/regencies/18.72/cycles', { year });
    if (created.status !== 201)
      throw new Error(`starting the cycle failed: ${created.status} ${JSON.stringify(created.body)}`);
    const cycle = await secretary.get<{ id: string }>(`/api/v1/regencies/18.72/cycles/${year}`);
    cycleId = cycle.body.id;
  });

  afterAll(async () => {
    await db?.destroy();
    await browser?.close();
    await stack?.stop();
  });

  async function pageAs(username: string, width = 1280): Promise<Page> {
    const context = await newContext(browser, stack.baseUrl, width);
    const page = await context.newPage();
    await logIn(page, username);
    return page;
  }

  /** Narrows the inbox to tasks due on one day, so the test's task is on the first page. */
  async function filterInboxToDay(page: Page, day: string): Promise<void> {
    await page.getByLabel('Tenggat sejak').fill(day);
    await page.getByLabel('Tenggat sampai').fill(day);
    await page.getByRole('status').filter({ hasText: 'tugas' }).waitFor();
  }

  it('lets an officer upload a PDF and submit a cycle stage task, the secretary approve it, and shows the stage done', async () => {
    const task = await dinkesStageTask(db, cycleId);
    const title = task.title;
    // The stage's other units answer through the API, so the officer's task is the last one.
    const driver = new CycleDriver(stack.baseUrl, db);
    for (const sibling of task.siblings) await driver.complete(sibling);

    // The officer of Dinas Kesehatan finds the task in the inbox and opens it.
    const officer = await pageAs('metro.dinkes');
    expect(new URL(officer.url()).pathname).toBe('/tugas');
    await filterInboxToDay(officer, task.dueDay);
    const card = officer.locator(`[data-task-id="${task.id}"]`);
    await expect(card.textContent()).resolves.toMatch(
      /hari kerja lagi|hari ini|terlambat \d+ hari|hari kerja berikutnya/,
    );
    await card.getByRole('link', { name: title }).click();
    await officer.getByRole('heading', { level: 1, name: title }).waitFor();

    // Upload a PDF with the progress bar, then submit with it.
    await officer.getByLabel('Pilih berkas').setInputFiles({
      name: 'bukti-tahap.pdf',
      mimeType: 'application/pdf',
      buffer: pdfBytes('bukti web'),
    });
    await officer.getByRole('button', { name: 'Unggah', exact: true }).click();
    await officer.getByText('bukti-tahap.pdf telah diunggah.').waitFor();
    await expect(officer.getByTestId('evidence-list').textContent()).resolves.toContain('bukti-tahap.pdf');
    await expect(officer.getByText('1 berkas bukti akan dilampirkan.').count()).resolves.toBe(1);
    await officer.getByRole('button', { name: 'Kirim', exact: true }).click();
    await officer.locator('.card-meta [data-status="submitted"]').waitFor();
    await officer.locator('[data-event="submitted"]').waitFor();

    // The secretary approves it from the approval queue.
    const secretaryPage = await pageAs('metro.sekretaris');
    expect(new URL(secretaryPage.url()).pathname).toBe('/dasbor');
    await secretaryPage
      .getByRole('navigation', { name: 'Navigasi utama' })
      .getByRole('link', { name: 'Persetujuan' })
      .click();
    await secretaryPage.getByRole('heading', { level: 1, name: 'Antrean persetujuan' }).waitFor();
    await secretaryPage.locator(`[data-task-id="${task.id}"]`).getByRole('link', { name: title }).click();
    await secretaryPage.getByRole('button', { name: 'Setujui' }).click();
    await secretaryPage.locator('.card-meta [data-status="approved"]').waitFor();
    await secretaryPage.locator('[data-event="approved"]').waitFor();
    await waitForStageDone(db, driver, task.stageId);

    // The action page shows the stage done; the dashboard counts it and the unit's closed task.
    await secretaryPage.goto(`/aksi/18.72/${year}/${task.actionCode}`);
    await secretaryPage.locator(`[data-stage="${task.stageCode}"] .card-meta [data-status="done"]`).waitFor();
    const dashboard = await pageAs('metro.sekretaris', 360);
    await dashboard.goto(`/dasbor?tahun=${year}`);
    await dashboard.getByTestId('action-timeline').waitFor();
    await expect(dashboard.locator('[data-action]').count()).resolves.toBe(8);
    await expect(
      dashboard.locator(`[data-action="${task.actionCode}"] [data-testid="action-progress"]`).textContent(),
    ).resolves.not.toMatch(/^0 dari/);
    const closed = await dashboard.locator('[data-unit="DINKES"] [data-figure="closed"]').textContent();
    expect(Number(closed)).toBeGreaterThanOrEqual(1);
    await expect(dashboard.locator('[data-unit="DINKES"] [data-figure="on-time"]').textContent()).resolves.toMatch(
      /%$|—/,
    );
    expect(await overflowsHorizontally(dashboard)).toBe(false);
    const dashboardShot = await screenshot(dashboard, 'dashboard-360.png');

    // The officer's inbox no longer lists it.
    const inbox = await pageAs('metro.dinkes', 360);
    await filterInboxToDay(inbox, task.dueDay);
    await expect(inbox.locator(`[data-task-id="${task.id}"]`).count()).resolves.toBe(0);
    await inbox.goto('/tugas');
    await inbox.getByRole('status').filter({ hasText: 'tugas' }).waitFor();
    await expect(inbox.locator(`[data-task-id="${task.id}"]`).count()).resolves.toBe(0);
    expect(await overflowsHorizontally(inbox)).toBe(false);
    const inboxShot = await screenshot(inbox, 'inbox-360.png');
    expect([dashboardShot, inboxShot]).toEqual([
      expect.stringContaining('tmp/test-artifacts/dashboard-360.png'),
      expect.stringContaining('tmp/test-artifacts/inbox-360.png'),
    ]);
  });

  it('renders hostile unit names and task titles as literal text and runs none of it', async () => {
    const unitName = '<script>window.__pwned=1</script> Dinas Uji';
    const title = `<img src=x onerror="window.__pwned=2"> Tugas ${marker}`;
    // The API already refuses markup in names; the web app must not rely on that, so the hostile
    // rows go straight into the database (as data migrated from elsewhere could).
    const admin = await ApiClient.as(stack.baseUrl, 'admin');
    const refused = await admin.post('/api/v1/regencies/18.72/units', { code: 'UJI_XSS_WEB', name: unitName });
    expect(refused.status).toBe(400);
    await db.getRepository(UnitRecord).insert({
      regencyCode: '18.72',
      code: 'UJI_XSS_WEB',
      name: unitName,
      roleCodes: [],
      email: null,
      active: true,
    });
    const taskId = (await insertTask(db, { regencyCode: '18.72', unitCode: 'UJI_XSS_WEB', title, kind: 'ad_hoc' })).id;

    const page = await pageAs('metro.sekretaris', 360);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`/tugas/${taskId}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await expect(page.locator('.card-meta .unit-name').textContent()).resolves.toBe(unitName);
    expect(await page.evaluate<string>('typeof window.__pwned')).toBe('undefined');
    expect(await page.locator('main script, main img').count()).toBe(0);

    // The admin's unit list shows the name as text too.
    const adminPage = await pageAs('admin', 360);
    adminPage.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    expect(new URL(adminPage.url()).pathname).toBe('/admin');
    await adminPage.getByLabel('Kabupaten/kota').selectOption('18.72');
    await adminPage.getByTestId('unit-admin-table').getByRole('cell', { name: unitName, exact: true }).waitFor();
    expect(await adminPage.evaluate<string>('typeof window.__pwned')).toBe('undefined');
    expect(await adminPage.locator('main script, main img').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('shows a Dumai user nothing of Metro', async () => {
    const metroTask = await createAdHocTask(secretary, `Rahasia Metro ${marker}`, workingDaysFromToday(3), 'DINKES');
    const page = await pageAs('dumai.sekretaris');
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Kota Dumai' }).waitFor();
    await page.goto('/tugas');
    await page.getByRole('status').filter({ hasText: 'tugas' }).waitFor();
    const inboxText = (await page.locator('main').textContent()) ?? '';
    expect(inboxText).not.toContain(marker);
    expect(inboxText).not.toContain('Kota Metro');

    await page.goto(`/tugas/${metroTask.id}`);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Tugas tidak ditemukan');
    await page.goto('/dasbor/18.72');
    await page.getByRole('alert').waitFor();
    const dashboardText = (await page.locator('main').textContent()) ?? '';
    expect(dashboardText).not.toContain('Kota Metro');
    expect(dashboardText).not.toContain('DINKES');
  });

  it('speaks Bahasa Indonesia by default and English on request, remembered across a reload', async () => {
    const page = await pageAs('metro.dinkes', 360);
    await page.getByRole('heading', { level: 1, name: 'Kotak tugas' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    await page.getByLabel('Bahasa', { exact: true }).selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Task inbox' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Task inbox' }).waitFor();
    await page.getByLabel('Language', { exact: true }).selectOption('id');
    await page.getByRole('heading', { level: 1, name: 'Kotak tugas' }).waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    // Every status of the unit spans several pages: the pager fits the phone too. (Cancelled tasks
    // of an earlier year, so no other file's inbox or statistics see them.)
    for (let i = 1; i <= 30; i += 1) {
      await insertTask(db, {
        regencyCode: '18.72',
        unitCode: 'DINKES',
        kind: 'ad_hoc',
        status: 'cancelled',
        title: `Tugas lama yang dibatalkan ${i}`,
        dueAt: new Date(Date.UTC(2020, 0, i, 16, 59, 59)),
      });
    }
    // A select's accessible name includes its chosen option ("Status Aktif").
    await page.getByLabel(/^Status/).selectOption('');
    await page.getByRole('navigation', { name: 'Halaman' }).waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
  });
});
