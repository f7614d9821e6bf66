import { resetMail, resetTokenTtlMinutes } from './password-reset.service';

describe('the password reset mail', () => {
  const link = 'https://konvergensi.example/atur-ulang-kata-sandi?token=abc_DEF-123';

  it('carries the one-time link and says how long it works', () => {
    const mail = resetMail({ username: 'metro.dinkes', displayName: 'Petugas Dinkes' }, link);
    expect(mail.subject).toBe('Atur ulang kata sandi Konvergensi Stunting');
    expect(mail.text).toContain(link);
    expect(mail.text).toContain(`${resetTokenTtlMinutes} menit`);
    expect(mail.text).toContain('metro.dinkes');
    expect(mail.html).toContain(`href="${link}"`);
  });

  it('escapes a display name that holds markup in the HTML body', () => {
    const mail = resetMail({ username: 'uji', displayName: '<script>alert(1)</script>' }, link);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
  });
});
