import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TaskRecord } from './task.entity';
import { UnitRecord } from './unit.entity';
import { UserRecord } from './user.entity';

/**
 * An escalation that a head or TPPS officer receives as part of their daily digest rather than as a
 * mail of its own (users of task systems ask for one digest, not one mail per overdue task).
 */
@Entity({ name: 'escalation_notice' })
@Index('ux_escalation_notice_key', ['idempotencyKey'], { unique: true })
@Index('ix_escalation_notice_pending', ['digestedAt', 'regencyCode'])
export class EscalationNoticeRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_escalation_notice' })
  id!: string;

  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey!: string;

  @Column({ name: 'regency_code', type: 'text' })
  regencyCode!: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  @ManyToOne(() => TaskRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'fk_escalation_notice_task' })
  task?: TaskRecord;

  @Column({ name: 'recipient_user_id', type: 'uuid' })
  recipientUserId!: string;

  @ManyToOne(() => UserRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recipient_user_id', foreignKeyConstraintName: 'fk_escalation_notice_recipient' })
  recipient?: UserRecord;

  @Column({ name: 'step_kind', type: 'text' })
  stepKind!: string;

  @Column({ type: 'integer' })
  level!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'digested_at', type: 'timestamptz', nullable: true })
  digestedAt!: Date | null;
}

/** An officer on leave names a substitute (pengganti) for a period; both are recorded on events. */
@Entity({ name: 'task_delegation' })
@Index('ix_task_delegation_substitute', ['substituteUserId', 'startsOn', 'endsOn'])
@Check('ck_task_delegation_period', `"ends_on" >= "starts_on"`)
export class TaskDelegationRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_task_delegation' })
  id!: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => UnitRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_task_delegation_unit' })
  unit?: UnitRecord;

  @Column({ name: 'delegator_user_id', type: 'uuid' })
  delegatorUserId!: string;

  @ManyToOne(() => UserRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'delegator_user_id', foreignKeyConstraintName: 'fk_task_delegation_delegator' })
  delegator?: UserRecord;

  @Column({ name: 'substitute_user_id', type: 'uuid' })
  substituteUserId!: string;

  @ManyToOne(() => UserRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'substitute_user_id', foreignKeyConstraintName: 'fk_task_delegation_substitute' })
  substitute?: UserRecord;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn!: string;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
