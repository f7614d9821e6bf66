import { MfaSecretCipher } from './mfa-secret-cipher';

describe('the authenticator secret cipher', () => {
  const cipher = new MfaSecretCipher('k'.repeat(40));

  it('gives back the secret it encrypted for the same user', () => {
    expect(cipher.decrypt('user-a', cipher.encrypt('user-a', 'JBSWY3DPEHPK3PXP'))).toBe('JBSWY3DPEHPK3PXP');
  });

  it('does not decrypt a secret moved onto another user', () => {
    expect(() => cipher.decrypt('user-b', cipher.encrypt('user-a', 'JBSWY3DPEHPK3PXP'))).toThrow();
  });

  it('does not decrypt with another AUTH_SECRET', () => {
    const stored = cipher.encrypt('user-a', 'JBSWY3DPEHPK3PXP');
    expect(() => new MfaSecretCipher('j'.repeat(40)).decrypt('user-a', stored)).toThrow();
  });

  it('refuses to start without a usable AUTH_SECRET', () => {
    expect(() => new MfaSecretCipher('')).toThrow(/AUTH_SECRET/);
  });
});
