import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * Failed logins in a row for one username (lower-cased), kept whether or not an account has that
 * name, so that a lockout answers alike for real and unknown names. A successful login or a
 * password reset of the account removes the row.
 */
@Entity({ name: 'login_failure' })
export class LoginFailureRecord {
  @PrimaryColumn({ name: 'username', type: 'text', primaryKeyConstraintName: 'pk_login_failure' })
  username!: string;

  @Column({ name: 'failed_count', type: 'integer', default: 0 })
  failedCount!: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
