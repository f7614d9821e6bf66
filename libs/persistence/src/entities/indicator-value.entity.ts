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

/**
 * One indicator of the semester report for one regency and period, as submitted. A sub-row of the
 * form (`Pilar 1. A3_a` beneath the Ya/Tidak of `Pilar 1. A3`) is a row of its own. Exactly one
 * shape per row: Ya/Tidak (with the count of times when given), a count, the parts of a fraction,
 * a typed percentage, or "data tidak tersedia" with its reason.
 */
@Check('ck_indicator_value_semester', `"semester" IN (1, 2)`)
@Check('ck_indicator_value_answer', `"answer" IN ('Ya', 'Tidak')`)
@Check(
  'ck_indicator_value_kind',
  `"reported_kind" IN ('yesNo', 'count', 'percentage', 'ratePerThousand', 'directPercentage')`,
)
@Check(
  'ck_indicator_value_shape',
  `CASE WHEN "not_available_reason" IS NOT NULL THEN num_nonnulls("answer", "count_value", "numerator", "denominator", "percent_value") = 0 WHEN "answer" IS NOT NULL THEN num_nonnulls("numerator", "denominator", "percent_value") = 0 ELSE num_nonnulls("count_value", "percent_value", "numerator") = 1 AND ("numerator" IS NULL) = ("denominator" IS NULL) END`,
)
@Check('ck_indicator_value_confirmation', `num_nonnulls("confirmation_note", "confirmed_by", "confirmed_at") IN (0, 3)`)
@Check('ck_indicator_value_review', `"review_status" IN ('submitted', 'approved', 'returned')`)
@Entity({ name: 'indicator_value' })
@Unique('uq_indicator_value_period', ['regencyCode', 'year', 'semester', 'indicatorCode'])
export class IndicatorValueRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_indicator_value' })
  id!: string;

  @Column({ name: 'regency_code', type: 'text' })
  regencyCode!: string;

  @ManyToOne(() => RegionRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'regency_code', foreignKeyConstraintName: 'fk_indicator_value_regency' })
  regency?: RegionRecord;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'smallint' })
  semester!: number;

  /** The catalogue's primary code (aliases are resolved before storing). */
  @Column({ name: 'indicator_code', type: 'text' })
  indicatorCode!: string;

  @Column({ type: 'numeric', nullable: true })
  numerator!: string | null;

  @Column({ type: 'numeric', nullable: true })
  denominator!: string | null;

  @Column({ name: 'count_value', type: 'numeric', nullable: true })
  countValue!: string | null;

  @Column({ type: 'text', nullable: true })
  answer!: 'Ya' | 'Tidak' | null;

  /** A percentage typed directly (Metro's unmet-need row, "4,60%"), without its parts. */
  @Column({ name: 'percent_value', type: 'numeric', nullable: true })
  percentValue!: string | null;

  /** Set when the regency declared the data not available ("NA" on the forms): why. */
  @Column({ name: 'not_available_reason', type: 'text', nullable: true })
  notAvailableReason!: string | null;

  /** The kind of the printed code it was reported under: one concept is a count in one report, a percentage in the other. */
  @Column({ name: 'reported_kind', type: 'text' })
  reportedKind!: 'yesNo' | 'count' | 'percentage' | 'ratePerThousand' | 'directPercentage';

  /** The printed code it was reported under (the primary code or an alias). */
  @Column({ name: 'reported_code', type: 'text' })
  reportedCode!: string;

  /**
   * The officer's note confirming a value its plausibility warnings question (computed on read:
   * libs/domain plausibilityWarnings); cleared whenever the value is sent again without one.
   */
  @Column({ name: 'confirmation_note', type: 'text', nullable: true })
  confirmationNote!: string | null;

  @Column({ name: 'confirmed_by', type: 'uuid', nullable: true })
  confirmedBy!: string | null;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;

  @Column({ name: 'submitted_by', type: 'uuid' })
  submittedBy!: string;

  @Column({ name: 'review_status', type: 'text', default: 'submitted' })
  reviewStatus!: 'submitted' | 'approved' | 'returned';

  @UpdateDateColumn({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;
}
