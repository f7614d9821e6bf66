import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserRecord } from './user.entity';

/**
 * One login session: the family of refresh tokens that a login started (its id is the family
 * id, which access tokens carry as `sid`). `last_seen_at` moves with the user's own requests (not
 * with the web app's background token refresh), so an idle limit can end it; `started_at` bounds
 * its whole life.
 */
@Entity({ name: 'auth_session' })
@Index('ix_auth_session_user', ['userId'])
export class AuthSessionRecord {
  @PrimaryColumn({ name: 'family_id', type: 'uuid', primaryKeyConstraintName: 'pk_auth_session' })
  familyId!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_auth_session_user' })
  user?: UserRecord;

  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' })
  startedAt!: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz', default: () => 'now()' })
  lastSeenAt!: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  /** logout, idle, lifetime, ended_by_user, password_changed */
  @Column({ name: 'ended_reason', type: 'text', nullable: true })
  endedReason!: string | null;

  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent!: string | null;

  /**
   * When the user last proved themselves again (password and authenticator code) in this session:
   * revealing or exporting AKS identities needs a step-up of the last few minutes.
   */
  @Column({ name: 'step_up_at', type: 'timestamptz', nullable: true })
  stepUpAt!: Date | null;
}
