import type { Transporter } from 'nodemailer';
import type { DataSource, EntityManager } from 'typeorm';
import { MailOutboxRecord, type MailAttachment } from '@konvergensi/persistence';
import { messageIdFor } from './message-id';

export interface OutgoingMail {
  /** Business key of the notice, e.g. `task:<id>:overdue:1:<recipient>`. One key, at most one mail. */
  idempotencyKey: string;
  to: string[];
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
  category?: string;
  taskId?: string;
}

/**
 * Writes a notice to the outbox; a no-op when its key exists, so an activity that Temporal retries
 * queues it once. Delivery is the dispatcher's job (`deliverDueMail`). Returns the Message-ID.
 */
export async function enqueueMail(manager: EntityManager | DataSource, mail: OutgoingMail): Promise<string> {
  const messageId = messageIdFor(mail.idempotencyKey);
  await manager
    .createQueryBuilder()
    .insert()
    .into(MailOutboxRecord)
    .values({
      idempotencyKey: mail.idempotencyKey,
      recipients: mail.to,
      subject: mail.subject,
      bodyText: mail.text,
      bodyHtml: mail.html ?? null,
      attachments: mail.attachments ?? [],
      category: mail.category ?? null,
      taskId: mail.taskId ?? null,
      messageId,
    })
    .orIgnore()
    .execute();
  return messageId;
}

export interface DeliveryOptions {
  from: string;
  /** Rows handled per call. */
  batchSize?: number;
  /** Upper bound of the exponential backoff between attempts. */
  maxBackoffSeconds?: number;
  /** After this many failed attempts a row is marked failed and left for an operator. */
  maxAttempts?: number;
  now?: () => Date;
}

export interface DeliveryRound {
  sent: number;
  failed: number;
}

/**
 * Delivers due outbox rows. Each row is locked (`FOR UPDATE SKIP LOCKED`) while it is handed to
 * SMTP, so several dispatchers never send one row twice; a failure records the attempt and pushes
 * the next one back exponentially (1 s, 2 s, 4 s … up to maxBackoffSeconds), so while SMTP is down
 * mail waits and goes out when it returns.
 */
export async function deliverDueMail(
  dataSource: DataSource,
  transport: Transporter,
  options: DeliveryOptions,
): Promise<DeliveryRound> {
  const round: DeliveryRound = { sent: 0, failed: 0 };
  const batch = options.batchSize ?? 20;
  const now = options.now ?? (() => new Date());
  for (let i = 0; i < batch; i += 1) {
    const outcome = await dataSource.transaction(async (manager) => {
      const row = await manager
        .getRepository(MailOutboxRecord)
        .createQueryBuilder('mail')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where("mail.status = 'pending' AND mail.next_attempt_at <= :now", { now: now() })
        .orderBy('mail.next_attempt_at', 'ASC')
        .limit(1)
        .getOne();
      if (!row) return 'idle' as const;
      try {
        await transport.sendMail({
          from: options.from,
          to: row.recipients,
          subject: row.subject,
          text: row.bodyText,
          html: row.bodyHtml ?? undefined,
          messageId: row.messageId,
          attachments: row.attachments.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: a.content,
          })),
        });
      } catch (error) {
        const attempts = row.attempts + 1;
        const backoff = Math.min(2 ** (attempts - 1), options.maxBackoffSeconds ?? 300);
        await manager.getRepository(MailOutboxRecord).update(row.id, {
          attempts,
          status: attempts >= (options.maxAttempts ?? 50) ? 'failed' : 'pending',
          lastError: error instanceof Error ? error.message : String(error),
          nextAttemptAt: new Date(now().getTime() + backoff * 1000),
        });
        return 'failed' as const;
      }
      await manager
        .getRepository(MailOutboxRecord)
        .update(row.id, { status: 'sent', attempts: row.attempts + 1, sentAt: now(), lastError: null });
      return 'sent' as const;
    });
    if (outcome === 'idle') break;
    round[outcome] += 1;
    // One failure usually means SMTP is down: stop this round instead of failing every row.
    if (outcome === 'failed') break;
  }
  return round;
}
