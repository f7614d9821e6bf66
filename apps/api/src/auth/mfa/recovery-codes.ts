import { createHash, randomInt } from 'node:crypto';

/**
 * Recovery codes (kode pemulihan): ten one-time codes shown once at enrolment, for when the phone
 * with the authenticator is lost (OWASP ASVS 2.6.x look-up secrets: random, 112 bits in all is
 * not needed per code because each is single-use and counts as a failed login when wrong). Only
 * their SHA-256 hashes are kept; an unsalted hash is enough for 40 random bits each behind the
 * lockout, unlike a password.
 */
export const recoveryCodeCount = 10;
// No 0/o, 1/l/i: the codes are read off paper and typed by hand.
const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

export function newRecoveryCodes(): string[] {
  const codes = new Set<string>();
  while (codes.size < recoveryCodeCount) {
    const chars = Array.from({ length: 8 }, () => alphabet[randomInt(alphabet.length)]).join('');
    codes.add(`${chars.slice(0, 4)}-${chars.slice(4)}`);
  }
  return [...codes];
}

/** Whether typed text has the shape of a recovery code (so it is not checked as a TOTP code). */
export function looksLikeRecoveryCode(text: string): boolean {
  return /^[a-z0-9]{4}-?[a-z0-9]{4}$/i.test(text.trim());
}

/** The hash of a code as typed: case, spaces and the dash do not matter. */
export function recoveryCodeHash(text: string): string {
  const normal = text.replace(/[\s-]+/g, '').toLowerCase();
  return createHash('sha256').update(normal).digest('hex');
}
