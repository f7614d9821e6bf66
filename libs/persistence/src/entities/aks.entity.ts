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
} from 'typeorm';
import { RegionRecord } from './region.entity';
import { TaskRecord } from './task.entity';
import { UnitRecord } from './unit.entity';

/** Audit Kasus Stunting of one regency and semester. */
@Check('ck_aks_audit_semester', `"semester" IN (1, 2)`)
@Entity({ name: 'aks_audit' })
@Unique('uq_aks_audit_period', ['regencyCode', 'year', 'semester'])
export class AksAuditRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_aks_audit' })
  id!: string;

  @Column({ name: 'regency_code', type: 'text' })
  regencyCode!: string;

  @ManyToOne(() => RegionRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'regency_code', foreignKeyConstraintName: 'fk_aks_audit_regency' })
  regency?: RegionRecord;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'smallint' })
  semester!: number;

  @Column({ name: 'template_code', type: 'text' })
  templateCode!: string;

  @Column({ name: 'current_stage', type: 'text', nullable: true })
  currentStage!: string | null;

  @Column({ type: 'text', default: 'not_started' })
  status!: string;

  @Column({ name: 'workflow_id', type: 'text', nullable: true })
  workflowId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * A case of the audit. The identity (name, NIK, address, birth date) is stored only encrypted;
 * `nikHash` (keyed hash) lets a re-import match a case without decrypting.
 */
@Check('ck_aks_case_target_group', `"target_group" IN ('catin', 'ibu_hamil', 'ibu_nifas', 'baduta', 'balita')`)
@Entity({ name: 'aks_case' })
@Index('ix_aks_case_audit', ['auditId'])
@Index('ix_aks_case_nik_hash', ['auditId', 'nikHash'])
export class AksCaseRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_aks_case' })
  id!: string;

  @Column({ name: 'audit_id', type: 'uuid' })
  auditId!: string;

  @ManyToOne(() => AksAuditRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'audit_id', foreignKeyConstraintName: 'fk_aks_case_audit' })
  audit?: AksAuditRecord;

  /** catin, ibu_hamil, ibu_nifas, baduta, balita */
  @Column({ name: 'target_group', type: 'text' })
  targetGroup!: string;

  @Column({ name: 'district_code', type: 'text', nullable: true })
  districtCode!: string | null;

  @Column({ name: 'village_code', type: 'text', nullable: true })
  villageCode!: string | null;

  @Column({ name: 'identity_ciphertext', type: 'bytea' })
  identityCiphertext!: Buffer;

  @Column({ name: 'nik_hash', type: 'text', nullable: true })
  nikHash!: string | null;

  /** Re-measurement (pengukuran ulang) as recorded in stage 2. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  measurement!: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

@Check('ck_aks_finding_kind', `"kind" IN ('finding', 'cause')`)
@Entity({ name: 'aks_finding' })
@Index('ix_aks_finding_case', ['caseId'])
export class AksFindingRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_aks_finding' })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => AksCaseRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_aks_finding_case' })
  case?: AksCaseRecord;

  /** finding or likely cause */
  @Column({ type: 'text' })
  kind!: 'finding' | 'cause';

  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

@Entity({ name: 'aks_recommendation' })
@Index('ix_aks_recommendation_audit', ['auditId'])
export class AksRecommendationRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_aks_recommendation' })
  id!: string;

  @Column({ name: 'audit_id', type: 'uuid' })
  auditId!: string;

  @ManyToOne(() => AksAuditRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'audit_id', foreignKeyConstraintName: 'fk_aks_recommendation_audit' })
  audit?: AksAuditRecord;

  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId!: string | null;

  @ManyToOne(() => AksCaseRecord, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_aks_recommendation_case' })
  case?: AksCaseRecord;

  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId!: string | null;

  @ManyToOne(() => UnitRecord, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_aks_recommendation_unit' })
  unit?: UnitRecord;

  @Column({ type: 'boolean', default: false })
  accepted!: boolean;

  @Column({ name: 'follow_up_task_id', type: 'uuid', nullable: true })
  followUpTaskId!: string | null;

  @ManyToOne(() => TaskRecord, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'follow_up_task_id', foreignKeyConstraintName: 'fk_aks_recommendation_task' })
  followUpTask?: TaskRecord;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** Every read of a case's identity, by whom and why. */
@Entity({ name: 'aks_identity_access' })
@Index('ix_aks_identity_access_case', ['caseId', 'accessedAt'])
export class AksIdentityAccessRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_aks_identity_access' })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => AksCaseRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_aks_identity_access_case' })
  case?: AksCaseRecord;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  purpose!: string;

  @CreateDateColumn({ name: 'accessed_at', type: 'timestamptz' })
  accessedAt!: Date;
}
