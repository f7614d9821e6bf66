import { testEnvironment } from './environment';
import { logInFully, nextTotpCode } from './second-factor';

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** A small HTTP client for the API under test, optionally logged in as a demo user. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly token?: string,
  ) {}

  static async as(baseUrl: string, username: string): Promise<ApiClient> {
    const response = await logInFully(baseUrl, username);
    if (response.status !== 200)
      throw new Error(`login as ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
    return new ApiClient(baseUrl, response.body.accessToken as string);
  }

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  /** Step-up: password and a fresh authenticator code, so this session may reveal identities for a while. */
  async stepUp(username: string): Promise<ApiResponse<{ validUntil: string }>> {
    for (let attempt = 0; ; attempt += 1) {
      const answered = await this.post<{ validUntil: string; code?: string }>('/api/v1/me/step-up', {
        password: testEnvironment().demoPassword,
        code: await nextTotpCode(username),
      });
      if (answered.body.code !== 'MFA_CODE_REUSED' || attempt >= 4) return answered;
    }
  }

  get<T = unknown>(path: string) {
    return this.request<T>('GET', path);
  }

  post<T = unknown>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body ?? {}, headers);
  }

  put<T = unknown>(path: string, body: unknown) {
    return this.request<T>('PUT', path, body);
  }

  patch<T = unknown>(path: string, body: unknown) {
    return this.request<T>('PATCH', path, body);
  }

  delete<T = unknown>(path: string) {
    return this.request<T>('DELETE', path);
  }
}
