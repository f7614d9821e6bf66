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
  /**
   * How long a claimed row is left alone before another dispatcher may take it again: only a
   * dispatcher that died between claiming and recording leaves a claim behind.
   */
  claimSeconds?: number;
  /** How long recording an outcome keeps trying while PostgreSQL is unreachable. */
  recordRetryMs?: number;
  now?: () => Date;
}

export interface DeliveryRound {
  sent: number;
  failed: number;
}

interface ClaimedRow {
  id: string;
  recipients: string[];
  subject: string;
  body_text: string;
  body_html: string | null;
  attachments: MailAttachment[];
  message_id: string;
  attempts: number;
}

/**
 * Delivers due outbox rows, one at a time: claim, send, record.
 *
 * The claim is committed before SMTP is spoken to (the row's next attempt moves `claimSeconds`
 * ahead, attempts + 1), so several dispatchers never send one row at once, and the outcome is
 * recorded afterwards on whatever connection PostgreSQL gives, retried while it is unreachable.
 * Sending inside a row lock instead would resend every mail whose transaction a dropped database
 * connection rolled back after SMTP had already accepted it. What remains is SMTP's own limit: a
 * dispatcher killed between the receiver's acceptance and the record sends that one mail again
 * after the claim lapses, with the same Message-ID.
 *
 * A failure pushes the next attempt back exponentially (1 s, 2 s, 4 s … up to maxBackoffSeconds),
 * so while SMTP is down mail waits and goes out when it returns.
 */
export async function deliverDueMail(
  dataSource: DataSource,
  transport: Transporter,
  options: DeliveryOptions,
): Promise<DeliveryRound> {
  const round: DeliveryRound = { sent: 0, failed: 0 };
  const batch = options.batchSize ?? 20;
  const now = options.now ?? (() => new Date());
  const claimSeconds = options.claimSeconds ?? 120;
  for (let i = 0; i < batch; i += 1) {
    const row = await claimDueRow(dataSource, now(), claimSeconds);
    if (!row) break;
    let failure: unknown;
    try {
      await transport.sendMail({
        from: options.from,
        to: row.recipients,
        subject: row.subject,
        text: row.body_text,
        html: row.body_html ?? undefined,
        messageId: row.message_id,
        attachments: row.attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: a.content,
        })),
      });
    } catch (error) {
      failure = error;
    }
    const repository = () => dataSource.getRepository(MailOutboxRecord);
    if (failure === undefined) {
      await persistently(
        () => repository().update(row.id, { status: 'sent', sentAt: now(), lastError: null }),
        options,
      );
      round.sent += 1;
      continue;
    }
    const backoff = Math.min(2 ** (row.attempts - 1), options.maxBackoffSeconds ?? 300);
    await persistently(
      () =>
        repository().update(row.id, {
          status: row.attempts >= (options.maxAttempts ?? 50) ? 'failed' : 'pending',
          lastError: failure instanceof Error ? failure.message : String(failure),
          nextAttemptAt: new Date(now().getTime() + backoff * 1000),
        }),
      options,
    );
    round.failed += 1;
    // One failure usually means SMTP is down: stop this round instead of failing every row.
    break;
  }
  return round;
}

/** Takes the next due row for this dispatcher and commits the claim. */
async function claimDueRow(dataSource: DataSource, at: Date, claimSeconds: number): Promise<ClaimedRow | undefined> {
  const result = (await dataSource.query(
    `UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = $1::timestamptz + make_interval(secs => $2)
      WHERE id = (SELECT id FROM mail_outbox WHERE status = 'pending' AND next_attempt_at <= $1
                   ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING id, recipients, subject, body_text, body_html, attachments, message_id, attempts`,
    [at.toISOString(), claimSeconds],
  )) as [ClaimedRow[], number] | ClaimedRow[];
  // TypeORM answers an UPDATE with [rows, count].
  const rows = Array.isArray(result[0]) ? (result[0] as ClaimedRow[]) : (result as ClaimedRow[]);
  return rows[0];
}

/** Repeats a write while it fails (PostgreSQL restarting, a dropped connection), then gives up. */
async function persistently(write: () => Promise<unknown>, options: DeliveryOptions): Promise<void> {
  const deadline = Date.now() + (options.recordRetryMs ?? 60_000);
  for (let wait = 100; ; wait = Math.min(wait * 2, 5000)) {
    try {
      await write();
      return;
    } catch (error) {
      if (Date.now() + wait > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
