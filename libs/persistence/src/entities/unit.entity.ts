import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { RegionRecord } from './region.entity';

/**
 * A government unit (OPD, kecamatan, puskesmas, team) of one regency, with the organisational
 * roles of libs/domain it plays there (role mapping).
 */
@Entity({ name: 'unit' })
@Unique('uq_unit_regency_code', ['regencyCode', 'code'])
@Index('ix_unit_regency', ['regencyCode'])
export class UnitRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_unit' })
  id!: string;

  @Column({ name: 'regency_code', type: 'text' })
  regencyCode!: string;

  @ManyToOne(() => RegionRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'regency_code', foreignKeyConstraintName: 'fk_unit_regency' })
  regency?: RegionRecord;

  /** Short upper-case code the API addresses the unit by, e.g. `DINKES`. */
  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'role_codes', type: 'text', array: true, default: () => "'{}'" })
  roleCodes!: string[];

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
