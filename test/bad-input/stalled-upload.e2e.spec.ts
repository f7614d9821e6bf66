import { connect } from 'node:net';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { insertTask, Logins, openDatabase, pngBytes, startFileStack, type FileStack } from '../support/fixtures';
import { eventually } from '../support/processes';

/**
 * A client that goes silent mid-upload (a phone off the network) may not hold a socket of the API
 * until the request timeout, store anything, or hurt the process; the idle timeout is shortened
 * for this file's stack only. Clients that trickle bytes meet the request timeout
 * (multipart-framing.e2e.spec.ts).
 */
describe('stalled uploads: a silent client loses its socket, and nothing is stored', () => {
  let stack: FileStack;
  let db: DataSource;
  let logins: Logins;
  let taskId: string;

  beforeAll(async () => {
    stack = await startFileStack('stalled-upload', { SOCKET_IDLE_TIMEOUT_MS: '2000' });
    db = await openDatabase();
    logins = new Logins(stack.baseUrl);
    // Logged in before any fingerprint: a login writes a session.
    await logins.token('metro.dinkes');
    taskId = (await insertTask(db, { regencyCode: '18.72', unitCode: 'DINKES', title: 'Tugas unggahan macet' })).id;
  });

  afterAll(async () => {
    await stack?.stop();
    await db?.destroy();
  });

  /** Sends the head and `first` bytes of a multipart body announced as far longer, then `keepSending`. */
  async function stalledUpload(keepSending: (socket: ReturnType<typeof connect>) => void) {
    const url = new URL(stack.baseUrl);
    const file = pngBytes(5).toString('latin1');
    const body = `--B\r\nContent-Disposition: form-data; name="file"; filename="macet.png"\r\nContent-Type: image/png\r\n\r\n${file}`;
    const head =
      `POST /api/v1/tasks/${taskId}/evidence HTTP/1.1\r\nHost: ${url.host}\r\n` +
      `Authorization: Bearer ${await logins.token('metro.dinkes')}\r\n` +
      `Content-Type: multipart/form-data; boundary=B\r\nContent-Length: ${body.length + 1_000_000}\r\n\r\n`;
    const socket = connect(Number(url.port), url.hostname);
    let closed = false;
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => (closed = true));
    socket.on('connect', () => {
      socket.write(head);
      socket.write(body, 'latin1');
      keepSending(socket);
    });
    return { isClosed: () => closed, answer: () => answer, socket };
  }

  /** What an upload would write: files, their bytes, the task's events. */
  const stored = async () =>
    (await db.query(
      `SELECT (SELECT count(*) FROM evidence_file)::int AS files, (SELECT count(*) FROM evidence_blob)::int AS blobs,
              (SELECT count(*) FROM task_event WHERE task_id = $1)::int AS events`,
      [taskId],
    )) as unknown[];

  async function expectHealthyAndUnchanged(before: unknown[]) {
    expect(await stored()).toEqual(before);
    expect(stack.api.child.exitCode).toBeNull();
    expect((await request(stack.baseUrl).get('/api/health')).status).toBe(200);
  }

  it('closes the socket of a client that goes silent mid-upload', async () => {
    const before = await stored();
    const upload = await stalledUpload(() => undefined);
    await eventually(async () => (upload.isClosed() ? true : undefined), 30_000, 'the server closing the socket');
    await expectHealthyAndUnchanged(before);
  });
});
