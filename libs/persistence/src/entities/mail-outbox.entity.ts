import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type MailOutboxStatus = 'pending' | 'sent' | 'failed';

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/**
 * The mail outbox: every notice is a row keyed by a business idempotency key before it is sent,
 * so an activity that Temporal retries, or a worker that crashed after SMTP accepted the mail,
 * never sends a second copy.
 */
@Check('ck_mail_outbox_status', `"status" IN ('pending', 'sent', 'failed')`)
@Entity({ name: 'mail_outbox' })
@Index('ix_mail_outbox_pending', ['status', 'nextAttemptAt'])
@Index('ix_mail_outbox_task', ['taskId'])
export class MailOutboxRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ux_mail_outbox_idempotency_key', { unique: true })
  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey!: string;

  @Column({ name: 'recipients', type: 'text', array: true })
  recipients!: string[];

  @Column({ type: 'text' })
  subject!: string;

  @Column({ name: 'body_text', type: 'text' })
  bodyText!: string;

  @Column({ name: 'body_html', type: 'text', nullable: true })
  bodyHtml!: string | null;

  /** Small text attachments, e.g. the .ics of a deadline. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  attachments!: MailAttachment[];

  /** What the mail is about (task_assigned, ladder_overdue, digest…), for tests and statistics. */
  @Column({ type: 'text', nullable: true })
  category!: string | null;

  @Column({ name: 'task_id', type: 'uuid', nullable: true })
  taskId!: string | null;

  /** Deterministic RFC 5322 Message-ID derived from the idempotency key. */
  @Column({ name: 'message_id', type: 'text' })
  messageId!: string;

  @Column({ type: 'text', default: 'pending' })
  status!: MailOutboxStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
