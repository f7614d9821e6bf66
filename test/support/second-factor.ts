import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { testEnvironment } from './environment';

/**
 * Logs in the way a person with an authenticator app does: password, then a six-digit code when
 * the API asks for one, or first the enrolment (QR secret, first code) when the account must set
 * one up. A code is good once per user and 30-second step (the API refuses a replay), so the
 * steps already spent are kept per user in the run's work directory, shared by every test file
 * (Jest gives each file its own modules): a login takes the earliest step the API still accepts
 * (the one before, the current one, the one after) that was not used, and waits for the clock
 * when all three are spent.
 */
interface Ledger {
  steps: Record<string, number>;
  /** Secrets of accounts a test enrolled itself (the demo users share `demoMfaSecret`). */
  secrets: Record<string, string>;
}

const stepMs = 30_000;

function ledgerFile(): string {
  return join(testEnvironment().workDir, 'second-factor-ledger.json');
}

function readLedger(): Ledger {
  const file = ledgerFile();
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Ledger) : { steps: {}, secrets: {} };
}

function updateLedger(change: (ledger: Ledger) => void): void {
  const ledger = readLedger();
  change(ledger);
  writeFileSync(ledgerFile(), JSON.stringify(ledger));
}

export function totpSecretOf(username: string): string {
  return readLedger().secrets[username.toLowerCase()] ?? testEnvironment().demoMfaSecret;
}

export function rememberTotpSecret(username: string, secret: string): void {
  updateLedger((ledger) => {
    ledger.secrets[username.toLowerCase()] = secret;
  });
}

/** Marks a step as spent by someone else's login (the API answered MFA_CODE_REUSED). */
function spend(username: string, step: number): void {
  updateLedger((ledger) => {
    ledger.steps[username.toLowerCase()] = Math.max(ledger.steps[username.toLowerCase()] ?? -1, step);
  });
}

/** The next unused code of the user's authenticator; waits for the next step when needed. */
export async function nextTotpCode(username: string, secret = totpSecretOf(username)): Promise<string> {
  for (;;) {
    const now = Date.now();
    const current = Math.floor(now / stepMs);
    const last = readLedger().steps[username.toLowerCase()] ?? -1;
    // The step before the current one dies when the current one ends: not in its last seconds.
    const earliest = now % stepMs > stepMs - 3000 ? current : current - 1;
    const step = Math.max(earliest, last + 1);
    if (step <= current + 1) {
      spend(username, step);
      return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: step * stepMs });
    }
    await new Promise((resolve) => setTimeout(resolve, (step - 1) * stepMs - Date.now() + 100));
  }
}

export interface LoginResult {
  status: number;
  body: Record<string, unknown>;
  /** The `name=value` of every cookie the final answer set. */
  cookies: string[];
}

async function post(baseUrl: string, path: string, body: unknown, userAgent?: string): Promise<LoginResult> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(userAgent ? { 'user-agent': userAgent } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : {}) as Record<string, unknown>,
    cookies: response.headers.getSetCookie().map((cookie) => cookie.split(';')[0] ?? ''),
  };
}

/**
 * The whole login of one user: the password, then whatever second step the API asks for. Answers
 * the last response (200 with the access token, or the refusal of whichever step refused).
 */
export async function logInFully(
  baseUrl: string,
  username: string,
  password = testEnvironment().demoPassword,
  userAgent?: string,
): Promise<LoginResult> {
  const first = await post(baseUrl, '/api/v1/auth/login', { username, password }, userAgent);
  const challengeToken = first.body.challengeToken as string | undefined;
  if (first.status !== 200 || !challengeToken) return first;
  if (first.body.mfaEnrolmentRequired) {
    const started = await post(baseUrl, '/api/v1/auth/mfa/enrolment', { challengeToken });
    if (started.status !== 200) return started;
    const secret = started.body.secret as string;
    rememberTotpSecret(username, secret);
    return post(baseUrl, '/api/v1/auth/mfa/enrolment/confirm', {
      challengeToken,
      code: await nextTotpCode(username, secret),
    });
  }
  for (let attempt = 0; ; attempt += 1) {
    const code = await nextTotpCode(username);
    const answered = await post(baseUrl, '/api/v1/auth/login/mfa', { challengeToken, code });
    // A browser test or another file may have spent this step already: take the next one.
    if (answered.body.code !== 'MFA_CODE_REUSED' || attempt >= 4) return answered;
  }
}
