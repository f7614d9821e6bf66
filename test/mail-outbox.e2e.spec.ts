import { startMailCatcher, type MailCatcher } from '@konvergensi/mail-catcher';
import { createMailTransport, sendThroughOutbox } from '@konvergensi/notifications';
import { createDataSource, MailOutboxRecord } from '@konvergensi/persistence';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { testEnvironment } from './support/environment';
import { freePort } from './support/processes';

describe('the mail outbox on real PostgreSQL and a real SMTP receiver', () => {
  let dataSource: DataSource;
  let mail: MailCatcher;
  let smtpPort: number;

  beforeAll(async () => {
    dataSource = await createDataSource({ url: testEnvironment().databaseUrl }).initialize();
    smtpPort = await freePort();
    mail = await startMailCatcher({ port: smtpPort });
  });

  afterAll(async () => {
    await mail.stop();
    await dataSource.destroy();
  });

  const transport = () => createMailTransport({ host: '127.0.0.1', port: smtpPort, secure: false });

  it('sends one mail for a key however often and however concurrently it is asked to', async () => {
    const key = `test:${randomUUID()}`;
    const smtp = transport();
    const message = {
      idempotencyKey: key,
      to: ['dinkes@metro.test'],
      subject: `Pengingat ${key}`,
      text: 'Batas waktu mendekat.',
    };
    const results = await Promise.all(
      [1, 2, 3].map(() => sendThroughOutbox(dataSource, smtp, 'noreply@konvergensi.test', message)),
    );
    await sendThroughOutbox(dataSource, smtp, 'noreply@konvergensi.test', message);
    smtp.close();

    expect(results.filter((r) => r.deliveredNow)).toHaveLength(1);
    await mail.waitFor((m) => m.subject === `Pengingat ${key}`);
    expect(mail.messages().filter((m) => m.subject === `Pengingat ${key}`)).toHaveLength(1);
    const row = await dataSource.getRepository(MailOutboxRecord).findOneByOrFail({ idempotencyKey: key });
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
  });

  it('records a failed attempt while SMTP is down and delivers once when it is back', async () => {
    const key = `test:${randomUUID()}`;
    const message = {
      idempotencyKey: key,
      to: ['dinkes@metro.test'],
      subject: `Terlambat ${key}`,
      text: 'Tugas terlambat.',
    };
    await mail.stop();
    const down = transport();
    await expect(sendThroughOutbox(dataSource, down, 'noreply@konvergensi.test', message)).rejects.toThrow();
    down.close();
    const failed = await dataSource.getRepository(MailOutboxRecord).findOneByOrFail({ idempotencyKey: key });
    expect(failed).toMatchObject({ status: 'pending', attempts: 1 });
    expect(failed.lastError).toBeTruthy();

    mail = await startMailCatcher({ port: smtpPort });
    const up = transport();
    const result = await sendThroughOutbox(dataSource, up, 'noreply@konvergensi.test', message);
    up.close();
    expect(result.deliveredNow).toBe(true);
    await mail.waitFor((m) => m.subject === `Terlambat ${key}`);
    const sent = await dataSource.getRepository(MailOutboxRecord).findOneByOrFail({ idempotencyKey: key });
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });
});
