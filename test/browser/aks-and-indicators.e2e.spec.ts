import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { ApiClient } from '../support/api-client';
import { aksCsv, badutaRow } from '../support/aks-fixtures';
import { testEnvironment } from '../support/environment';
import { nextTotpCode } from '../support/second-factor';
import { insertTask, openDatabase, pdfBytes, startFileStack, type FileStack } from '../support/fixtures';
import { launchBrowser, logIn, newContext, overflowsHorizontally, screenshot } from './support/browser';

/** An audit year no other test uses (Metro, semester 1). */
const auditYear = 2061;

describe('AKS stepper and indicator entry in a real browser', () => {
  let stack: FileStack;
  let browser: Browser;
  let db: DataSource;
  const consoleLines: string[] = [];
  const good = badutaRow({ nik: '1872014101240051', nama: 'Putri Anjani Lestari' });
  const bad = badutaRow({ nik: '1872014101240052', nama: 'Bayu Samudra Wijaya', kecamatan: 'Atlantis' });
  const secrets = [good.nik, good.nama, bad.nik, bad.nama, '1872********0051', '1872********0052'];

  beforeAll(async () => {
    stack = await startFileStack('web-aks-indicators');
    browser = await launchBrowser();
    db = await openDatabase();
  });

  afterAll(async () => {
    await db?.destroy();
    await browser?.close();
    await stack?.stop();
  });

  async function pageAs(username: string, width = 1280): Promise<Page> {
    const context = await newContext(browser, stack.baseUrl, width);
    const page = await context.newPage();
    page.on('console', (message) => consoleLines.push(message.text()));
    await logIn(page, username);
    return page;
  }

  /** The indicator entry of a task of the unit, on a phone, for the audit year's semester. */
  async function openIndicatorEntry(username: string, unitCode: string, semester: 1 | 2): Promise<Page> {
    const task = await insertTask(db, { regencyCode: '18.72', unitCode, title: 'Isi indikator semester' });
    const page = await pageAs(username, 360);
    await page.goto(`/tugas/${task.id}`);
    await page.getByText('Isi nilai indikator laporan semester').click();
    await page.getByLabel('Tahun', { exact: true }).fill(String(auditYear));
    await page.getByLabel(/^Semester/).selectOption(String(semester));
    return page;
  }

  /** Identities must never reach an address, a title or the console. */
  async function expectNoIdentityOutsideTheTable(page: Page): Promise<void> {
    const where = [page.url(), await page.title(), ...consoleLines].join('\n');
    for (const secret of secrets) expect(where).not.toContain(secret);
  }

  it('lets the AKS technical team set the roster, upload the SK, import cases with a row error and record a finding, while the secretary sees aggregates only', async () => {
    const page = await pageAs('metro.aks-teknis', 360);
    await page.goto(`/aks/${auditYear}/1`);
    await page.getByLabel('Templat tahapan').selectOption('AKS');
    await page.getByRole('button', { name: 'Mulai audit' }).click();
    await page.getByRole('list', { name: 'Tahapan AKS' }).waitFor();

    // Stage 1: the roster (one technical lead, one expert) and the SK Tim AKS.
    await page.getByRole('button', { name: 'Ubah susunan tim' }).click();
    const members = page.locator('fieldset[data-member]');
    await members.nth(0).getByLabel('Nama pengguna akun').fill('metro.aks-teknis');
    await members.nth(1).getByLabel('Nama pengguna akun').fill('metro.aks-pakar');
    await page.getByText('Tetapkan tepat satu ketua (lead) dari anggota tim teknis.').waitFor();
    await members.nth(0).getByLabel('Ketua (lead) tim teknis').check();
    await page.getByRole('button', { name: 'Simpan susunan tim' }).click();
    await page.getByText('Susunan tim telah disimpan.').waitFor();
    await expect(page.getByTestId('aks-team').textContent()).resolves.toMatch(/metro\.aks-pakar/);
    await page.getByLabel('Jenis dokumen').selectOption('AKS_SK');
    await page.getByLabel('Pilih berkas').setInputFiles({
      name: 'sk-tim-aks.pdf',
      mimeType: 'application/pdf',
      buffer: pdfBytes('SK Tim AKS'),
    });
    await page.getByRole('button', { name: 'Unggah dokumen' }).click();
    await page.getByText('sk-tim-aks.pdf telah diunggah.').waitFor();
    await expect(page.getByTestId('aks-documents').textContent()).resolves.toContain('SK Tim AKS');

    // With both outputs in place, stage 1 closes.
    await page.getByRole('button', { name: 'Tutup tahap ini' }).click();
    await page.locator('[data-stage="AKS.T1"] .badge-done').waitFor();

    // A CSV with one good and one bad row: the good row is kept, the bad one reported by line.
    await page.getByText('Impor kasus dari CSV').click();
    await page.getByLabel('Berkas CSV').setInputFiles({
      name: 'kasus.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(aksCsv([good, bad])),
    });
    await page.getByRole('button', { name: 'Impor', exact: true }).click();
    const report = page.getByTestId('aks-import-report');
    await expect(report.getByRole('status').textContent()).resolves.toBe(
      '2 baris dibaca: 1 diimpor, 0 sudah ada, 1 ditolak.',
    );
    const errorRow = page.getByTestId('aks-import-errors').locator('tr[data-row="3"]');
    await expect(errorRow.locator('td').nth(1).textContent()).resolves.toBe('kecamatan');
    const errorText = (await page.getByTestId('aks-import-errors').textContent()) ?? '';
    for (const secret of secrets) expect(errorText).not.toContain(secret);

    // The case list shows the one case, its NIK masked; a finding is recorded on it.
    const list = page.getByTestId('aks-case-list');
    await list.locator('tbody tr').first().waitFor();
    await expect(list.locator('tbody tr').count()).resolves.toBe(1);
    await expect(list.locator('tbody tr').first().textContent()).resolves.toContain('1872********0051');
    await expect(list.textContent()).resolves.not.toContain(good.nik);
    await list.getByRole('button', { name: 'Buka kasus 1' }).click();
    const detail = page.getByTestId('aks-case-detail');
    await detail.getByLabel('Temuan', { exact: true }).fill('Berat badan tidak naik tiga bulan berturut-turut');
    await detail.getByLabel('Kemungkinan penyebab').fill('MP-ASI belum sesuai umur');
    await detail.getByLabel('Rekomendasi', { exact: true }).fill('Konseling MP-ASI oleh puskesmas setiap bulan');
    await detail.getByRole('button', { name: 'Simpan analisis' }).click();
    await detail.getByText('Analisis kasus telah disimpan.').waitFor();
    await expect(detail.getByTestId('aks-findings').textContent()).resolves.toContain(
      'Berat badan tidak naik tiga bulan berturut-turut',
    );

    // The lead's export of full identities asks for the password and a code again first.
    await page.getByRole('button', { name: 'Unduh identitas lengkap (CSV)' }).click();
    const stepUp = page.getByTestId('step-up');
    await stepUp.getByText('Konfirmasi identitas Anda').waitFor();
    await stepUp.getByLabel('Kata sandi').fill(testEnvironment().demoPassword);
    await stepUp.getByLabel('Kode autentikator atau kode pemulihan').fill(await nextTotpCode('metro.aks-teknis'));
    const downloading = page.waitForEvent('download');
    await stepUp.getByRole('button', { name: 'Konfirmasi dan lanjutkan' }).click();
    const exported = readFileSync(await (await downloading).path(), 'utf8');
    expect(exported).toContain(good.nik);
    expect(exported).toContain(good.nama);
    await page.getByText('Berkas CSV telah diunduh.').waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await expectNoIdentityOutsideTheTable(page);

    // An expert of the panel signs the analysed case off.
    const expert = await pageAs('metro.aks-pakar', 360);
    await expert.goto(`/aks/${auditYear}/1`);
    const expertList = expert.getByTestId('aks-case-list');
    await expertList.getByRole('button', { name: 'Buka kasus 1' }).click();
    await expert.getByRole('button', { name: 'Setujui analisis kasus ini (tim pakar)' }).click();
    await expert.getByRole('button', { name: 'Setujui analisis kasus ini (tim pakar)' }).waitFor({ state: 'detached' });
    // The list reloads beside the case: wait for its signed-off cell to turn.
    await expertList.locator('tbody tr').first().locator('td').nth(3).filter({ hasText: /^Ya$/ }).waitFor();
    await expect(expert.getByTestId('aks-case-detail').textContent()).resolves.toContain('Disetujui pakarYa');
    await expectNoIdentityOutsideTheTable(expert);

    // The secretary opens the same audit: counts and the recap, no identity anywhere.
    const secretary = await pageAs('metro.sekretaris', 360);
    await secretary.goto(`/aks/${auditYear}/1`);
    await secretary.getByRole('heading', { name: 'Rekap kasus per kecamatan dan kelompok sasaran' }).waitFor();
    await secretary
      .getByText('Identitas kasus hanya dapat dilihat oleh tim teknis dan tim pakar AKS; di sini hanya rekap.')
      .waitFor();
    await expect(secretary.getByRole('row', { name: /Metro Pusat/ }).textContent()).resolves.toContain('1');
    await expect(secretary.getByTestId('aks-case-list').count()).resolves.toBe(0);
    const secretaryText = (await secretary.locator('main').textContent()) ?? '';
    for (const secret of secrets) expect(secretaryText).not.toContain(secret);
    await expectNoIdentityOutsideTheTable(secretary);
    expect(await overflowsHorizontally(secretary)).toBe(false);
  });

  it("lets the AKS lead answer a data subject's request: the identity in full after a step-up, a correction, the erasure", async () => {
    const page = await pageAs('metro.aks-teknis', 360);
    await page.goto(`/aks/${auditYear}/1`);
    await page.getByTestId('aks-case-list').getByRole('button', { name: 'Buka kasus 1' }).click();
    const subject = page.getByTestId('aks-data-subject');
    await subject.getByRole('button', { name: 'Tampilkan identitas lengkap' }).click();
    const stepUp = page.getByTestId('step-up');
    await stepUp.getByLabel('Kata sandi').fill(testEnvironment().demoPassword);
    await stepUp.getByLabel('Kode autentikator atau kode pemulihan').fill(await nextTotpCode('metro.aks-teknis'));
    await stepUp.getByRole('button', { name: 'Konfirmasi dan lanjutkan' }).click();
    await expect(subject.getByTestId('aks-full-identity').textContent()).resolves.toContain(good.nik);

    await subject.getByLabel('Alasan atau rujukan permintaan').fill('Permintaan ibu, surat 5 Desember');
    await subject.getByLabel('Alamat').fill('Jl. Kenanga RT 03');
    await subject.getByRole('button', { name: 'Simpan koreksi' }).click();
    await subject.getByText('Koreksi identitas tersimpan.').waitFor();

    // Erasing is permanent: the button waits for the confirmation; the step-up is still fresh.
    const erase = subject.getByRole('button', { name: 'Hapus identitas' });
    await expect(erase.isDisabled()).resolves.toBe(true);
    await subject.getByLabel('Saya paham: identitas terhapus permanen; data agregat kasus tetap ada.').check();
    await erase.click();
    await page.getByTestId('aks-data-subject').waitFor({ state: 'detached' });
    await expect(page.getByTestId('aks-case-detail').textContent()).resolves.toContain(
      'identitas dihapus (retensi atau permintaan subjek data)',
    );
    const list = page.getByTestId('aks-case-list');
    await list.locator('tbody tr').first().filter({ hasText: 'identitas dihapus' }).waitFor();
    await expect(list.textContent()).resolves.not.toContain('1872********0051');
    expect(await overflowsHorizontally(page)).toBe(false);
    await expectNoIdentityOutsideTheTable(page);
  });

  it('lets an officer choose an indicator from the catalogue, warns as the numerator passes the denominator, and saves it', async () => {
    const officer = await ApiClient.as(stack.baseUrl, 'metro.dinkes');
    const catalogue = await officer.get<{ indicators: { code: string; kind: string }[] }>(
      '/api/v1/indicators/catalogue?semester=1&unit=me',
    );
    const indicator = catalogue.body.indicators.find((i) => i.kind === 'percentage');
    if (!indicator) throw new Error(`no percentage indicator for DINKES: ${JSON.stringify(catalogue.body)}`);
    const page = await openIndicatorEntry('metro.dinkes', 'DINKES', 1);
    await page.getByLabel('Cari indikator').fill(indicator.code);
    const select = page.getByRole('combobox', { name: /^Indikator/ });
    // The catalogue loads after the page: wait for the searched indicator to be offered.
    await select.locator(`option[value="${indicator.code}"]`).waitFor({ state: 'attached' });
    await expect(select.locator('option').count()).resolves.toBeGreaterThan(1);
    await select.selectOption(indicator.code);

    await page.getByLabel('Pembilang', { exact: true }).fill('12');
    await page.getByLabel('Penyebut', { exact: true }).fill('10');
    // Above 100% is a warning with room for a note, not a refusal; correcting the value clears it.
    const above = page.getByText('Pembilang lebih besar dari penyebut: capaian di atas 100%.', { exact: false });
    await above.waitFor();
    await expect(page.getByLabel('Catatan konfirmasi').isVisible()).resolves.toBe(true);
    await page.getByLabel('Penyebut', { exact: true }).fill('20');
    await above.waitFor({ state: 'detached' });
    await expect(page.getByLabel('Catatan konfirmasi').count()).resolves.toBe(0);
    await page.getByText('Capaian: 60%').waitFor();
    await page.getByRole('button', { name: 'Simpan nilai' }).click();
    await page.getByText('Nilai indikator telah disimpan.').waitFor();
    await page.locator(`tr[data-indicator="${indicator.code}"]`).waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);

    const stored = await officer.get<{ values: { code: string; input: unknown }[] }>(
      `/api/v1/regencies/18.72/indicators/${auditYear}/1`,
    );
    expect(stored.body.values.find((v) => v.code === indicator.code)?.input).toMatchObject({
      numerator: 12,
      denominator: 20,
    });
  });

  it('lets an officer answer Ya with the times held, fill the sub-rows beneath it, and record data not available with a reason', async () => {
    const officer = await ApiClient.as(stack.baseUrl, 'metro.kecamatan');
    const page = await openIndicatorEntry('metro.kecamatan', 'KECAMATAN', 2);

    const row = page.getByRole('group', { name: 'Indikator 1', exact: true });
    await row.getByLabel('Cari indikator').fill('rembug');
    const select = row.getByRole('combobox', { name: /^Indikator/ });
    await select.locator('option[value="Pilar 1. A3"]').waitFor({ state: 'attached' });
    await select.selectOption('Pilar 1. A3');
    const subRows = row.getByRole('group', { name: 'Rincian di bawah indikator ini' });
    const once = subRows.locator('[data-sub-row="Pilar 1. A3_a"]');
    const twice = subRows.locator('[data-sub-row="Pilar 1. A3_b"]');
    await once.getByLabel(/^Pilar 1\. A3_a — Jumlah Kecamatan/).waitFor();
    await expect(twice.getByLabel(/^Pilar 1\. A3_b — /).isVisible()).resolves.toBe(true);

    const contradiction = 'Jawaban "Tidak" tidak sejalan dengan kegiatan yang terselenggara; pilih "Ya" atau isi 0.';
    await row.getByLabel('Tidak', { exact: true }).check();
    await row.getByLabel('Berapa kali terselenggara').fill('2');
    await row.getByText(contradiction).waitFor();
    await row.getByLabel('Ya', { exact: true }).check();
    await row.getByText(contradiction).waitFor({ state: 'detached' });
    // Thirty kecamatan in a city of five (other test files add a few): stored, and flagged until
    // the officer confirms it.
    await once.getByLabel(/^Pilar 1\. A3_a — /).fill('30');
    await twice.getByLabel('Data tidak tersedia').check();
    await screenshot(page, 'indicator-entry-sub-rows-360.png');
    await page.getByRole('button', { name: 'Simpan nilai' }).click();
    await twice.getByText('Tuliskan alasan data tidak tersedia.').waitFor();
    await expect(page.getByText('Nilai indikator telah disimpan.').count()).resolves.toBe(0);
    const reason = 'Kecamatan belum melaporkan rembug kedua';
    await twice.getByLabel('Alasan data tidak tersedia').fill(reason);
    await page.getByRole('button', { name: 'Simpan nilai' }).click();
    await page.getByText('Nilai indikator telah disimpan.').waitFor();

    const storedRow = (code: string) => page.locator(`tr[data-indicator="${code}"]`);
    await storedRow('Pilar 1. A3').getByText('Ya (2 kali)').waitFor();
    await storedRow('Pilar 1. A3_a').getByText('bagian dari Pilar 1. A3', { exact: false }).waitFor();
    await storedRow('Pilar 1. A3_b').getByText('data tidak tersedia').waitFor();
    await storedRow('Pilar 1. A3_b').getByText(reason).waitFor();
    await page.getByText('1 nilai perlu dikonfirmasi', { exact: false }).waitFor();
    await storedRow('Pilar 1. A3_a').getByText('30 melebihi jumlah kecamatan Kota Metro (', { exact: false }).waitFor();
    await storedRow('Pilar 1. A3_a').getByRole('button', { name: 'Konfirmasi' }).click();
    await storedRow('Pilar 1. A3_a').getByText('Wajib diisi.').waitFor();
    const note = 'Rekap memuat kecamatan dari dua semester; diperiksa ulang bersama Bappeda';
    await storedRow('Pilar 1. A3_a').getByLabel('Catatan konfirmasi').fill(note);
    await storedRow('Pilar 1. A3_a').getByRole('button', { name: 'Konfirmasi' }).click();
    await storedRow('Pilar 1. A3_a').getByText(`Dikonfirmasi: ${note}`).waitFor();
    await screenshot(page, 'indicator-entry-confirmed-360.png');

    // The same form from a file: a preview first, stored only on "Simpan".
    const csv = [
      'KODE INDIKATOR;PENYEBUT;PEMBILANG;CAPAIAN;PENJELASAN',
      'Pilar 1. A3;;;Ya (3 kali);',
      'Pilar 1. A3_b;;;2;',
    ];
    await page.getByLabel('Berkas formulir').setInputFiles({
      name: 'formulir.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv.join('\n')),
    });
    await page.getByRole('button', { name: 'Pratinjau' }).click();
    await page.getByText('0 baru, 2 berubah, 0 tetap, 0 dilewati, 0 tidak dapat dibaca.').waitFor();
    const previewRow = (code: string) => page.locator(`tr[data-import-row="${code}"]`);
    await previewRow('Pilar 1. A3').getByText('Ya (3 kali)').waitFor();
    await expect(previewRow('Pilar 1. A3_b').getAttribute('data-status')).resolves.toBe('changed');
    await expect(storedRow('Pilar 1. A3').getByText('Ya (2 kali)').count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Simpan 2 perubahan' }).click();
    await page.getByText('2 nilai dari berkas telah disimpan.').waitFor();
    await storedRow('Pilar 1. A3').getByText('Ya (3 kali)').waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await expect(storedRow('Pilar 1. A3_a').getByRole('button', { name: 'Konfirmasi' }).count()).resolves.toBe(0);
    expect(await overflowsHorizontally(page)).toBe(false);

    const stored = await officer.get<{ values: { code: string; parent?: string; input: unknown }[] }>(
      `/api/v1/regencies/18.72/indicators/${auditYear}/2`,
    );
    const byCode = new Map(stored.body.values.map((v) => [v.code, v]));
    expect(byCode.get('Pilar 1. A3')?.input).toEqual({ kind: 'yesNo', value: true, count: 3 });
    expect(byCode.get('Pilar 1. A3_a')).toMatchObject({
      parent: 'Pilar 1. A3',
      input: { kind: 'count', value: 30 },
      warnings: [{ code: 'EXCEEDS_DISTRICT_COUNT' }],
      confirmation: { note },
      needsConfirmation: false,
    });
    expect(byCode.get('Pilar 1. A3_b')).toMatchObject({ parent: 'Pilar 1. A3', input: { kind: 'count', value: 2 } });
  });
});
