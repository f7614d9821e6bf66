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
import { ActionRecord } from './cycle.entity';
import { UserRecord } from './user.entity';

export type PortalMilestoneCode =
  'data_entered' | 'documents_uploaded' | 'verified_by_bappeda' | 'reviewed_by_province';

/**
 * A step of filing one action in the national monitoring portal (Aksi Bangda), as the TPPS
 * secretary records it: one row per action and milestone, corrected in place by a repeated PUT.
 */
@Check(
  'ck_portal_milestone_code',
  `"milestone" IN ('data_entered', 'documents_uploaded', 'verified_by_bappeda', 'reviewed_by_province')`,
)
@Entity({ name: 'portal_milestone' })
@Unique('uq_portal_milestone_action', ['actionId', 'milestone'])
export class PortalMilestoneRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_portal_milestone' })
  id!: string;

  @Column({ name: 'action_id', type: 'uuid' })
  actionId!: string;

  @ManyToOne(() => ActionRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'action_id', foreignKeyConstraintName: 'fk_portal_milestone_action' })
  action?: ActionRecord;

  @Column({ type: 'text' })
  milestone!: PortalMilestoneCode;

  /** The day the step happened in the portal (local date of the regency). */
  @Column({ name: 'reached_on', type: 'date' })
  reachedOn!: string;

  @Column({ type: 'text', default: '' })
  note!: string;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy!: string;

  @ManyToOne(() => UserRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'fk_portal_milestone_recorded_by' })
  recorder?: UserRecord;

  @UpdateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
