import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { UserRecord } from './user.entity';

/**
 * A user's authenticator (TOTP, RFC 6238). The shared secret is stored only encrypted (its key is
 * derived from AUTH_SECRET, the user id is the authenticated data). `enabledAt` is null while the
 * enrolment waits for its first code. `lastUsedStep` is the 30-second step of the last accepted
 * code: a code is good once (OWASP ASVS 2.8.4), so a code seen over a shoulder cannot be replayed.
 */
@Entity({ name: 'user_mfa' })
export class UserMfaRecord {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'pk_user_mfa' })
  userId!: string;

  @ManyToOne(() => UserRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_user_mfa_user' })
  user?: UserRecord;

  @Column({ name: 'secret_ciphertext', type: 'bytea' })
  secretCiphertext!: Buffer;

  @Column({ name: 'enabled_at', type: 'timestamptz', nullable: true })
  enabledAt!: Date | null;

  @Column({ name: 'last_used_step', type: 'bigint', nullable: true })
  lastUsedStep!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** A one-time recovery code (kode pemulihan) for when the authenticator is lost; only its hash is kept. */
@Entity({ name: 'mfa_recovery_code' })
@Unique('uq_mfa_recovery_code', ['userId', 'codeHash'])
export class MfaRecoveryCodeRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_mfa_recovery_code' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_mfa_recovery_code_user' })
  user?: UserRecord;

  @Column({ name: 'code_hash', type: 'text' })
  codeHash!: string;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}

/**
 * The second half of a login: after the password, a short-lived challenge that a code must answer
 * (`login`), or through which an account that must have an authenticator enrols one first
 * (`enrolment`). Only the token's hash is kept; it is spent by success and dies after a few wrong codes.
 */
@Entity({ name: 'mfa_challenge' })
@Unique('uq_mfa_challenge_token_hash', ['tokenHash'])
@Index('ix_mfa_challenge_user', ['userId'])
export class MfaChallengeRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_mfa_challenge' })
  id!: string;

  @Column({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_mfa_challenge_user' })
  user?: UserRecord;

  /** login | enrolment */
  @Column({ type: 'text' })
  purpose!: string;

  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent!: string | null;

  @Column({ name: 'failed_attempts', type: 'integer', default: 0 })
  failedAttempts!: number;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
