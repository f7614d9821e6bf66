import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { EvidenceBlobRecord } from './evidence.entity';
import { RegionRecord } from './region.entity';
import { TaskRecord } from './task.entity';
import { UnitRecord } from './unit.entity';
import { UserRecord } from './user.entity';

/** A measurement as stored: weight (kg), height (cm), LiLA (cm), date, and who recorded it. */
export type AksMeasurementJson = Record<string, string | number | null>;

/** Audit Kasus Stunting of one regency and semester. */
@Check('ck_aks_audit_semester', `"semester" IN (1, 2)`)
@Check('ck_aks_audit_report_status', `"report_status" IN ('none', 'compiled', 'approved', 'submitted')`)
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

  /** none → compiled (secretary) → approved (chair) → submitted (to the provincial TPPS). */
  @Column({ name: 'report_status', type: 'text', default: 'none' })
  reportStatus!: 'none' | 'compiled' | 'approved' | 'submitted';

  /** The compiled report: aggregates only (recap, counts, stages), never identities. */
  @Column({ type: 'jsonb', nullable: true })
  report!: Record<string, unknown> | null;

  @Column({ name: 'report_updated_at', type: 'timestamptz', nullable: true })
  reportUpdatedAt!: Date | null;

  /** When the report went to the provincial TPPS: the retention period of the identities starts here. */
  @Column({ name: 'report_submitted_at', type: 'timestamptz', nullable: true })
  reportSubmittedAt!: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * A case of the audit. The identity (name, NIK, address, birth date) is stored only encrypted;
 * `nikHash` (keyed hash) lets a re-import match a case without decrypting. Once erased (retention
 * or the person's request) both are gone and `identityErasedAt` says when; the rest stays.
 */
@Check(
  'ck_aks_case_identity_erased',
  `("identity_ciphertext" IS NULL) = ("identity_erased_at" IS NOT NULL) AND ("identity_erased_at" IS NULL OR "nik_hash" IS NULL)`,
)
@Check('ck_aks_case_target_group', `"target_group" IN ('catin', 'ibu_hamil', 'ibu_nifas_menyusui', 'baduta', 'balita')`)
@Entity({ name: 'aks_case' })
@Index('ix_aks_case_audit', ['auditId'])
// One case per person and audit: a repeated import of the same NIK changes nothing.
@Unique('uq_aks_case_nik_hash', ['auditId', 'nikHash'])
export class AksCaseRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_aks_case' })
  id!: string;

  @Column({ name: 'audit_id', type: 'uuid' })
  auditId!: string;

  @ManyToOne(() => AksAuditRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'audit_id', foreignKeyConstraintName: 'fk_aks_case_audit' })
  audit?: AksAuditRecord;

  /** catin, ibu_hamil, ibu_nifas_menyusui, baduta, balita */
  @Column({ name: 'target_group', type: 'text' })
  targetGroup!: string;

  @Column({ name: 'district_code', type: 'text', nullable: true })
  districtCode!: string | null;

  @Column({ name: 'village_code', type: 'text', nullable: true })
  villageCode!: string | null;

  @Column({ name: 'identity_ciphertext', type: 'bytea', nullable: true })
  identityCiphertext!: Buffer | null;

  @Column({ name: 'identity_erased_at', type: 'timestamptz', nullable: true })
  identityErasedAt!: Date | null;

  @Column({ name: 'nik_hash', type: 'text', nullable: true })
  nikHash!: string | null;

  /** The measurement as imported (e-PPGBM / PK data): weight, height, LiLA, date. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  measurement!: AksMeasurementJson;

  /** Re-measurement (pengukuran ulang) as recorded in stage 2. */
  @Column({ type: 'jsonb', nullable: true })
  remeasurement!: AksMeasurementJson | null;

  /** The expert panel's sign-off of the case's analysis (stage 3). */
  @Column({ name: 'signed_off_by', type: 'uuid', nullable: true })
  signedOffBy!: string | null;

  @Column({ name: 'signed_off_at', type: 'timestamptz', nullable: true })
  signedOffAt!: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

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

  /** The step-up (fresh password and authenticator code) that allowed a full reveal or export. */
  @Column({ name: 'step_up_at', type: 'timestamptz', nullable: true })
  stepUpAt!: Date | null;

  @CreateDateColumn({ name: 'accessed_at', type: 'timestamptz' })
  accessedAt!: Date;
}

/** A stage of an audit as the workflow opened and closed it (the read model of the workflow). */
@Check('ck_aks_stage_status', `"status" IN ('open', 'done')`)
@Entity({ name: 'aks_stage' })
@Unique('uq_aks_stage_code', ['auditId', 'code'])
export class AksStageRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_aks_stage' })
  id!: string;

  @Column({ name: 'audit_id', type: 'uuid' })
  auditId!: string;

  @ManyToOne(() => AksAuditRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'audit_id', foreignKeyConstraintName: 'fk_aks_stage_audit' })
  audit?: AksAuditRecord;

  @Column({ type: 'text' })
  code!: string;

  @Column({ name: 'stage_order', type: 'integer' })
  stageOrder!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'owner_role', type: 'text' })
  ownerRole!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  milestones!: string[];

  @Column({ type: 'text', default: 'open' })
  status!: 'open' | 'done';

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  /** Monitoring months opened by the workflow's timers (0 for other stages). */
  @Column({ name: 'months_open', type: 'integer', default: 0 })
  monthsOpen!: number;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ name: 'completed_by', type: 'uuid', nullable: true })
  completedBy!: string | null;
}

