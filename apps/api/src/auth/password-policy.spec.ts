import { isCommonPassword, newPasswordSchema } from './password-policy';

describe('the password a person chooses', () => {
  it('refuses the common passwords of breach corpora, in any letter case', () => {
    for (const password of ['1234567890123', 'PASSWORD1234', 'qwertyuiop123', 'iloveyou2024!']) {
      expect({ password, common: isCommonPassword(password) }).toEqual({ password, common: true });
    }
  });

  it('refuses a common word with digits or punctuation around it, and repeated characters', () => {
    expect(isCommonPassword('Konvergensi2027!')).toBe(true);
    expect(isCommonPassword('###indonesia###')).toBe(true);
    expect(isCommonPassword('aaaaaaaaaaaa')).toBe(true);
    expect(isCommonPassword('abcabcabcabc')).toBe(true);
  });

  it('accepts a long passphrase of ordinary words', () => {
    expect(isCommonPassword('sandi-korpus-panjang')).toBe(false);
    expect(isCommonPassword('kopi pagi di balai desa')).toBe(false);
    expect(newPasswordSchema.safeParse('rahasia-yang-panjang').success).toBe(true);
  });

  it('answers in Bahasa Indonesia why a common password is refused', () => {
    const result = newPasswordSchema.safeParse('password12345');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/terlalu umum/);
  });

  it('keeps the length bounds: 12 to 128 characters', () => {
    expect(newPasswordSchema.safeParse('pendek-saja').success).toBe(false);
    expect(newPasswordSchema.safeParse('x'.repeat(60) + 'y'.repeat(69)).success).toBe(false);
  });
});
