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

/** A local account. Roles are in `role_assignment`; the scope is the user's regency or province. */
@Entity({ name: 'app_user' })
@Index('ux_app_user_username', ['username'], { unique: true })
@Index('ix_app_user_regency', ['regencyCode'])
export class UserRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_app_user' })
  id!: string;

  /** Lower-case login name, e.g. `metro.dinkes`. */
  @Column({ type: 'text' })
  username!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ type: 'text' })
  email!: string;

  /** argon2id hash (PHC string). */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ name: 'regency_code', type: 'text', nullable: true })
  regencyCode!: string | null;

  @ManyToOne(() => RegionRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'regency_code', foreignKeyConstraintName: 'fk_app_user_regency' })
  regency?: RegionRecord;

  @Column({ name: 'province_code', type: 'text', nullable: true })
  provinceCode!: string | null;

  @ManyToOne(() => RegionRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'province_code', foreignKeyConstraintName: 'fk_app_user_province' })
  province?: RegionRecord;

  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId!: string | null;

  @ManyToOne(() => UnitRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_app_user_unit' })
  unit?: UnitRecord;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'failed_login_count', type: 'integer', default: 0 })
  failedLoginCount!: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

@Check(
  'ck_role_assignment_role',
  `"role" IN ('system_admin', 'tpps_chair', 'tpps_secretary', 'opd_officer', 'opd_head', 'aks_technical', 'aks_expert', 'province_viewer')`,
)
@Entity({ name: 'role_assignment' })
export class RoleAssignmentRecord {
  @Column({ name: 'user_id', type: 'uuid', primary: true, primaryKeyConstraintName: 'pk_role_assignment' })
  userId!: string;

  @Column({ type: 'text', primary: true, primaryKeyConstraintName: 'pk_role_assignment' })
  role!: string;

  @ManyToOne(() => UserRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_role_assignment_user' })
  user?: UserRecord;
}

/** Refresh tokens are stored hashed and rotated; reuse of a rotated token revokes its family. */
@Entity({ name: 'refresh_token' })
@Index('ux_refresh_token_hash', ['tokenHash'], { unique: true })
@Index('ix_refresh_token_user', ['userId'])
export class RefreshTokenRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_refresh_token' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_refresh_token_user' })
  user?: UserRecord;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId!: string;

  @Column({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
