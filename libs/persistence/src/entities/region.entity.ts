import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

export type RegionLevel = 'province' | 'regency' | 'district' | 'village';

/** Provinsi → kabupaten/kota → kecamatan → desa/kelurahan, keyed by Kemendagri code. */
@Check('ck_region_level', `"level" IN ('province', 'regency', 'district', 'village')`)
@Entity({ name: 'region' })
@Index('ix_region_parent', ['parentCode'])
export class RegionRecord {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_region' })
  code!: string;

  @Column({ type: 'text' })
  level!: RegionLevel;

  @Column({ type: 'text' })
  name!: string;

  /** kota/kabupaten, kelurahan/desa… as printed. */
  @Column({ type: 'text', nullable: true })
  kind!: string | null;

  @Column({ name: 'parent_code', type: 'text', nullable: true })
  parentCode!: string | null;

  @ManyToOne(() => RegionRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_code', foreignKeyConstraintName: 'fk_region_parent' })
  parent?: RegionRecord;

  @Column({ name: 'bps_code', type: 'text', nullable: true })
  bpsCode!: string | null;

  /** IANA zone of a regency (WIB Asia/Jakarta, WITA Asia/Makassar, WIT Asia/Jayapura). */
  @Column({ name: 'time_zone', type: 'text', nullable: true })
  timeZone!: string | null;

  @Column({ name: 'family_count', type: 'integer', nullable: true })
  familyCount!: number | null;
}
