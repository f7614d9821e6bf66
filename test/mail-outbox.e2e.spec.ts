import { startMailCatcher, type MailCatcher } from '@konvergensi/mail-catcher';
import { createMailTransport, deliverDueMail, enqueueMail, messageIdFor } from '@konvergensi/notifications';
import { createDataSource, MailOutboxRecord } from '@konvergensi/persistence';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { testEnvironment } from './support/environment';
import { freePort } from './support/processes';

/* eslint-disable-next-line @typescript-eslint/no-require-imports -- shared ESM provisioning script */
const { dropTestDatabase, ensureDatabase } = require('../scripts/lib/database.mjs');

describe('the mail outbox on real PostgreSQL and a real SMTP receiver', () => {
  let dataSource: DataSource;
  let mail: MailCatcher;
  let smtpPort: number;

  // A database of its own: the dispatcher delivers every due row, and other files leave rows behind.
  const url = (() => {
    const parsed = new URL(testEnvironment().databaseUrl);
    parsed.pathname = `${parsed.pathname}_outbox`;
    return parsed.toString();
  })();

  beforeAll(async () => {
    await ensureDatabase(url);
    dataSource = await createDataSource({ url }).initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    smtpPort = await freePort();
    mail = await startMailCatcher({ port: smtpPort });
  });

  afterAll(async () => {
    await mail.stop();
    await dataSource.destroy();
    await dropTestDatabase(url);
  });

  const transport = () => createMailTransport({ host: '127.0.0.1', port: smtpPort, secure: false });
  const from = 'noreply@konvergensi.test';
  const drain = async (smtp: ReturnType<typeof transport>) => {
    let sent = 0;
    for (
      let round = await deliverDueMail(dataSource, smtp, { from });
      round.sent > 0;
      round = await deliverDueMail(dataSource, smtp, { from })
    )
      sent += round.sent;
    return sent;
  };

  it('queues one row for a key however often and however concurrently it is enqueued, and sends it once', async () => {
    const key = `test:${randomUUID()}`;
    const message = {
      idempotencyKey: key,
      to: ['dinkes@metro.test'],
      subject: `Pengingat ${key}`,
      text: 'Batas waktu mendekat.',
    };
    const ids = await Promise.all([1, 2, 3].map(() => enqueueMail(dataSource, message)));
    expect(new Set(ids)).toEqual(new Set([messageIdFor(key)]));
    const smtp = transport();
    await Promise.all([drain(smtp), drain(smtp)]);
    await enqueueMail(dataSource, message);
    await drain(smtp);
    smtp.close();

    const received = await mail.waitFor((m) => m.subject === `Pengingat ${key}`);
    expect(received.messageId).toBe(messageIdFor(key));
    expect(mail.messages().filter((m) => m.subject === `Pengingat ${key}`)).toHaveLength(1);
    const row = await dataSource.getRepository(MailOutboxRecord).findOneByOrFail({ idempotencyKey: key });
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
  });

  it('records a failed attempt with backoff while SMTP is down and delivers once when it is back', async () => {
    const key = `test:${randomUUID()}`;
    await enqueueMail(dataSource, {
      idempotencyKey: key,
      to: ['dinkes@metro.test'],
      subject: `Terlambat ${key}`,
      text: 'Tugas terlambat.',
    });
    await mail.stop();
    const down = transport();
    const failedRound = await deliverDueMail(dataSource, down, { from, maxBackoffSeconds: 1 });
    down.close();
    expect(failedRound.failed).toBe(1);
    const failed = await dataSource.getRepository(MailOutboxRecord).findOneByOrFail({ idempotencyKey: key });
    expect(failed).toMatchObject({ status: 'pending', attempts: 1 });
    expect(failed.lastError).toBeTruthy();
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() - 100);

    mail = await startMailCatcher({ port: smtpPort });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const up = transport();
    await drain(up);
    up.close();
    await mail.waitFor((m) => m.subject === `Terlambat ${key}`);
    const sent = await dataSource.getRepository(MailOutboxRecord).findOneByOrFail({ idempotencyKey: key });
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });
});
