/** The rhythms of a regency as Temporal Schedules (year, semester, daily retention): names shared by API and worker. */
export const scheduleKinds = ['year-start', 'semester-collection', 'aks-identity-retention'] as const;
export type ScheduleKind = (typeof scheduleKinds)[number];

export const yearStartWorkflowType = 'yearStartWorkflow';
export const semesterCollectionWorkflowType = 'semesterCollectionWorkflow';

/** Scoped by task queue so two deployments (or two test files) on one Temporal never collide. */
export function regencyScheduleId(taskQueue: string, kind: ScheduleKind, regencyCode: string): string {
  return `${taskQueue}:${kind}:${regencyCode}`;
}

export interface RegencyScheduleInput {
  regencyCode: string;
}

/** One unit's data-collection task of a semester report, ready to start. */
export interface SemesterCollectionActivities {
  /** Creates the regency's cycle of the year (if none exists) and answers its workflow's input. */
  prepareYearCycle(input: { regencyCode: string }): Promise<{
    workflowId: string;
    input: import('./cycle').AnnualCycleInput;
  } | null>;
  /** The collection tasks of the semester that is due now, one per unit, with deterministic ids. */
  planSemesterCollection(input: { regencyCode: string }): Promise<import('./task').TaskWorkflowInput[]>;
}

export const aksIdentityRetentionWorkflowType = 'aksIdentityRetentionWorkflow';

/** The daily retention run of a regency's AKS identities (UU PDP). */
export interface AksRetentionActivities {
  /** Erases the identities whose retention period has run out; answers what it erased. */
  eraseExpiredAksIdentities(input: RegencyScheduleInput): Promise<{
    retentionMonths: number;
    erasedCases: number;
    audits: number;
  }>;
}
