import type { Browser } from 'playwright-core';
import { PasswordResetTokenRecord, UserRecord } from '@konvergensi/persistence';
import { ApiClient } from '../support/api-client';
import { openDatabase, startFileStack, type FileStack } from '../support/fixtures';
import { nextTotpCode, rememberTotpSecret } from '../support/second-factor';
import { launchBrowser, logIn, newContext, overflowsHorizontally, screenshot } from './support/browser';

/** The reset link of a mail: path and query only, so it opens on the stack under test. */
function linkIn(text: string): string {
  const match = /https?:\/\/\S+\/atur-ulang-kata-sandi\?token=([A-Za-z0-9_-]+)/.exec(text);
  if (!match) throw new Error(`no reset link in: ${text}`);
  return `/atur-ulang-kata-sandi?token=${match[1]}`;
}

describe('forgotten password', () => {
  let stack: FileStack;
  let browser: Browser;
  let anonymous: ApiClient;
  const username = `lupa.sandi.${Date.now().toString(36)}`;
  const email = `${username}@metro.test`;

  beforeAll(async () => {
    stack = await startFileStack('password-reset');
    browser = await launchBrowser();
    anonymous = new ApiClient(stack.baseUrl);
    // A user of its own: the demo users' passwords stay as other tests expect them.
    const admin = await ApiClient.as(stack.baseUrl, 'admin');
    const created = await admin.post('/api/v1/users', {
      username,
      displayName: 'Petugas Lupa Sandi',
      email,
      password: 'kata-sandi-lama-123',
      roles: ['opd_officer'],
      regencyCode: '18.72',
      unitCode: 'DINKES',
    });
    if (created.status !== 201) throw new Error(`creating the user failed: ${created.status}`);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('answers the same for an existing and an unknown account, and mails only the existing one', async () => {
    const known = await anonymous.post('/api/v1/auth/password-reset', { identifier: username });
    const unknown = await anonymous.post('/api/v1/auth/password-reset', { identifier: 'tidak.ada.sama.sekali' });
    const unknownMail = await anonymous.post('/api/v1/auth/password-reset', { identifier: 'siapa@tidak.ada' });
    expect(known.status).toBe(202);
    expect([unknown.status, unknownMail.status]).toEqual([202, 202]);
    expect(unknown.body).toEqual(known.body);
    expect(unknownMail.body).toEqual(known.body);
    const mail = await stack.mail.waitFor((m) => m.to.includes(email));
    expect(mail.subject).toBe('Atur ulang kata sandi Konvergensi Stunting');
    expect(linkIn(mail.text)).toMatch(/^\/atur-ulang-kata-sandi\?token=/);
    expect(stack.mail.messages().filter((m) => m.to.some((to) => to.includes('tidak.ada')))).toEqual([]);
  });

  it('stores only a hash of the token and refuses an expired one', async () => {
    stack.mail.clear();
    await anonymous.post('/api/v1/auth/password-reset', { identifier: email });
    const token =
      new URLSearchParams(linkIn((await stack.mail.waitFor((m) => m.to.includes(email))).text).split('?')[1]).get(
        'token',
      ) ?? '';
    const db = await openDatabase();
    try {
      const user = await db.getRepository(UserRecord).findOneByOrFail({ username });
      const rows = await db.getRepository(PasswordResetTokenRecord).findBy({ userId: user.id });
      expect(rows.length).toBeGreaterThanOrEqual(1);
      expect(rows.map((r) => r.tokenHash)).not.toContain(token);
      await db
        .getRepository(PasswordResetTokenRecord)
        .update({ userId: user.id }, { expiresAt: new Date(Date.now() - 1000) });
    } finally {
      await db.destroy();
    }
    const expired = await anonymous.post('/api/v1/auth/password-reset/confirm', {
      token,
      newPassword: 'kata-sandi-baru-456',
    });
    expect(expired.status).toBe(400);
    expect(expired.body).toMatchObject({ code: 'INVALID_RESET_TOKEN' });
  });

  it('lets the officer set a new password through the mailed link, once', async () => {
    stack.mail.clear();
    const context = await newContext(browser, stack.baseUrl, 360);
    const page = await context.newPage();
    await page.goto('/masuk');
    await page.getByRole('link', { name: 'Lupa kata sandi?' }).click();
    await page.getByLabel('Nama pengguna atau surel').fill(username);
    await page.getByRole('button', { name: 'Kirim tautan' }).click();
    await page.getByRole('status').filter({ hasText: 'Jika akun itu ada' }).waitFor();

    const link = linkIn((await stack.mail.waitFor((m) => m.to.includes(email))).text);
    await page.goto(link);
    await page.getByLabel('Kata sandi baru', { exact: true }).fill('kata-sandi-baru-789');
    await page.getByLabel('Ulangi kata sandi baru').fill('kata-sandi-baru-789');
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await page.getByRole('status').filter({ hasText: 'Kata sandi baru telah disimpan' }).waitFor();

    const oldPassword = await anonymous.post('/api/v1/auth/login', { username, password: 'kata-sandi-lama-123' });
    const newPassword = await anonymous.post('/api/v1/auth/login', { username, password: 'kata-sandi-baru-789' });
    expect([oldPassword.status, newPassword.status]).toEqual([401, 200]);

    const token = new URLSearchParams(link.split('?')[1]).get('token');
    const replay = await anonymous.post('/api/v1/auth/password-reset/confirm', {
      token,
      newPassword: 'kata-sandi-lain-000',
    });
    expect(replay.status).toBe(400);
    expect(replay.body).toMatchObject({ code: 'INVALID_RESET_TOKEN' });
    await context.close();
  });

  it('lets the officer change the password on the account page, which ends the session on another device', async () => {
    const other = await anonymous.post<{ accessToken: string }>('/api/v1/auth/login', {
      username,
      password: 'kata-sandi-baru-789',
    });
    expect(other.status).toBe(200);
    const context = await newContext(browser, stack.baseUrl, 360);
    const page = await context.newPage();
    await page.goto('/masuk');
    await page.getByLabel('Nama pengguna').fill(username);
    await page.getByLabel('Kata sandi').fill('kata-sandi-baru-789');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByTestId('current-user').click();
    await page.getByRole('heading', { name: 'Akun saya' }).waitFor();
    await page.getByTestId('sessions').getByText('Perangkat ini').waitFor();
    // This one, the other device's, and the login of the test before.
    expect(await page.getByTestId('sessions').locator('li').count()).toBeGreaterThanOrEqual(2);

    await page.getByLabel('Kata sandi saat ini').fill('kata-sandi-baru-789');
    await page.getByLabel('Kata sandi baru', { exact: true }).fill('sandi-akun-sendiri-456');
    await page.getByLabel('Ulangi kata sandi baru').fill('sandi-akun-sendiri-456');
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await page.getByRole('status').filter({ hasText: 'Kata sandi telah diganti' }).waitFor();

    const otherDevice = await new ApiClient(stack.baseUrl, other.body.accessToken).get('/api/v1/me');
    expect(otherDevice.status).toBe(401);
    await page.reload();
    await page.getByRole('heading', { name: 'Akun saya' }).waitFor();
    await page.getByTestId('sessions').getByText('Perangkat ini').waitFor();
    expect(await page.getByTestId('sessions').locator('li').count()).toBe(1);
    const login = await anonymous.post('/api/v1/auth/login', { username, password: 'sandi-akun-sendiri-456' });
    expect(login.status).toBe(200);
    await context.close();
  });

  it('makes a new admin set up an authenticator at the first login: QR code, first code, recovery codes', async () => {
    const admin = await ApiClient.as(stack.baseUrl, 'admin');
    const adminName = `admin.baru.${Date.now().toString(36)}`;
    const created = await admin.post('/api/v1/users', {
      username: adminName,
      displayName: 'Admin Baru',
      email: `${adminName}@uji.test`,
      password: 'sandi-admin-baru-panjang',
      roles: ['system_admin'],
    });
    expect(created.status).toBe(201);
    const context = await newContext(browser, stack.baseUrl, 360);
    const page = await context.newPage();
    await page.goto('/masuk');
    await page.getByLabel('Nama pengguna').fill(adminName);
    await page.getByLabel('Kata sandi').fill('sandi-admin-baru-panjang');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Pasang aplikasi autentikator' }).waitFor();
    const qr = page.getByTestId('mfa-qr');
    await qr.waitFor();
    expect(await qr.evaluate((img: unknown) => (img as { naturalWidth: number }).naturalWidth > 0)).toBe(true);
    const secret = (await page.getByTestId('mfa-secret').textContent()) ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await screenshot(page, 'mfa-enrolment-360.png');
    await page.getByLabel('Kode autentikator (6 angka)').fill(await nextTotpCode(adminName, secret));
    await page.getByRole('button', { name: 'Aktifkan' }).click();
    const codes = page.getByTestId('recovery-codes');
    await codes.waitFor();
    await expect(codes.locator('li').count()).resolves.toBe(10);
    await page.getByRole('button', { name: 'Saya sudah menyimpan kode ini' }).click();
    await page.getByTestId('current-user').waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);

    // The account page tells the authenticator is on, required, and all ten codes are left.
    await page.goto('/akun');
    const settings = page.getByTestId('mfa-settings');
    await settings.getByText(/Sisa kode pemulihan: 10\./).waitFor();
    await expect(settings.getByRole('button', { name: 'Matikan verifikasi dua langkah' }).count()).resolves.toBe(0);
    await context.close();
  });

  it('lets a province viewer switch two-step verification on from the account page, asks for the code at the next login, and off again', async () => {
    const admin = await ApiClient.as(stack.baseUrl, 'admin');
    const viewer = `pemirsa.${Date.now().toString(36)}`;
    const viewerPassword = 'sandi-pemirsa-provinsi-1';
    const created = await admin.post('/api/v1/users', {
      username: viewer,
      displayName: 'Pemirsa Provinsi',
      email: `${viewer}@uji.test`,
      password: viewerPassword,
      roles: ['province_viewer'],
      provinceCode: '18',
    });
    expect(created.status).toBe(201);
    const context = await newContext(browser, stack.baseUrl);
    const page = await context.newPage();
    await logIn(page, viewer, viewerPassword);
    await page.goto('/akun');
    const settings = page.getByTestId('mfa-settings');
    await settings.getByRole('button', { name: 'Aktifkan verifikasi dua langkah' }).click();
    const secret = (await settings.getByTestId('mfa-secret').textContent()) ?? '';
    rememberTotpSecret(viewer, secret);
    await settings.getByLabel('Kode autentikator (6 angka)').fill(await nextTotpCode(viewer));
    await settings.getByRole('button', { name: 'Aktifkan' }).click();
    await settings.getByTestId('recovery-codes').waitFor();
    await settings.getByRole('button', { name: 'Saya sudah menyimpan kode ini' }).click();
    await settings.getByText(/Aktif sejak/).waitFor();
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.waitForURL((url) => url.pathname === '/masuk');

    // The next login asks for the code; then the viewer switches it off again.
    await logIn(page, viewer, viewerPassword);
    await page.goto('/akun');
    await settings.getByRole('button', { name: 'Matikan verifikasi dua langkah' }).click();
    await settings.getByLabel('Kata sandi').fill(viewerPassword);
    await settings.getByLabel('Kode autentikator atau kode pemulihan').fill(await nextTotpCode(viewer));
    await settings.getByRole('button', { name: 'Matikan verifikasi dua langkah' }).click();
    await settings.getByText('Verifikasi dua langkah telah dimatikan.').waitFor();
    await context.close();
  });
});
