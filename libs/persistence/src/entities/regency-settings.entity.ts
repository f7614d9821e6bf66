import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { RegionRecord } from './region.entity';

/**
 * A regency's own calendar decisions on top of the national holidays: joint-leave days (cuti
 * bersama) added as holidays, or a national holiday declared a working day.
 */
@Check('ck_holiday_override_kind', `"kind" IN ('holiday', 'working_day')`)
@Entity({ name: 'holiday_override' })
@Unique('uq_holiday_override_regency_date', ['regencyCode', 'date'])
export class HolidayOverrideRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_holiday_override' })
  id!: string;

  @Column({ name: 'regency_code', type: 'text' })
  regencyCode!: string;

  @ManyToOne(() => RegionRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'regency_code', foreignKeyConstraintName: 'fk_holiday_override_regency' })
  regency?: RegionRecord;

  /** Local date YYYY-MM-DD. */
  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'text' })
  kind!: 'holiday' | 'working_day';

  @Column({ type: 'text' })
  name!: string;
}

/** The escalation ladder and mail cadence of one regency (defaults in libs/domain). */
@Check('ck_escalation_setting_delivery', `"escalation_delivery" IN ('digest', 'immediate')`)
@Entity({ name: 'escalation_setting' })
export class EscalationSettingRecord {
  @PrimaryColumn({ name: 'regency_code', type: 'text', primaryKeyConstraintName: 'pk_escalation_setting' })
  regencyCode!: string;

  @ManyToOne(() => RegionRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'regency_code', foreignKeyConstraintName: 'fk_escalation_setting_regency' })
  regency?: RegionRecord;

  /** e.g. `{ reminderWorkingDaysBefore: 3, secretaryAfterWorkingDays: 3, chairAfterWorkingDays: 7 }` */
  @Column({ type: 'jsonb' })
  ladder!: Record<string, unknown>;

  @Column({ name: 'escalation_delivery', type: 'text', default: 'digest' })
  escalationDelivery!: 'digest' | 'immediate';

  /** Local time HH:MM of the daily digests. */
  @Column({ name: 'digest_time', type: 'text', default: '07:00' })
  digestTime!: string;

  @Column({ name: 'unit_digest_enabled', type: 'boolean', default: true })
  unitDigestEnabled!: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
