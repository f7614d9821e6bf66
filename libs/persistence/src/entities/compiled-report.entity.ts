import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { RegionRecord } from './region.entity';

export type ReportLifecycle = 'compiled' | 'reviewed' | 'approved' | 'sent';

/**
 * A compiled semester report (laporan semester) in one format. The `json` row of a period is the
 * report's snapshot and carries its lifecycle: compiled → reviewed by the secretary → approved by
 * the chair → sent to the province.
 */
@Check('ck_compiled_report_format', `"format" IN ('xlsx', 'pdf', 'json')`)
@Check('ck_compiled_report_status', `"status" IN ('pending', 'ready', 'failed')`)
@Check('ck_compiled_report_lifecycle', `"lifecycle" IN ('compiled', 'reviewed', 'approved', 'sent')`)
@Entity({ name: 'compiled_report' })
@Index('ix_compiled_report_period', ['regencyCode', 'year', 'semester'])
@Index('ux_compiled_report_snapshot', ['regencyCode', 'year', 'semester'], { unique: true, where: `"format" = 'json'` })
export class CompiledReportRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_compiled_report' })
  id!: string;

  @Column({ name: 'regency_code', type: 'text' })
  regencyCode!: string;

  @ManyToOne(() => RegionRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'regency_code', foreignKeyConstraintName: 'fk_compiled_report_regency' })
  regency?: RegionRecord;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'smallint' })
  semester!: number;

  @Column({ type: 'text' })
  format!: 'xlsx' | 'pdf' | 'json';

  @Column({ type: 'text', default: 'pending' })
  status!: 'pending' | 'ready' | 'failed';

  @Column({ type: 'bytea', nullable: true })
  content!: Buffer | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  /** The compiled report (libs/reporting SemesterReport) as it was when compiled. */
  @Column({ type: 'jsonb', nullable: true })
  snapshot!: Record<string, unknown> | null;

  @Column({ type: 'text', default: 'compiled' })
  lifecycle!: ReportLifecycle;

  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  reviewedBy!: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;

  @Column({ name: 'approved_by', type: 'uuid', nullable: true })
  approvedBy!: string | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;

  @Column({ name: 'sent_by', type: 'uuid', nullable: true })
  sentBy!: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
