import { looksLikeRecoveryCode, newRecoveryCodes, recoveryCodeHash } from './recovery-codes';

describe('recovery codes', () => {
  it('are ten different codes of two groups of four unambiguous characters', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(/^[a-hj-km-np-z2-9]{4}-[a-hj-km-np-z2-9]{4}$/);
      expect(looksLikeRecoveryCode(code)).toBe(true);
    }
  });

  it('hash the same however the code is typed (case, spaces, without the dash)', () => {
    const [code] = newRecoveryCodes();
    const plain = code!.replace('-', '');
    expect(recoveryCodeHash(code!.toUpperCase())).toBe(recoveryCodeHash(code!));
    expect(recoveryCodeHash(` ${plain} `)).toBe(recoveryCodeHash(code!));
  });

  it('tell a six-digit authenticator code from a recovery code', () => {
    expect(looksLikeRecoveryCode('123456')).toBe(false);
    expect(looksLikeRecoveryCode('abcd-2345')).toBe(true);
  });
});