/**
 * The roster of stage 1: members of the technical team and the expert panel, each an account of
 * the regency. The technical member flagged `lead` is the AKS lead: the only one who may export
 * identities.
 */
@Check('ck_aks_team_member_team', `"team" IN ('technical', 'expert')`)
@Entity({ name: 'aks_team_member' })
@Unique('uq_aks_team_member', ['auditId', 'userId'])
export class AksTeamMemberRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_aks_team_member' })
  id!: string;

  @Column({ name: 'audit_id', type: 'uuid' })
  auditId!: string;

  @ManyToOne(() => AksAuditRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'audit_id', foreignKeyConstraintName: 'fk_aks_team_member_audit' })
  audit?: AksAuditRecord;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_aks_team_member_user' })
  user?: UserRecord;

  @Column({ type: 'text' })
  team!: 'technical' | 'expert';

  @Column({ type: 'boolean', default: false })
  lead!: boolean;

  /** e.g. dokter spesialis anak, dokter kandungan, ahli gizi, psikolog. */
  @Column({ type: 'text', nullable: true })
  specialty!: string | null;
}

/** Files of an audit's stages (SK Tim AKS, minutes, the follow-up plan…), stored once per SHA-256. */
@Entity({ name: 'aks_document' })
@Index('ix_aks_document_audit', ['auditId', 'deliverableCode'])
export class AksDocumentRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_aks_document' })
  id!: string;

  @Column({ name: 'audit_id', type: 'uuid' })
  auditId!: string;

  @ManyToOne(() => AksAuditRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'audit_id', foreignKeyConstraintName: 'fk_aks_document_audit' })
  audit?: AksAuditRecord;

  @Column({ name: 'deliverable_code', type: 'text' })
  deliverableCode!: string;

  @Column({ type: 'text' })
  sha256!: string;

  @ManyToOne(() => EvidenceBlobRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sha256', foreignKeyConstraintName: 'fk_aks_document_blob' })
  blob?: EvidenceBlobRecord;

  @Column({ name: 'original_name', type: 'text' })
  originalName!: string;

  @Column({ name: 'media_type', type: 'text' })
  mediaType!: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes!: number;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy!: string;

  @CreateDateColumn({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt!: Date;
}

/** Monthly monitoring of a case (the SOP variant): one measurement per case and month. */
@Check('ck_aks_monitoring_month', `"month" BETWEEN 1 AND 12`)
@Entity({ name: 'aks_monitoring' })
@Unique('uq_aks_monitoring_month', ['caseId', 'month'])
export class AksMonitoringRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_aks_monitoring' })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => AksCaseRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_aks_monitoring_case' })
  case?: AksCaseRecord;

  @Column({ type: 'smallint' })
  month!: number;

  @Column({ type: 'jsonb' })
  measurement!: AksMeasurementJson;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy!: string;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}

/**
 * The dated record of one case's identity erasure: which fields, why (the retention period or the
 * person's request), by whom (null for the retention schedule). It names no one: the case id and
 * the audit's aggregates are all that is left of the person.
 */
@Check('ck_aks_identity_erasure_reason', `"reason" IN ('retention', 'data_subject_request')`)
@Entity({ name: 'aks_identity_erasure' })
@Unique('uq_aks_identity_erasure_case', ['caseId'])
@Index('ix_aks_identity_erasure_audit', ['auditId', 'erasedAt'])
export class AksIdentityErasureRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_aks_identity_erasure' })
  id!: string;

  @Column({ name: 'audit_id', type: 'uuid' })
  auditId!: string;

  @ManyToOne(() => AksAuditRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'audit_id', foreignKeyConstraintName: 'fk_aks_identity_erasure_audit' })
  audit?: AksAuditRecord;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => AksCaseRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_aks_identity_erasure_case' })
  case?: AksCaseRecord;

  @Column({ type: 'text' })
  reason!: 'retention' | 'data_subject_request';

  /** nama, nik, tanggalLahir, alamat */
  @Column({ type: 'text', array: true })
  fields!: string[];

  @Column({ name: 'erased_by', type: 'uuid', nullable: true })
  erasedBy!: string | null;

  /** The request's reference or the retention period applied, e.g. "retensi 24 bulan". */
  @Column({ type: 'text' })
  note!: string;

  @CreateDateColumn({ name: 'erased_at', type: 'timestamptz' })
  erasedAt!: Date;
}

/** A regency's retention period for AKS identities (default in libs/domain: 24 months). */
@Check('ck_aks_retention_setting_months', `"retention_months" BETWEEN 1 AND 120`)
@Entity({ name: 'aks_retention_setting' })
export class AksRetentionSettingRecord {
  @PrimaryColumn({ name: 'regency_code', type: 'text', primaryKeyConstraintName: 'pk_aks_retention_setting' })
  regencyCode!: string;

  @ManyToOne(() => RegionRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'regency_code', foreignKeyConstraintName: 'fk_aks_retention_setting_regency' })
  regency?: RegionRecord;

  @Column({ name: 'retention_months', type: 'smallint' })
  retentionMonths!: number;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
