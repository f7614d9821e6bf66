import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { CycleRecord, StageRecord } from './cycle.entity';
import { RegionRecord } from './region.entity';
import { UnitRecord } from './unit.entity';

export type TaskStatus = 'open' | 'submitted' | 'approved' | 'returned' | 'cancelled' | 'reassigned';
export type TaskKind = 'cycle' | 'ad_hoc' | 'aks_follow_up';

/** What a task requires to be handed in (dokumen, tabel data, tanda tangan, notulen). */
export interface DeliverableSpec {
  kind: 'document' | 'data_table' | 'signature' | 'minutes';
  title: string;
}

/** The unit of all work: one unit, one deadline. The workflow is the truth; this is its read model. */
@Check('ck_task_status', `"status" IN ('open', 'submitted', 'approved', 'returned', 'cancelled', 'reassigned')`)
@Check('ck_task_kind', `"kind" IN ('cycle', 'ad_hoc', 'aks_follow_up')`)
@Check('ck_task_escalation_level', `"escalation_level" BETWEEN 0 AND 4`)
@Entity({ name: 'task' })
@Index('ix_task_inbox', ['assigneeUnitId', 'status', 'dueAt'])
@Index('ix_task_regency_dashboard', ['regencyCode', 'status', 'dueAt'])
@Index('ix_task_stage', ['stageId'])
@Unique('uq_task_workflow_id', ['workflowId'])
export class TaskRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_task' })
  id!: string;

  @Column({ name: 'regency_code', type: 'text' })
  regencyCode!: string;

  @ManyToOne(() => RegionRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'regency_code', foreignKeyConstraintName: 'fk_task_regency' })
  regency?: RegionRecord;

  @Column({ type: 'text' })
  kind!: TaskKind;

  @Column({ name: 'cycle_id', type: 'uuid', nullable: true })
  cycleId!: string | null;

  @ManyToOne(() => CycleRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cycle_id', foreignKeyConstraintName: 'fk_task_cycle' })
  cycle?: CycleRecord;

  @Column({ name: 'stage_id', type: 'uuid', nullable: true })
  stageId!: string | null;

  @ManyToOne(() => StageRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'stage_id', foreignKeyConstraintName: 'fk_task_stage' })
  stage?: StageRecord;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ name: 'assignee_unit_id', type: 'uuid' })
  assigneeUnitId!: string;

  @ManyToOne(() => UnitRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignee_unit_id', foreignKeyConstraintName: 'fk_task_assignee_unit' })
  assigneeUnit?: UnitRecord;

  @Column({ type: 'text', default: 'open' })
  status!: TaskStatus;

  /** The due instant: 23:59:59 local time of the due day in the regency's zone. */
  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  /** 0 none, 1 reminder, 2 overdue, 3 secretary, 4 chair (the escalation ladder's steps). */
  @Column({ name: 'escalation_level', type: 'integer', default: 0 })
  escalationLevel!: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  deliverables!: DeliverableSpec[];

  @Column({ name: 'workflow_id', type: 'text' })
  workflowId!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;
}

/** The audit trail: every transition of a task with who did it, for whom, when and with what. */
@Entity({ name: 'task_event' })
@Index('ix_task_event_task', ['taskId', 'occurredAt'])
@Unique('uq_task_event_idempotency', ['taskId', 'idempotencyKey'])
export class TaskEventRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_task_event' })
  id!: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  @ManyToOne(() => TaskRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'fk_task_event_task' })
  task?: TaskRecord;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId!: string | null;

  /** When a substitute acts, the officer they stand in for. */
  @Column({ name: 'on_behalf_of_user_id', type: 'uuid', nullable: true })
  onBehalfOfUserId!: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload!: Record<string, unknown>;

  /** Keys a write so that a retried activity records the event once. */
  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey!: string | null;
}
