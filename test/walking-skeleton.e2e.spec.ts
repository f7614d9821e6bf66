import { startMailCatcher, type MailCatcher } from '@konvergensi/mail-catcher';
import { join } from 'node:path';
import { ApiClient } from './support/api-client';
import { testEnvironment } from './support/environment';
import { eventually, freePort, startApp } from './support/processes';
import { startStack, type Stack } from './support/stack';

interface HealthBody {
  status: string;
  services: { postgres: string; temporal: string; smtp: string };
}

describe('the walking skeleton: API → Temporal → worker → PostgreSQL and SMTP → API', () => {
  let mail: MailCatcher;
  let smtpPort: number;
  let stack: Stack;
  let admin: ApiClient;

  beforeAll(async () => {
    smtpPort = await freePort();
    mail = await startMailCatcher({ port: smtpPort });
    stack = await startStack({ name: 'skeleton', smtpPort });
    admin = await ApiClient.as(stack.baseUrl, 'admin');
  });

  afterAll(async () => {
    await stack?.stop();
    await mail?.stop();
  });

  it('reports PostgreSQL, Temporal and SMTP as up on /api/health', async () => {
    const response = await fetch(`${stack.baseUrl}/api/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as HealthBody;
    expect(body).toMatchObject({ status: 'ok', services: { postgres: 'up', temporal: 'up', smtp: 'up' } });
    // No CLAMAV_ADDRESS here: uploads are stored unscanned, and the health page says so.
    expect(body).toMatchObject({ malwareScanning: 'off' });
  });

  it('runs a workflow started through the API that writes a row and sends exactly one mail', async () => {
    const started = await admin.post<{ checkId: string; workflowId: string }>('/api/v1/pipe-checks', {
      recipient: 'sekretariat@metro.test',
    });
    expect(started.status).toBe(202);
    const { checkId, workflowId } = started.body;
    expect(workflowId).toBe(`pipe-check:${checkId}`);

    const record = await eventually(
      async () => {
        const response = await admin.get<{ status: string; mailMessageId: string | null }>(
          `/api/v1/pipe-checks/${checkId}`,
        );
        return response.body.status === 'completed' ? response.body : undefined;
      },
      60_000,
      'the pipe check to complete',
    );

    const received = await mail.waitFor((m) => m.subject.includes(checkId));
    expect(received.to).toEqual(['sekretariat@metro.test']);
    expect(received.text).toContain(checkId);
    expect(received.messageId).toBe(record.mailMessageId);
    expect(mail.messages().filter((m) => m.subject.includes(checkId))).toHaveLength(1);
  });

  it('answers bad input with 4xx and an Indonesian message under a stable code', async () => {
    const badEmail = await admin.post('/api/v1/pipe-checks', { recipient: 'bukan-surel' });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('recipient') });

    const unknownField = await admin.post('/api/v1/pipe-checks', { recipient: 'a@b.test', admin: true });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('admin') });

    const malformed = await admin.post('/api/v1/pipe-checks', '{"recipient": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ code: 'MALFORMED_JSON', message: 'Isi permintaan bukan JSON yang valid.' });

    expect((await admin.get('/api/v1/pipe-checks/123')).status).toBe(400);

    const unknown = await admin.get('/api/v1/pipe-checks/6f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'PIPE_CHECK_NOT_FOUND' });

    const anonymous = await fetch(`${stack.baseUrl}/api/v1/pipe-checks/6f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f`);
    expect(anonymous.status).toBe(401);
  });

  it('serves the OpenAPI document and its page', async () => {
    const json = await fetch(`${stack.baseUrl}/api/docs-json`);
    expect(json.status).toBe(200);
    const document = (await json.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/v1/pipe-checks', '/api/v1/pipe-checks/{id}']),
    );
    const page = await fetch(`${stack.baseUrl}/api/docs`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger');
  });

  it('serves the web app with the SPA fallback for client routes', async () => {
    const root = await fetch(`${stack.baseUrl}/`);
    expect(root.status).toBe(200);
    expect(await root.text()).toContain('<div id="root">');
    const clientRoute = await fetch(`${stack.baseUrl}/dasbor/2026`);
    expect(await clientRoute.text()).toContain('<div id="root">');
  });

  it('turns /api/health to 503 naming SMTP while the mail server is down, and back when it returns', async () => {
    await mail.stop();
    const down = await fetch(`${stack.baseUrl}/api/health`);
    expect(down.status).toBe(503);
    expect(((await down.json()) as HealthBody).services).toEqual({ postgres: 'up', temporal: 'up', smtp: 'down' });

    mail = await startMailCatcher({ port: smtpPort });
    const up = await fetch(`${stack.baseUrl}/api/health`);
    expect(up.status).toBe(200);
  });
});

describe('configuration read once at start-up', () => {
  it('stops the API with a message naming each bad variable', async () => {
    const app = startApp(
      'api',
      { PORT: 'not-a-port', DATABASE_URL: 'mysql://nope', TEMPORAL_ADDRESS: testEnvironment().temporalAddress },
      join(testEnvironment().workDir, 'bad-config-api.log'),
    );
    const code = await app.exited;
    expect(code).toBe(1);
    expect(app.output()).toContain('PORT');
    expect(app.output()).toContain('DATABASE_URL');
  });

  it('stops the API when AUTH_SECRET is missing, naming it', async () => {
    const app = startApp(
      'api',
      { TEMPORAL_ADDRESS: testEnvironment().temporalAddress },
      join(testEnvironment().workDir, 'no-secret-api.log'),
    );
    expect(await app.exited).toBe(1);
    expect(app.output()).toContain('AUTH_SECRET');
  });

  it('stops the worker with a message naming the bad variable', async () => {
    const app = startApp('worker', { SMTP_PORT: '70000' }, join(testEnvironment().workDir, 'bad-config-worker.log'));
    expect(await app.exited).toBe(1);
    expect(app.output()).toContain('SMTP_PORT');
  });
});
