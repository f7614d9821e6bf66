import 'reflect-metadata';
import pg from 'pg';
import { DataSource } from 'typeorm';
import {
  AksAuditRecord,
  AksCaseRecord,
  AksDocumentRecord,
  AksFindingRecord,
  AksIdentityAccessRecord,
  AksIdentityErasureRecord,
  AksMonitoringRecord,
  AksRecommendationRecord,
  AksRetentionSettingRecord,
  AksStageRecord,
  AksTeamMemberRecord,
} from './entities/aks.entity';
import { CompiledReportRecord } from './entities/compiled-report.entity';
import { ActionRecord, CycleRecord, StageRecord } from './entities/cycle.entity';
import { LokusVillageRecord, ReviewRecommendationRecord, VillageSituationRecord } from './entities/cycle-work.entity';
import { EvidenceBlobRecord, EvidenceFileRecord, SubmissionRecord } from './entities/evidence.entity';
import { IndicatorValueRecord } from './entities/indicator-value.entity';
import { MailOutboxRecord } from './entities/mail-outbox.entity';
import { EscalationNoticeRecord, TaskDelegationRecord } from './entities/notification.entity';
import { PipeCheckRecord } from './entities/pipe-check.entity';
import { PlannedActivityRecord } from './entities/planned-activity.entity';
import { PortalMilestoneRecord } from './entities/portal.entity';
import { RegionRecord } from './entities/region.entity';
import { RubricGradeRecord } from './entities/rubric-grade.entity';
import { EscalationSettingRecord, HolidayOverrideRecord } from './entities/regency-settings.entity';
import { TaskEventRecord, TaskRecord } from './entities/task.entity';
import { UnitRecord } from './entities/unit.entity';
import { IdempotencyKeyRecord } from './entities/idempotency.entity';
import { LoginFailureRecord } from './entities/login-failure.entity';
import { AuthSessionRecord } from './entities/auth-session.entity';
import { PasswordResetTokenRecord } from './entities/password-reset.entity';
import { MfaChallengeRecord, MfaRecoveryCodeRecord, UserMfaRecord } from './entities/mfa.entity';
import { RefreshTokenRecord, RoleAssignmentRecord, UserRecord } from './entities/user.entity';
import { Init1763800000000 } from './migrations/1763800000000-init';
import { RecordsAndIdentity1763900000000 } from './migrations/1763900000000-records-and-identity';
import { TaskLifecycle1764000000000 } from './migrations/1764000000000-task-lifecycle';
import { AksAudit1764200000000 } from './migrations/1764200000000-aks-audit';
import { SemesterReport1764300000000 } from './migrations/1764300000000-semester-report';
import { AnnualCycle1764100000000 } from './migrations/1764100000000-annual-cycle';
import { StatusPortal1764400000000 } from './migrations/1764400000000-status-portal';
import { PasswordReset1764500000000 } from './migrations/1764500000000-password-reset';
import { RequestSafety1764600000000 } from './migrations/1764600000000-request-safety';
import { SecondFactor1764650000000 } from './migrations/1764650000000-second-factor';
import { AksIdentityRetention1764700000000 } from './migrations/1764700000000-aks-identity-retention';
import { IndicatorShapes1764800000000 } from './migrations/1764800000000-indicator-shapes';
import { IndicatorConfirmations1764900000000 } from './migrations/1764900000000-indicator-confirmations';

export const entities = [
  PipeCheckRecord,
  MailOutboxRecord,
  RegionRecord,
  UnitRecord,
  UserRecord,
  RoleAssignmentRecord,
  RefreshTokenRecord,
  HolidayOverrideRecord,
  EscalationSettingRecord,
  CycleRecord,
  ActionRecord,
  StageRecord,
  TaskRecord,
  TaskEventRecord,
  SubmissionRecord,
  EvidenceBlobRecord,
  EvidenceFileRecord,
  IndicatorValueRecord,
  AksAuditRecord,
  AksCaseRecord,
  AksFindingRecord,
  AksRecommendationRecord,
  AksIdentityAccessRecord,
  AksStageRecord,
  AksTeamMemberRecord,
  AksDocumentRecord,
  AksMonitoringRecord,
  CompiledReportRecord,
  EscalationNoticeRecord,
  TaskDelegationRecord,
  VillageSituationRecord,
  LokusVillageRecord,
  ReviewRecommendationRecord,
  PortalMilestoneRecord,
  RubricGradeRecord,
  PlannedActivityRecord,
  PasswordResetTokenRecord,
  IdempotencyKeyRecord,
  LoginFailureRecord,
  AuthSessionRecord,
  UserMfaRecord,
  MfaRecoveryCodeRecord,
  MfaChallengeRecord,
  AksIdentityErasureRecord,
  AksRetentionSettingRecord,
];

/** In order of application; a new migration is appended, never inserted. */
export const migrations = [
  Init1763800000000,
  RecordsAndIdentity1763900000000,
  TaskLifecycle1764000000000,
  AnnualCycle1764100000000,
  AksAudit1764200000000,
  SemesterReport1764300000000,
  StatusPortal1764400000000,
  PasswordReset1764500000000,
  RequestSafety1764600000000,
  SecondFactor1764650000000,
  AksIdentityRetention1764700000000,
  IndicatorShapes1764800000000,
  IndicatorConfirmations1764900000000,
];

export interface DataSourceSettings {
  url: string;
  poolSize?: number;
  /** Names the connection in pg_stat_activity (api, worker, test…). */
  applicationName?: string;
}

/**
 * A pg client that always has an 'error' listener. pg-pool takes its own listener off a client
 * while it is lent out and TypeORM adds one a microtask later; a FATAL message (a backend ended by
 * pg_terminate_backend, a server restart) parsed from the same socket read in that gap is an
 * 'error' event with no listener, which stops the process. The pool and TypeORM still see and
 * handle every error; this listener only keeps it from being unhandled.
 */
class ListenedClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}

/**
 * The one DataSource factory. The schema changes only through `migrations` (synchronize stays
 * off, migrationsRun too: migrating is an explicit step of `npm start` and the test setup).
 */
export function createDataSource(settings: DataSourceSettings): DataSource {
  return new DataSource({
    type: 'postgres',
    url: settings.url,
    // gen_random_uuid() is built into PostgreSQL 13+; uuid-ossp would need an extension.
    uuidExtension: 'pgcrypto',
    entities,
    migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    applicationName: settings.applicationName ?? 'konvergensi',
    extra: { max: settings.poolSize ?? 10, connectionTimeoutMillis: 5000, Client: ListenedClient },
  });
}
