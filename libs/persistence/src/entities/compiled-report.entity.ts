import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { RegionRecord } from './region.entity';

/** A compiled semester report (laporan semester) in one format. */
@Check('ck_compiled_report_format', `"format" IN ('xlsx', 'pdf', 'json')`)
@Check('ck_compiled_report_status', `"status" IN ('pending', 'ready', 'failed')`)
@Entity({ name: 'compiled_report' })
@Index('ix_compiled_report_period', ['regencyCode', 'year', 'semester'])
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
}
