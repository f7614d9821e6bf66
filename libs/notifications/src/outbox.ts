import type { Transporter } from 'nodemailer';
import type { DataSource } from 'typeorm';
import { MailOutboxRecord } from '@konvergensi/persistence';
import { messageIdFor } from './message-id';

export interface OutgoingMail {
  /** Business key of the notice, e.g. `task:<id>:overdue:1`. One key, at most one mail. */
  idempotencyKey: string;
  to: string[];
  subject: string;
  text: string;
  html?: string;
}

export interface DeliveryResult {
  messageId: string;
  /** False when an earlier attempt had already delivered this key. */
  deliveredNow: boolean;
}

/**
 * Writes the notice to the outbox (a no-op when the key exists) and delivers it while holding
 * the row lock, so two concurrent attempts for one key cannot both reach SMTP. A failure is
 * recorded on the row and rethrown for the caller's retry policy.
 */
export async function sendThroughOutbox(
  dataSource: DataSource,
  transport: Transporter,
  from: string,
  mail: OutgoingMail,
): Promise<DeliveryResult> {
  const messageId = messageIdFor(mail.idempotencyKey);
  await dataSource
    .createQueryBuilder()
    .insert()
    .into(MailOutboxRecord)
    .values({
      idempotencyKey: mail.idempotencyKey,
      recipients: mail.to,
      subject: mail.subject,
      bodyText: mail.text,
      bodyHtml: mail.html ?? null,
      messageId,
    })
    .orIgnore()
    .execute();

  const outcome = await dataSource.transaction(async (manager) => {
    const row = await manager
      .getRepository(MailOutboxRecord)
      .createQueryBuilder('mail')
      .setLock('pessimistic_write')
      .where('mail.idempotency_key = :key', { key: mail.idempotencyKey })
      .getOneOrFail();
    if (row.status === 'sent') {
      return { messageId: row.messageId, deliveredNow: false } as const;
    }
    try {
      await transport.sendMail({
        from,
        to: row.recipients,
        subject: row.subject,
        text: row.bodyText,
        html: row.bodyHtml ?? undefined,
        messageId: row.messageId,
      });
    } catch (error) {
      await manager.getRepository(MailOutboxRecord).update(row.id, {
        attempts: row.attempts + 1,
        lastError: error instanceof Error ? error.message : String(error),
      });
      // Returned, not thrown: the attempt count must commit before the failure is reported.
      return { failure: error } as const;
    }
    await manager.getRepository(MailOutboxRecord).update(row.id, {
      status: 'sent',
      attempts: row.attempts + 1,
      sentAt: new Date(),
      lastError: null,
    });
    return { messageId: row.messageId, deliveredNow: true } as const;
  });
  if ('failure' in outcome) {
    throw outcome.failure;
  }
  return outcome;
}
