import { dictionary } from '@zxcvbn-ts/language-common';
import { z } from 'zod';

/**
 * The ~49,000 most common passwords of public breach corpora, as zxcvbn-ts ships them offline
 * (`@zxcvbn-ts/language-common`, a maintained package): ASVS 2.1.7 asks that a new password be
 * checked against breached passwords, and no network service may be asked here. Plus the words a
 * regency's staff would reach for first.
 */
const commonPasswords = new Set<string>([
  ...dictionary['passwords-common'].map((password) => password.toLowerCase()),
  'konvergensi',
  'stunting',
  'tppskabupaten',
  'tppskota',
  'kabupaten',
  'indonesia',
  'merahputih',
  'bismillah',
]);

/**
 * Whether a password is a common one, also when it is one with digits or punctuation added at the
 * end or the start ("password2024!", "123indonesia"), one short group repeated, or a run of keys.
 */
export function isCommonPassword(password: string): boolean {
  const lowered = password.toLowerCase();
  if (commonPasswords.has(lowered)) return true;
  const core = lowered.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  if (core.length >= 4 && commonPasswords.has(core)) return true;
  return /^(.)\1*$/u.test(password) || /^(.{1,3})\1+$/u.test(password) || isKeyRun(lowered);
}

/** "1234567890123", "9876543210", "abcdefghijkl": each character one step from the one before. */
function isKeyRun(password: string): boolean {
  const codes = [...password].map((char) => char.codePointAt(0) ?? 0);
  // 9 → 0 goes on along a keyboard's digit row (…8 9 0), so it counts as +1; 0 → 9 as -1.
  const steps = codes.slice(1).map((code, i) => {
    const step = code - (codes[i] ?? 0);
    return step === -9 ? 1 : step === 9 ? -1 : step;
  });
  return steps.length > 0 && (steps.every((step) => step === 1) || steps.every((step) => step === -1));
}

/**
 * A password a person chooses (account creation, admin change, reset link): OWASP ASVS 2.1.1
 * (at least 12 characters) and 2.1.2 (up to 128 are allowed, longer are refused), and 2.1.7 (not
 * a common or breached one). No composition rules (2.1.9) and no trimming: every character
 * counts as typed. Login keeps its own wider bound so that an account is never locked out by a
 * later change of this policy.
 */
export const newPasswordSchema = z
  .string()
  .min(12, 'kata sandi minimal 12 karakter')
  .max(128, 'kata sandi paling banyak 128 karakter')
  .refine(
    (password) => !isCommonPassword(password),
    'kata sandi ini terlalu umum (ada dalam daftar kata sandi yang bocor); pilih kalimat sandi yang lain',
  );
