/**
 * The API client. The access token lives only in memory (never in storage a script could read
 * later); the refresh token is an httpOnly cookie the browser sends to /api/v1/auth only. A 401
 * triggers one silent refresh (shared by concurrent calls) and a retry; a timer refreshes a minute
 * before the token expires so a long form is not lost.
 */
export const csrfHeaderName = 'x-konvergensi-csrf';

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

interface TokenResponse {
  accessToken: string;
  expiresIn: number;
}

/** What a correct password leads to: a session, or the second step of verifikasi dua langkah. */
export type LoginStep =
  { kind: 'signedIn' } | { kind: 'code'; challengeToken: string } | { kind: 'enrol'; challengeToken: string };

/** A new authenticator secret with its QR code (an SVG document) and otpauth address. */
export interface MfaEnrolment {
  secret: string;
  otpauthUri: string;
  qrSvg: string;
}

type SessionListener = (signedIn: boolean) => void;

export class ApiClient {
  private accessToken: string | null = null;
  private refreshing: Promise<boolean> | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<SessionListener>();

  get signedIn(): boolean {
    return this.accessToken !== null;
  }

  onSessionChange(listener: SessionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async publicPost<T>(path: string, body: unknown): Promise<T> {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(body),
    });
    if (!response.ok) throw await failureOf(response);
    return (await response.json()) as T;
  }

  async login(username: string, password: string): Promise<LoginStep> {
    const answer = await this.publicPost<
      TokenResponse | { mfaRequired?: true; mfaEnrolmentRequired?: true; challengeToken: string }
    >('/api/v1/auth/login', { username, password });
    if ('challengeToken' in answer)
      return { kind: answer.mfaEnrolmentRequired ? 'enrol' : 'code', challengeToken: answer.challengeToken };
    this.accept(answer);
    return { kind: 'signedIn' };
  }

  /** The second step: a code of the authenticator (or a recovery code) for the login's challenge. */
  async loginWithCode(challengeToken: string, code: string): Promise<void> {
    this.accept(await this.publicPost<TokenResponse>('/api/v1/auth/login/mfa', { challengeToken, code }));
  }

  /** At a first login that requires an authenticator: the secret and QR code to scan. */
  startEnrolmentAtLogin(challengeToken: string): Promise<MfaEnrolment> {
    return this.publicPost<MfaEnrolment>('/api/v1/auth/mfa/enrolment', { challengeToken });
  }

  /** The first code turns the authenticator on and signs in; answers the recovery codes to show once. */
  async confirmEnrolmentAtLogin(challengeToken: string, code: string): Promise<string[]> {
    const answer = await this.publicPost<TokenResponse & { recoveryCodes: string[] }>(
      '/api/v1/auth/mfa/enrolment/confirm',
      { challengeToken, code },
    );
    this.accept(answer);
    return answer.recoveryCodes;
  }

  /** Exchanges the refresh cookie for a new access token; false when there is no session. */
  refresh(): Promise<boolean> {
    this.refreshing ??= (async () => {
      try {
        const response = await fetch('/api/v1/auth/refresh', {
          method: 'POST',
          headers: { [csrfHeaderName]: '1' },
          credentials: 'same-origin',
        });
        if (!response.ok) {
          this.clear();
          return false;
        }
        this.accept((await response.json()) as TokenResponse);
        return true;
      } catch {
        return false;
      } finally {
        this.refreshing = null;
      }
    })();
    return this.refreshing;
  }

  async logout(): Promise<void> {
    try {
      await fetch('/api/v1/auth/logout', {
        method: 'POST',
        headers: { [csrfHeaderName]: '1' },
        credentials: 'same-origin',
      });
    } finally {
      this.clear();
    }
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    return this.request<T>('POST', path, body, headers);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PATCH', path, body);
  }

  delete(path: string): Promise<void> {
    return this.request<void>('DELETE', path);
  }

  async request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const send = () =>
      fetch(path, {
        method,
        credentials: 'same-origin',
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(this.accessToken ? { authorization: `Bearer ${this.accessToken}` } : {}),
          ...headers,
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
      });
    let response = await send();
    if (response.status === 401 && (await this.refresh())) response = await send();
    if (!response.ok) throw await failureOf(response);
    if (response.status === 204) return undefined as T;
    const type = response.headers.get('content-type') ?? '';
    return (type.includes('json') ? await response.json() : await response.text()) as T;
  }

  /**
   * Uploads one file as multipart/form-data with XMLHttpRequest, whose upload events report
   * progress (fetch cannot). Retries once after a silent refresh when the token had expired.
   */
  async upload<T>(path: string, file: File, onProgress: (fraction: number) => void): Promise<T> {
    const attempt = () =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', path);
        if (this.accessToken) xhr.setRequestHeader('authorization', `Bearer ${this.accessToken}`);
        xhr.upload.onprogress = (event) => {
          if (event.lengthComputable) onProgress(event.loaded / event.total);
        };
        xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
        xhr.onerror = () => reject(new ApiFailure(0, 'NETWORK_ERROR', ''));
        const form = new FormData();
        form.append('file', file, file.name);
        xhr.send(form);
      });
    let result = await attempt();
    if (result.status === 401 && (await this.refresh())) result = await attempt();
    if (result.status < 200 || result.status >= 300) throw failureOfText(result.status, result.text);
    onProgress(1);
    return JSON.parse(result.text) as T;
  }

  /**
   * Downloads a file, reporting progress as the bytes arrive (the total is known only when the
   * server sends a length; otherwise the fraction stays undefined and the bar is indeterminate).
   */
  async download(path: string, onProgress: (received: number, fraction: number | undefined) => void): Promise<Blob> {
    const send = () =>
      fetch(path, {
        credentials: 'same-origin',
        headers: this.accessToken ? { authorization: `Bearer ${this.accessToken}` } : {},
      });
    let response = await send();
    if (response.status === 401 && (await this.refresh())) response = await send();
    if (!response.ok) throw await failureOf(response);
    const total = Number(response.headers.get('content-length') ?? 0) || undefined;
    const type = response.headers.get('content-type') ?? 'application/octet-stream';
    if (!response.body) return response.blob();
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      onProgress(received, total ? received / total : undefined);
    }
    return new Blob(chunks as BlobPart[], { type });
  }

  private accept(tokens: TokenResponse): void {
    const wasSignedIn = this.signedIn;
    this.accessToken = tokens.accessToken;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    const refreshInMs = Math.max(10, tokens.expiresIn - 60) * 1000;
    this.refreshTimer = setTimeout(() => void this.refresh(), refreshInMs);
    if (!wasSignedIn) this.listeners.forEach((listener) => listener(true));
  }

  private clear(): void {
    const wasSignedIn = this.signedIn;
    this.accessToken = null;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = null;
    if (wasSignedIn) this.listeners.forEach((listener) => listener(false));
  }
}

async function failureOf(response: Response): Promise<ApiFailure> {
  return failureOfText(response.status, await response.text().catch(() => ''));
}

function failureOfText(status: number, text: string): ApiFailure {
  try {
    const body = JSON.parse(text) as { code?: string; message?: string; details?: unknown };
    return new ApiFailure(status, body.code ?? `HTTP_${status}`, body.message ?? '', body.details);
  } catch {
    return new ApiFailure(status, `HTTP_${status}`, '');
  }
}

/** A fresh Idempotency-Key for one intended action (kept across retries of that action). */
export function newIdempotencyKey(): string {
  // randomUUID exists only in secure contexts; an office intranet may serve plain http.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const api = new ApiClient();
