import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { RegionRecord } from './region.entity';
import { UnitRecord } from './unit.entity';

export type PlannedActivityIntervention = 'spesifik' | 'sensitif';
export type PlannedActivityFundingSource =
  'apbd_kabupaten_kota' | 'apbd_provinsi' | 'apbn' | 'dak_fisik' | 'dak_non_fisik' | 'dana_desa' | 'lainnya';
export type PlannedActivityTracking = 'belum' | 'diusulkan' | 'tercantum';

/** Budgets are whole rupiah; bigint comes back from pg as text and is read as a number. */
const rupiah = {
  to: (value: number): number => value,
  from: (value: string | null): number => Number(value ?? 0),
};

/**
 * An activity of Aksi 2's plan (rencana kegiatan, 004 Tabel 2.3) for one regency and year, with
 * its integration into RKPD, Renja OPD, KUA-PPAS and RKA OPD (004 Tabel 2.4/2.5): a status per
 * document and the document's reference once it is included.
 */
@Check('ck_planned_activity_intervention', `"intervention" IN ('spesifik', 'sensitif')`)
@Check(
  'ck_planned_activity_funding_source',
  `"funding_source" IN ('apbd_kabupaten_kota', 'apbd_provinsi', 'apbn', 'dak_fisik', 'dak_non_fisik', 'dana_desa', 'lainnya')`,
)
@Check('ck_planned_activity_budget', `"budget" >= 0`)
@Check(
  'ck_planned_activity_tracking',
  `"rkpd_status" IN ('belum', 'diusulkan', 'tercantum') AND "renja_status" IN ('belum', 'diusulkan', 'tercantum') AND "kua_ppas_status" IN ('belum', 'diusulkan', 'tercantum') AND "rka_status" IN ('belum', 'diusulkan', 'tercantum')`,
)
@Entity({ name: 'planned_activity' })
@Index('ix_planned_activity_cycle', ['regencyCode', 'year'])
@Index('ix_planned_activity_unit', ['unitId'])
export class PlannedActivityRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_planned_activity' })
  id!: string;

  @Column({ name: 'regency_code', type: 'text' })
  regencyCode!: string;

  @ManyToOne(() => RegionRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'regency_code', foreignKeyConstraintName: 'fk_planned_activity_regency' })
  regency?: RegionRecord;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => UnitRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_planned_activity_unit' })
  unit?: UnitRecord;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  intervention!: PlannedActivityIntervention;

  /** Target kinerja as written in the plan, e.g. "15.840 remaja putri". */
  @Column({ type: 'text' })
  target!: string;

  @Column({ type: 'text' })
  location!: string;

  @Column({ type: 'bigint', transformer: rupiah })
  budget!: number;

  @Column({ name: 'funding_source', type: 'text' })
  fundingSource!: PlannedActivityFundingSource;

  @Column({ name: 'rkpd_status', type: 'text', default: 'belum' })
  rkpdStatus!: PlannedActivityTracking;

  @Column({ name: 'rkpd_reference', type: 'text', nullable: true })
  rkpdReference!: string | null;

  @Column({ name: 'renja_status', type: 'text', default: 'belum' })
  renjaStatus!: PlannedActivityTracking;

  @Column({ name: 'renja_reference', type: 'text', nullable: true })
  renjaReference!: string | null;

  @Column({ name: 'kua_ppas_status', type: 'text', default: 'belum' })
  kuaPpasStatus!: PlannedActivityTracking;

  @Column({ name: 'kua_ppas_reference', type: 'text', nullable: true })
  kuaPpasReference!: string | null;

  @Column({ name: 'rka_status', type: 'text', default: 'belum' })
  rkaStatus!: PlannedActivityTracking;

  @Column({ name: 'rka_reference', type: 'text', nullable: true })
  rkaReference!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
