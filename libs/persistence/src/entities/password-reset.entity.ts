import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserRecord } from './user.entity';

/**
 * A forgotten-password token: only its SHA-256 is stored, it expires, and `used_at` makes it
 * single use (set in the same transaction that changes the password).
 */
@Entity({ name: 'password_reset_token' })
@Index('ux_password_reset_token_hash', ['tokenHash'], { unique: true })
@Index('ix_password_reset_token_user', ['userId'])
export class PasswordResetTokenRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_password_reset_token' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_password_reset_token_user' })
  user?: UserRecord;

  @Column({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
