import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { TaskRecord } from './task.entity';

/** Content-addressed file bytes: one row per distinct SHA-256, however often it is uploaded. */
@Entity({ name: 'evidence_blob' })
export class EvidenceBlobRecord {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_evidence_blob' })
  sha256!: string;

  @Column({ type: 'bytea' })
  content!: Buffer;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes!: number;
}

/** A submission of a task: what was handed in, by whom, with a note. */
@Entity({ name: 'submission' })
@Index('ix_submission_task', ['taskId'])
export class SubmissionRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_submission' })
  id!: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  @ManyToOne(() => TaskRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'fk_submission_task' })
  task?: TaskRecord;

  @Column({ name: 'submitted_by', type: 'uuid' })
  submittedBy!: string;

  @Column({ type: 'text', default: '' })
  note!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** An uploaded evidence file of a task (type sniffed from content, not the name). */
@Entity({ name: 'evidence_file' })
@Index('ix_evidence_file_task', ['taskId'])
export class EvidenceFileRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_evidence_file' })
  id!: string;

  @Column({ name: 'regency_code', type: 'text' })
  regencyCode!: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  @ManyToOne(() => TaskRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'fk_evidence_file_task' })
  task?: TaskRecord;

  @Column({ name: 'submission_id', type: 'uuid', nullable: true })
  submissionId!: string | null;

  @ManyToOne(() => SubmissionRecord, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'submission_id', foreignKeyConstraintName: 'fk_evidence_file_submission' })
  submission?: SubmissionRecord;

  @Column({ type: 'text' })
  sha256!: string;

  @ManyToOne(() => EvidenceBlobRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sha256', foreignKeyConstraintName: 'fk_evidence_file_blob' })
  blob?: EvidenceBlobRecord;

  @Column({ name: 'original_name', type: 'text' })
  originalName!: string;

  @Column({ name: 'media_type', type: 'text' })
  mediaType!: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes!: number;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy!: string;

  @CreateDateColumn({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt!: Date;
}
