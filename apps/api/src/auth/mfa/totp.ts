import { Secret, TOTP } from 'otpauth';

/**
 * Time-based one-time passwords (RFC 6238) as every authenticator app speaks them: SHA-1, six
 * digits, 30-second steps. The otpauth library does the HOTP/TOTP arithmetic (a maintained,
 * dependency-free implementation); this module adds what a login needs on top: which step a code
 * belongs to, so that a code is accepted once only (OWASP ASVS 2.8.4).
 */
export const totpPeriodSeconds = 30;
const issuer = 'Konvergensi';

function totpOf(secretBase32: string, label = ''): TOTP {
  return new TOTP({
    issuer,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: totpPeriodSeconds,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A new shared secret: 160 random bits (RFC 4226 §4 recommends at least 128), in base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://` address an authenticator app reads from the QR code. */
export function otpauthUri(secretBase32: string, accountName: string): string {
  return totpOf(secretBase32, accountName).toString();
}

/** The 30-second step an instant falls in. */
export function totpStepAt(instant: Date): number {
  return Math.floor(instant.getTime() / 1000 / totpPeriodSeconds);
}

/** The code of a step (for tests and for the demo's scripted logins). */
export function totpCodeAt(secretBase32: string, instant: Date): string {
  return totpOf(secretBase32).generate({ timestamp: instant.getTime() });
}

export type TotpCheck = { outcome: 'accepted'; step: number } | { outcome: 'wrong' } | { outcome: 'reused' };

/**
 * Checks a six-digit code at `now`, accepting the step before and after as well (a phone's clock
 * a little off, a code typed as it changes: RFC 6238 §5.2). A code of a step at or before
 * `lastUsedStep` was already spent: `reused`.
 */
export function checkTotp(secretBase32: string, code: string, now: Date, lastUsedStep: number | null): TotpCheck {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return { outcome: 'wrong' };
  const delta = totpOf(secretBase32).validate({ token, timestamp: now.getTime(), window: 1 });
  if (delta === null) return { outcome: 'wrong' };
  const step = totpStepAt(now) + delta;
  if (lastUsedStep !== null && step <= lastUsedStep) return { outcome: 'reused' };
  return { outcome: 'accepted', step };
}
