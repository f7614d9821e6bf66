import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Encrypts authenticator secrets at rest (OWASP ASVS 2.9.x, 6.2.x): AES-256-GCM with a key derived
 * from AUTH_SECRET by HKDF for this one purpose, the user id as authenticated data, so a secret
 * copied onto another user's row does not decrypt. Layout: 12-byte IV, 16-byte tag, ciphertext.
 */
export class MfaSecretCipher {
  private readonly key: Buffer;

  constructor(authSecret: string) {
    if (authSecret.length < 32) throw new Error('AUTH_SECRET must be set (at least 32 characters) to keep MFA secrets');
    this.key = Buffer.from(hkdfSync('sha256', authSecret, Buffer.alloc(0), 'konvergensi mfa totp secret', 32));
  }

  encrypt(userId: string, secretBase32: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(userId));
    const body = Buffer.concat([cipher.update(secretBase32, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  decrypt(userId: string, stored: Buffer): string {
    const decipher = createDecipheriv('aes-256-gcm', this.key, stored.subarray(0, 12));
    decipher.setAAD(Buffer.from(userId));
    decipher.setAuthTag(stored.subarray(12, 28));
    return Buffer.concat([decipher.update(stored.subarray(28)), decipher.final()]).toString('utf8');
  }
}
