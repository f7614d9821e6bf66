import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { RegionRecord } from './region.entity';
import { UserRecord } from './user.entity';

/**
 * The final grade a province viewer sets for one indicator of the yearly performance assessment
 * of a regency. The grade pre-filled from the facts is computed on read and never stored, so it
 * stays visible beside this one.
 */
@Check('ck_rubric_grade_grade', `"grade" IN ('A', 'B', 'C', 'D')`)
@Entity({ name: 'rubric_grade' })
@Unique('uq_rubric_grade_indicator', ['regencyCode', 'year', 'indicatorCode'])
export class RubricGradeRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_rubric_grade' })
  id!: string;

  @Column({ name: 'regency_code', type: 'text' })
  regencyCode!: string;

  @ManyToOne(() => RegionRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'regency_code', foreignKeyConstraintName: 'fk_rubric_grade_regency' })
  regency?: RegionRecord;

  @Column({ type: 'integer' })
  year!: number;

  /** The rubric the grade was given under, e.g. `penilaian-kinerja-8-aksi`. */
  @Column({ name: 'rubric_id', type: 'text' })
  rubricId!: string;

  @Column({ name: 'indicator_code', type: 'text' })
  indicatorCode!: string;

  @Column({ type: 'text' })
  grade!: 'A' | 'B' | 'C' | 'D';

  @Column({ type: 'text', default: '' })
  note!: string;

  @Column({ name: 'graded_by', type: 'uuid' })
  gradedBy!: string;

  @ManyToOne(() => UserRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'graded_by', foreignKeyConstraintName: 'fk_rubric_grade_graded_by' })
  grader?: UserRecord;

  @UpdateDateColumn({ name: 'graded_at', type: 'timestamptz' })
  gradedAt!: Date;
}
