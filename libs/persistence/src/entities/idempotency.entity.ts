import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * What a command sent with an Idempotency-Key asked for: the SHA-256 of its method, path and body,
 * recorded when the command succeeded. The same key again with the same request gets the same
 * answer (the command itself deduplicates, e.g. by Temporal Update id); with a different request
 * it is refused, in every API instance, because the record is shared.
 */
@Entity({ name: 'idempotency_key' })
export class IdempotencyKeyRecord {
  /** The caller: a user id, so one user's key never collides with another's. */
  @PrimaryColumn({ name: 'scope', type: 'text', primaryKeyConstraintName: 'pk_idempotency_key' })
  scope!: string;

  @PrimaryColumn({ name: 'key', type: 'text', primaryKeyConstraintName: 'pk_idempotency_key' })
  key!: string;

  @Column({ name: 'request_hash', type: 'text' })
  requestHash!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
