import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { RegionRecord } from './region.entity';
import { UnitRecord } from './unit.entity';

export type WorkStatus = 'not_started' | 'in_progress' | 'late' | 'done';

/** One regency's year of the eight convergence actions, with the template it runs on. */
@Check('ck_cycle_status', `"status" IN ('not_started', 'in_progress', 'late', 'done')`)
@Entity({ name: 'cycle' })
@Unique('uq_cycle_regency_year', ['regencyCode', 'year'])
export class CycleRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_cycle' })
  id!: string;

  @Column({ name: 'regency_code', type: 'text' })
  regencyCode!: string;

  @ManyToOne(() => RegionRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'regency_code', foreignKeyConstraintName: 'fk_cycle_regency' })
  regency?: RegionRecord;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ name: 'template_version', type: 'text' })
  templateVersion!: string;

  /** The resolved template (roles mapped to units, dates in the regency's calendar). */
  @Column({ name: 'template_snapshot', type: 'jsonb' })
  templateSnapshot!: Record<string, unknown>;

  @Column({ type: 'text', default: 'not_started' })
  status!: WorkStatus;

  @Column({ name: 'workflow_id', type: 'text', nullable: true })
  workflowId!: string | null;

  /**
   * The compressed clock of a year played fast in a test or demo ({origin, secondsPerDay,
   * virtualOrigin} as ISO instants); null in production, where the year runs in real time.
   */
  @Column({ type: 'jsonb', nullable: true })
  clock!: { origin: string; secondsPerDay: number; virtualOrigin?: string } | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** Aksi 1–8 of a cycle. */
@Check('ck_cycle_action_status', `"status" IN ('not_started', 'in_progress', 'late', 'done')`)
@Entity({ name: 'cycle_action' })
@Unique('uq_cycle_action_code', ['cycleId', 'code'])
export class ActionRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_cycle_action' })
  id!: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId!: string;

  @ManyToOne(() => CycleRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cycle_id', foreignKeyConstraintName: 'fk_cycle_action_cycle' })
  cycle?: CycleRecord;

  /** `AKSI_1` … `AKSI_8` */
  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'integer' })
  sequence!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'responsible_unit_id', type: 'uuid', nullable: true })
  responsibleUnitId!: string | null;

  @ManyToOne(() => UnitRecord, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'responsible_unit_id', foreignKeyConstraintName: 'fk_cycle_action_unit' })
  responsibleUnit?: UnitRecord;

  @Column({ type: 'text', default: 'not_started' })
  status!: WorkStatus;

  @Column({ name: 'window_start', type: 'date' })
  windowStart!: string;

  @Column({ name: 'window_end', type: 'date' })
  windowEnd!: string;
}

/** A stage of an action, owned by one unit; it closes when its tasks are approved. */
@Check('ck_action_stage_status', `"status" IN ('not_started', 'in_progress', 'late', 'done')`)
@Entity({ name: 'action_stage' })
@Unique('uq_action_stage_code', ['actionId', 'code'])
export class StageRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_action_stage' })
  id!: string;

  @Column({ name: 'action_id', type: 'uuid' })
  actionId!: string;

  @ManyToOne(() => ActionRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'action_id', foreignKeyConstraintName: 'fk_action_stage_action' })
  action?: ActionRecord;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'integer' })
  sequence!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'owner_unit_id', type: 'uuid', nullable: true })
  ownerUnitId!: string | null;

  @ManyToOne(() => UnitRecord, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'owner_unit_id', foreignKeyConstraintName: 'fk_action_stage_owner' })
  ownerUnit?: UnitRecord;

  @Column({ type: 'text', default: 'not_started' })
  status!: WorkStatus;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true })
  openedAt!: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;
}
