import { checkTotp, newTotpSecret, otpauthUri, totpCodeAt, totpStepAt } from './totp';

describe('TOTP codes', () => {
  const secret = newTotpSecret();
  const now = new Date('2026-12-07T03:00:10Z');

  it('accepts the code of the current step and says which step it was', () => {
    expect(checkTotp(secret, totpCodeAt(secret, now), now, null)).toEqual({
      outcome: 'accepted',
      step: totpStepAt(now),
    });
  });

  it('accepts the code of the step before and after, for a phone clock a little off', () => {
    const before = new Date(now.getTime() - 30_000);
    const after = new Date(now.getTime() + 30_000);
    expect(checkTotp(secret, totpCodeAt(secret, before), now, null).outcome).toBe('accepted');
    expect(checkTotp(secret, totpCodeAt(secret, after), now, null).outcome).toBe('accepted');
  });

  it('refuses the code of two steps ago', () => {
    const old = new Date(now.getTime() - 61_000);
    expect(checkTotp(secret, totpCodeAt(secret, old), now, null).outcome).toBe('wrong');
  });

  it('refuses a code whose step was already used, and an older one', () => {
    const code = totpCodeAt(secret, now);
    expect(checkTotp(secret, code, now, totpStepAt(now)).outcome).toBe('reused');
    expect(checkTotp(secret, code, now, totpStepAt(now) + 1).outcome).toBe('reused');
  });

  it('takes a code typed with a space in the middle and refuses anything but six digits', () => {
    const code = totpCodeAt(secret, now);
    expect(checkTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now, null).outcome).toBe('accepted');
    expect(checkTotp(secret, '12345', now, null).outcome).toBe('wrong');
    expect(checkTotp(secret, 'abcdef', now, null).outcome).toBe('wrong');
  });

  it('makes an otpauth address with the issuer and the account for the QR code', () => {
    const uri = otpauthUri(secret, 'metro.aks-teknis');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Konvergensi:metro\.aks-teknis\?/);
    expect(uri).toContain(`secret=${secret}`);
    expect(uri).toContain('issuer=Konvergensi');
  });

  it('makes a different 32-character base32 secret each time', () => {
    const other = newTotpSecret();
    expect(other).toMatch(/^[A-Z2-7]{32}$/);
    expect(other).not.toBe(secret);
  });
});
