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
import { CycleRecord } from './cycle.entity';
import { UnitRecord } from './unit.entity';

/**
 * What a unit reports for one village in Aksi 1's situation analysis (004 §Aksi 1 Tahapan
 * Ketiga): stunting prevalence and cases (health office) and the coverage of main indicators.
 */
@Entity({ name: 'village_situation' })
@Unique('uq_village_situation_cycle_village_unit', ['cycleId', 'villageCode', 'unitId'])
export class VillageSituationRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_village_situation' })
  id!: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId!: string;

  @ManyToOne(() => CycleRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cycle_id', foreignKeyConstraintName: 'fk_village_situation_cycle' })
  cycle?: CycleRecord;

  @Column({ name: 'village_code', type: 'text' })
  villageCode!: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => UnitRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_village_situation_unit' })
  unit?: UnitRecord;

  /** Percent, e.g. 12.5. */
  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true })
  prevalence!: string | null;

  @Column({ type: 'integer', nullable: true })
  cases!: number | null;

  /** Coverage percent of main indicators, keyed by indicator code. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  coverage!: Record<string, number>;

  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  submittedBy!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** A village of the lokus list: proposed by the analysis, confirmed (or removed) by the secretary. */
@Check('ck_lokus_village_status', `"status" IN ('proposed', 'confirmed', 'removed')`)
@Entity({ name: 'lokus_village' })
@Unique('uq_lokus_village_cycle_village', ['cycleId', 'villageCode'])
export class LokusVillageRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_lokus_village' })
  id!: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId!: string;

  @ManyToOne(() => CycleRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cycle_id', foreignKeyConstraintName: 'fk_lokus_village_cycle' })
  cycle?: CycleRecord;

  @Column({ name: 'village_code', type: 'text' })
  villageCode!: string;

  /** Priority from the focus-village analysis; null for a village the secretary added. */
  @Column({ type: 'integer', nullable: true })
  rank!: number | null;

  /** The analysis facts behind the proposal (criteria met, low indicators, prevalence, cases). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  basis!: Record<string, unknown>;

  @Column({ type: 'text', default: 'proposed' })
  status!: 'proposed' | 'confirmed' | 'removed';

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * A recommendation of Aksi 8's annual review (kinerja tahunan). Unresolved ones are carried into
 * next year's cycle, where Aksi 1's situation analysis starts from them.
 */
@Entity({ name: 'review_recommendation' })
@Index('ix_review_recommendation_cycle', ['cycleId'])
@Unique('uq_review_recommendation_carried', ['cycleId', 'carriedFromId'])
export class ReviewRecommendationRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_review_recommendation' })
  id!: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId!: string;

  @ManyToOne(() => CycleRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cycle_id', foreignKeyConstraintName: 'fk_review_recommendation_cycle' })
  cycle?: CycleRecord;

  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId!: string | null;

  @ManyToOne(() => UnitRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_review_recommendation_unit' })
  unit?: UnitRecord;

  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  /** The recommendation of the previous year this one carries on. */
  @Column({ name: 'carried_from_id', type: 'uuid', nullable: true })
  carriedFromId!: string | null;

  @ManyToOne(() => ReviewRecommendationRecord, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'carried_from_id', foreignKeyConstraintName: 'fk_review_recommendation_carried_from' })
  carriedFrom?: ReviewRecommendationRecord;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
