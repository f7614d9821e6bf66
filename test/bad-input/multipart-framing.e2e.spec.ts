import { connect } from 'node:net';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { EvidenceFileRecord } from '@konvergensi/persistence';
import { ApiClient } from '../support/api-client';
import { startAudit, waitForStage } from '../support/aks-fixtures';
import {
  databaseFingerprint,
  expectErrorBody,
  insertTask,
  Logins,
  openDatabase,
  pngBytes,
  startFileStack,
  type FileStack,
} from '../support/fixtures';

/**
 * Multipart framing as an attacker (or a broken client) sends it, byte for byte over a raw
 * socket: every upload endpoint answers one 4xx and changes nothing, a client that goes away
 * mid-body gets no answer and costs nothing, a client that trickles bytes is cut off by the
 * server's head and request timeouts (408 REQUEST_TIMEOUT), HTTP the parser cannot read answers
 * 400/431 with `{ code, message }`, and the API process is still alive and healthy after all of it
 * (once, a part without its closing boundary stopped the API and with it the stack). More framings
 * go through the corpus harness (framing-cases.ts).
 */
const headersTimeoutMs = 2000;
const requestTimeoutMs = 5000;

describe('multipart framing: cut, malformed and oversized uploads end as one 4xx and the API stays up', () => {
  let stack: FileStack;
  let db: DataSource;
  let logins: Logins;
  const paths: Record<'evidence' | 'csv' | 'document', string> = { evidence: '', csv: '', document: '' };
  let cancelledTask: string;
  let openTask: string;
  let apiExit: number | null | undefined;

  beforeAll(async () => {
    // Short bounds on the request head and the whole request, so that trickling clients meet them.
    stack = await startFileStack('multipart-framing', {
      HTTP_HEADERS_TIMEOUT_MS: String(headersTimeoutMs),
      HTTP_REQUEST_TIMEOUT_MS: String(requestTimeoutMs),
    });
    void stack.api.exited.then((code) => {
      apiExit = code;
    });
    db = await openDatabase();
    logins = new Logins(stack.baseUrl);
    openTask = (await insertTask(db, { regencyCode: '18.72', unitCode: 'DINKES', title: 'Tugas unggahan' })).id;
    cancelledTask = (
      await insertTask(db, { regencyCode: '18.72', unitCode: 'DINKES', title: 'Tugas dibatalkan', status: 'cancelled' })
    ).id;
    paths.evidence = `/api/v1/tasks/${openTask}/evidence`;
    const secretary = await ApiClient.as(stack.baseUrl, 'metro.sekretaris');
    // 2054: no other file's AKS year.
    const audit = await startAudit(secretary, '18.72', { year: 2054, semester: 1, templateCode: 'AKS' });
    await waitForStage(secretary, audit.id, 'AKS.T1');
    paths.csv = `/api/v1/aks/audits/${audit.id}/cases/import`;
    paths.document = `/api/v1/aks/audits/${audit.id}/documents/AKS_SK`;
    for (const user of ['metro.dinkes', 'metro.sekretaris', 'metro.aks-teknis']) await logins.token(user);
  });

  afterAll(async () => {
    await db?.destroy();
    await stack?.stop();
  });

  const callerOf = { evidence: 'metro.dinkes', csv: 'metro.aks-teknis', document: 'metro.sekretaris' } as const;

  /** Writes `head` + `body` to the API's socket as they are; resolves with the parsed answer, or undefined on none. */
  async function rawRequest(
    path: string,
    user: string,
    contentType: string,
    body: Buffer | string,
    options: { contentLength?: number; endSocket?: boolean; chunks?: number; chunkDelayMs?: number } = {},
  ): Promise<{ status: number; body: unknown } | undefined> {
    const url = new URL(stack.baseUrl);
    const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1');
    const head =
      `POST ${path} HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${await logins.token(user)}\r\n` +
      `Content-Type: ${contentType}\r\nContent-Length: ${options.contentLength ?? bytes.length}\r\nConnection: close\r\n\r\n`;
    return new Promise((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname);
      const received: Buffer[] = [];
      socket.on('data', (chunk) => received.push(chunk));
      socket.on('error', (error: NodeJS.ErrnoException) =>
        error.code === 'ECONNRESET' ? resolve(parse(Buffer.concat(received))) : reject(error),
      );
      socket.on('close', () => resolve(parse(Buffer.concat(received))));
      socket.on('connect', async () => {
        socket.write(head);
        const parts = options.chunks ?? 1;
        const size = Math.ceil(bytes.length / parts);
        for (let i = 0; i < parts; i += 1) {
          socket.write(bytes.subarray(i * size, (i + 1) * size));
          if (options.chunkDelayMs) await new Promise((done) => setTimeout(done, options.chunkDelayMs));
        }
        if (options.endSocket) socket.end();
      });
      setTimeout(() => socket.destroy(), 15_000).unref();
    });
  }

  /**
   * Writes `head` to the API's socket, then `drip` every `everyMs` until the server answers or
   * closes; resolves with the answer (undefined when the socket was closed without one) and the
   * time it took.
   */
  async function trickle(
    head: string,
    drip: string,
    everyMs: number,
  ): Promise<{ answer: { status: number; body: unknown } | undefined; ms: number }> {
    const url = new URL(stack.baseUrl);
    const started = Date.now();
    return new Promise((resolve) => {
      const socket = connect(Number(url.port), url.hostname);
      const received: Buffer[] = [];
      let timer: NodeJS.Timeout | undefined;
      const done = () => {
        clearInterval(timer);
        resolve({ answer: parse(Buffer.concat(received)), ms: Date.now() - started });
      };
      socket.on('data', (chunk) => received.push(chunk));
      socket.on('error', () => socket.destroy());
      socket.on('close', done);
      socket.on('connect', () => {
        socket.write(head);
        timer = setInterval(() => {
          if (!socket.destroyed && socket.writable) socket.write(drip);
        }, everyMs);
      });
      setTimeout(() => socket.destroy(), 30_000).unref();
    });
  }

  /** Writes `bytes` as they are (no head of ours) and resolves with the answer, if any. */
  async function rawBytes(bytes: string): Promise<{ status: number; body: unknown } | undefined> {
    const url = new URL(stack.baseUrl);
    return new Promise((resolve) => {
      const socket = connect(Number(url.port), url.hostname);
      const received: Buffer[] = [];
      socket.on('data', (chunk) => received.push(chunk));
      socket.on('error', () => socket.destroy());
      socket.on('close', () => resolve(parse(Buffer.concat(received))));
      socket.on('connect', () => socket.write(Buffer.from(bytes, 'latin1')));
      setTimeout(() => socket.destroy(), 15_000).unref();
    });
  }

  function parse(raw: Buffer): { status: number; body: unknown } | undefined {
    const text = raw.toString('utf8');
    const status = /^HTTP\/1\.1 (\d{3})/.exec(text)?.[1];
    if (!status) return undefined;
    const payload = text.slice(text.indexOf('\r\n\r\n') + 4);
    let body: unknown = payload;
    try {
      body = JSON.parse(payload);
    } catch {
      // chunked or empty: keep the text
    }
    return { status: Number(status), body };
  }

  const pngText = pngBytes(3).toString('latin1');
  const part = (name: string, filename: string, content = pngText) =>
    `--B\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: image/png\r\n\r\n${content}\r\n`;

  const framings: { name: string; contentType: string; body: string; status: number; code: string }[] = [
    {
      name: 'a file part without the closing boundary',
      contentType: 'multipart/form-data; boundary=B',
      body: part('file', 'bukti.png'),
      status: 400,
      code: 'MALFORMED_UPLOAD',
    },
    {
      name: 'a body that stops in the middle of a part header',
      contentType: 'multipart/form-data; boundary=B',
      body: '--B\r\nContent-Disposition: form-data; name="file"; filena',
      status: 400,
      code: 'MALFORMED_UPLOAD',
    },
    {
      name: 'a boundary in the header that the body never uses',
      contentType: 'multipart/form-data; boundary=LAIN',
      body: `${part('file', 'bukti.png')}--B--\r\n`,
      status: 400,
      code: 'MALFORMED_UPLOAD',
    },
    {
      name: 'a part header of 100 KB',
      contentType: 'multipart/form-data; boundary=B',
      body: `--B\r\nContent-Disposition: form-data; name="file"; filename="${'a'.repeat(100_000)}.png"\r\n\r\n${pngText}\r\n--B--\r\n`,
      status: 400,
      code: 'MALFORMED_UPLOAD',
    },
    {
      name: 'eleven form fields beside the file',
      contentType: 'multipart/form-data; boundary=B',
      body:
        Array.from({ length: 11 }, (_, i) => `--B\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\nx\r\n`).join(
          '',
        ) + `${part('file', 'bukti.png')}--B--\r\n`,
      status: 400,
      code: 'TOO_MANY_FIELDS',
    },
    {
      name: 'two hundred parts',
      contentType: 'multipart/form-data; boundary=B',
      body:
        Array.from(
          { length: 200 },
          (_, i) => `--B\r\nContent-Disposition: form-data; name="p${i}"\r\n\r\n${i}\r\n`,
        ).join('') + '--B--\r\n',
      status: 400,
      code: 'TOO_MANY_FIELDS',
    },
  ];

  const endpoints = ['evidence', 'csv', 'document'] as const;
  const matrix = endpoints.flatMap((endpoint) => framings.map((framing) => ({ endpoint, ...framing })));

  it.each(matrix)(
    'answers $endpoint with $status $code for $name',
    async ({ endpoint, contentType, body, status, code }) => {
      const before = await databaseFingerprint(db);
      const answer = await rawRequest(paths[endpoint], callerOf[endpoint], contentType, body);
      expect(answer?.status).toBe(status);
      expectErrorBody(answer?.body, code);
      expect(await databaseFingerprint(db)).toEqual(before);
      expect(apiExit).toBeUndefined();
    },
  );

  it.each(endpoints)('survives a %s upload whose client goes away mid-body, and stays healthy', async (endpoint) => {
    const before = await databaseFingerprint(db);
    // Content-Length promises more than is sent, then the client closes its side.
    const answer = await rawRequest(
      paths[endpoint],
      callerOf[endpoint],
      'multipart/form-data; boundary=B',
      part('file', 'bukti.png'),
      { contentLength: 50_000, endSocket: true },
    );
    expect(answer === undefined || (answer.status >= 400 && answer.status < 500)).toBe(true);
    const health = await request(stack.baseUrl).get('/api/health');
    expect(health.status).toBe(200);
    expect(await databaseFingerprint(db)).toEqual(before);
    expect(apiExit).toBeUndefined();
  });

  it.each(endpoints)(
    'cuts off a %s upload that trickles a byte every 200 ms with 408 REQUEST_TIMEOUT and a closed socket, nothing stored',
    async (endpoint) => {
      const before = await databaseFingerprint(db);
      const url = new URL(stack.baseUrl);
      const head =
        `POST ${paths[endpoint]} HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${await logins.token(callerOf[endpoint])}\r\n` +
        `Content-Type: multipart/form-data; boundary=B\r\nContent-Length: 100000\r\n\r\n` +
        '--B\r\nContent-Disposition: form-data; name="file"; filename="pelan-sekali.png"\r\n\r\n';
      const { answer, ms } = await trickle(head, 'x', 200);
      // Nothing of a response was written yet, so the server answers before it closes.
      expect(answer?.status).toBe(408);
      expectErrorBody(answer?.body, 'REQUEST_TIMEOUT');
      // The request timeout, checked once a second, and no later than a few seconds after it.
      expect(ms).toBeGreaterThanOrEqual(requestTimeoutMs - 200);
      expect(ms).toBeLessThan(requestTimeoutMs + 5000);
      expect(await databaseFingerprint(db)).toEqual(before);
      expect((await request(stack.baseUrl).get('/api/health')).status).toBe(200);
      expect(apiExit).toBeUndefined();
    },
  );

  it('cuts off a client that trickles its request head (one header line every 200 ms) with 408 REQUEST_TIMEOUT', async () => {
    const before = await databaseFingerprint(db);
    const { answer, ms } = await trickle(
      `POST ${paths.evidence} HTTP/1.1\r\nHost: 127.0.0.1\r\n`,
      'X-Pelan: a\r\n',
      200,
    );
    expect(answer?.status).toBe(408);
    expectErrorBody(answer?.body, 'REQUEST_TIMEOUT');
    expect(ms).toBeGreaterThanOrEqual(headersTimeoutMs - 200);
    expect(ms).toBeLessThan(headersTimeoutMs + 5000);
    expect(await databaseFingerprint(db)).toEqual(before);
    expect(apiExit).toBeUndefined();
  });

  const unreadable: { name: string; bytes: () => Promise<string>; status: number; code: string }[] = [
    {
      name: 'an upload in chunked encoding with a chunk size that is not hexadecimal',
      bytes: async () =>
        `POST ${paths.evidence} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${await logins.token('metro.dinkes')}\r\n` +
        'Content-Type: multipart/form-data; boundary=B\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n--B\r\n0\r\n\r\n',
      status: 400,
      code: 'MALFORMED_REQUEST',
    },
    {
      name: 'an upload with both Content-Length and Transfer-Encoding (request smuggling)',
      bytes: async () =>
        `POST ${paths.evidence} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=B\r\n` +
        'Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
      status: 400,
      code: 'MALFORMED_REQUEST',
    },
    {
      name: 'an upload with two different Content-Length headers',
      bytes: async () =>
        `POST ${paths.csv} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=B\r\n` +
        'Content-Length: 3\r\nContent-Length: 4\r\n\r\nabcd',
      status: 400,
      code: 'MALFORMED_REQUEST',
    },
    {
      name: 'an upload whose Content-Length is not a number',
      bytes: async () =>
        `POST ${paths.document} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=B\r\n` +
        'Content-Length: banyak\r\n\r\n',
      status: 400,
      code: 'MALFORMED_REQUEST',
    },
    {
      name: 'request headers of 20 KB (over the 16 KB the server reads)',
      bytes: async () => `POST ${paths.evidence} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Besar: ${'a'.repeat(20_000)}\r\n\r\n`,
      status: 431,
      code: 'HEADERS_TOO_LARGE',
    },
    {
      name: 'a TLS handshake sent to the plain HTTP port',
      bytes: async () => '\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03',
      status: 400,
      code: 'MALFORMED_REQUEST',
    },
  ];

  it.each(unreadable)('answers $name with $status $code and stays up', async ({ bytes, status, code }) => {
    const before = await databaseFingerprint(db);
    const answer = await rawBytes(await bytes());
    expect(answer?.status).toBe(status);
    expectErrorBody(answer?.body, code);
    expect(await databaseFingerprint(db)).toEqual(before);
    expect(apiExit).toBeUndefined();
  });

  it('takes a slow upload that arrives in twenty pieces over two seconds', async () => {
    const answer = await rawRequest(
      paths.evidence,
      'metro.dinkes',
      'multipart/form-data; boundary=B',
      `${part('file', 'pelan.png', pngBytes(5).toString('latin1'))}--B--\r\n`,
      { chunks: 20, chunkDelayMs: 100 },
    );
    expect(answer?.status).toBe(201);
    expect((answer?.body as { originalName: string }).originalName).toBe('pelan.png');
  });

  it('stores a file name without NUL, control or bidi characters, in NFC and at most 200 characters', async () => {
    const names: [string, string][] = [
      ["filename*=UTF-8''bukti%00.exe.png", 'bukti.exe.png'],
      ["filename*=UTF-8''invoice%E2%80%AEgnp.exe", 'invoicegnp.exe'],
      ["filename*=UTF-8''baris%0D%0Abaru.png", 'barisbaru.png'],
      ["filename*=UTF-8''Laporan%20Dinke%CC%81s.png", 'Laporan Dinkés.png'],
      [`filename="${'n'.repeat(300)}.png"`, `${'n'.repeat(196)}.png`],
      ['filename="../../etc/passwd.png"', 'passwd.png'],
    ];
    for (const [disposition, stored] of names) {
      const body =
        `--B\r\nContent-Disposition: form-data; name="file"; ${disposition}\r\nContent-Type: image/png\r\n\r\n` +
        `${pngText}\r\n--B--\r\n`;
      const answer = await rawRequest(paths.evidence, 'metro.dinkes', 'multipart/form-data; boundary=B', body);
      expect({ disposition, status: answer?.status }).toEqual({ disposition, status: 201 });
      const record = await db
        .getRepository(EvidenceFileRecord)
        .findOneByOrFail({ id: (answer?.body as { id: string }).id });
      expect(record.originalName).toBe(stored);
      expect(record.originalName.normalize('NFC')).toBe(record.originalName);
    }
  });

  it('refuses evidence for a cancelled task with 409 TASK_CLOSED and stores nothing', async () => {
    const before = await databaseFingerprint(db);
    const response = await request(stack.baseUrl)
      .post(`/api/v1/tasks/${cancelledTask}/evidence`)
      .set(await logins.bearer('metro.dinkes'))
      .attach('file', pngBytes(4), 'bukti.png');
    expect(response.status).toBe(409);
    expectErrorBody(response.body, 'TASK_CLOSED');
    expect(await databaseFingerprint(db)).toEqual(before);
  });

  it('is still the same API process, healthy, after every case of this file', async () => {
    const health = await request(stack.baseUrl).get('/api/health');
    expect(health.status).toBe(200);
    expect(apiExit).toBeUndefined();
    expect(stack.api.output()).not.toMatch(/Unexpected end of form|Unhandled 'error' event/);
  });
});
