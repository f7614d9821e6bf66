import { defineQuery, defineUpdate } from '@temporalio/workflow';

/**
 * Names and shapes shared by the API, the worker and the AKS workflow. Ids, codes and counts only:
 * no name, NIK, address or birth date ever travels through Temporal.
 */
export const aksAuditWorkflowType = 'aksAuditWorkflow';

export function aksAuditWorkflowId(regencyCode: string, year: number, semester: number): string {
  return `aks:${regencyCode}:${year}:${semester}`;
}

/**
 * One thing a stage must have produced (mirrors libs/domain/src/aks/stage-outputs.ts, which
 * computes with it; the workflow passes these to the domain, so the compiler keeps them equal).
 */
export type AksRequirement =
  | { kind: 'document'; code: string; title: string }
  | { kind: 'team' }
  | { kind: 'cases' }
  | { kind: 'remeasurement' }
  | { kind: 'analysis' }
  | { kind: 'expertSignoff' }
  | { kind: 'followUpPlan' }
  | { kind: 'monitoring'; months: number }
  | { kind: 'report' };

/** Counts of what an audit's records hold, sent with `completeStage` (never identities). */
export interface AksStageEvidence {
  documents: string[];
  technicalMembers: number;
  expertMembers: number;
  membersWithoutAccount: number;
  leads: number;
  cases: number;
  casesRemeasured: number;
  casesAnalysed: number;
  casesSignedOff: number;
  acceptedRecommendations: number;
  recommendationsWithTask: number;
  casesMonitored: number;
  monitoringMonthsOpen: number;
  reportStatus: 'none' | 'compiled' | 'approved' | 'submitted';
}

export type AksAuditStatus = 'running' | 'completed';

/** One stage of the chosen template, resolved by the API for this audit. */
export interface AksStagePlan {
  code: string;
  order: number;
  title: string;
  /** Template role code of the owner (AUDIT_TEAM, TPPS_SECRETARIAT…). */
  ownerRole: string;
  requirements: AksRequirement[];
  milestones: string[];
  /** Planned due instant (23:59:59 local of the due day, compressed in tests). */
  dueAt: string;
  /** When the owner is reminded (a working day before the due day). */
  reminderAt: string;
  /** Monthly monitoring: how many months, and a month's length in (compressed) milliseconds. */
  monitoring?: { months: number; monthMillis: number };
}

export interface AksAuditWorkflowInput {
  auditId: string;
  regencyCode: string;
  year: number;
  semester: number;
  templateCode: string;
  stages: AksStagePlan[];
}

export interface CompleteAksStageInput {
  requestId: string;
  stageCode: string;
  actorUserId: string;
  /** What the records hold, counted by the API just before the Update. */
  evidence: AksStageEvidence;
}

export interface AksAuditState {
  auditId: string;
  status: AksAuditStatus;
  currentStage: string | null;
  completedStages: string[];
  /** Notices fired for the current stage: `reminder`, `overdue`, `month:<n>`. */
  firedNotices: string[];
  monitoringMonthsOpen: number;
}

export const completeAksStageUpdate = defineUpdate<AksAuditState, [CompleteAksStageInput]>('completeStage');
export const aksAuditStateQuery = defineQuery<AksAuditState>('aksState');

export type AksStageNoticeKind = 'opened' | 'reminder' | 'overdue' | 'monitoring_month';

/** The activities the AKS workflow calls; each is idempotent (keyed writes, outbox). */
export interface AksActivities {
  /** Records the stage as open (keyed by audit and stage) and tells its owner. */
  openAksStage(input: { auditId: string; stage: AksStagePlan; openedAt: string }): Promise<void>;
  /** A reminder, an overdue notice or the start of a monitoring month. */
  fireAksStageNotice(input: {
    auditId: string;
    stageCode: string;
    kind: AksStageNoticeKind;
    month?: number;
  }): Promise<void>;
  /** Records the stage as done by the actor. */
  completeAksStage(input: {
    auditId: string;
    stageCode: string;
    actorUserId: string;
    requestId: string;
  }): Promise<void>;
  /** Marks the audit completed. */
  finishAksAudit(input: { auditId: string }): Promise<void>;
}
