import { defineQuery, defineUpdate } from '@temporalio/workflow';

/** Names and shapes shared by the API, the worker and the task workflow. No personal data here. */
export const taskWorkflowType = 'taskWorkflow';

export function taskWorkflowId(taskId: string): string {
  return `task:${taskId}`;
}

export type TaskKind = 'cycle' | 'ad_hoc' | 'aks_follow_up';
export type TaskStatus = 'open' | 'submitted' | 'approved' | 'returned' | 'cancelled' | 'reassigned';
export type EscalationStepKind = 'reminder' | 'overdue' | 'secretary' | 'chair';

export interface TaskDeliverable {
  kind: 'document' | 'data_table' | 'signature' | 'minutes';
  title: string;
}

/** One rung of the escalation ladder as an absolute instant (computed outside the workflow). */
export interface LadderStep {
  kind: EscalationStepKind;
  level: number;
  ordinal: number;
  /** ISO 8601 instant. */
  at: string;
}

export interface TaskSchedule {
  /** The due day in the regency's calendar, YYYY-MM-DD. */
  dueDate: string;
  /** ISO instant of 23:59:59 local on the due day (compressed in tests). */
  dueAt: string;
  steps: LadderStep[];
}

export interface TaskWorkflowInput {
  taskId: string;
  regencyCode: string;
  kind: TaskKind;
  title: string;
  description: string;
  deliverables: TaskDeliverable[];
  assigneeUnitId: string;
  schedule: TaskSchedule;
  createdBy: string | null;
  cycleId?: string | null;
  /** The workflow to tell (taskClosed signal) when this task closes: the stage's action workflow. */
  notifyWorkflowId?: string | null;
  stageId?: string | null;
}

/** Who acts: the person, and the officer they stand in for when they are a substitute. */
export interface TaskActor {
  userId: string;
  onBehalfOfUserId: string | null;
}

export interface SubmitTaskInput {
  requestId: string;
  actor: TaskActor;
  note: string;
  evidenceIds: string[];
}
export interface ApproveTaskInput {
  requestId: string;
  actor: TaskActor;
  note: string;
}
export interface ReturnTaskInput {
  requestId: string;
  actor: TaskActor;
  reason: string;
}
export interface RequestExtensionInput {
  requestId: string;
  actor: TaskActor;
  requestedDueDate: string;
  reason: string;
  /** The ladder if the request is approved, computed by the API from the regency's calendar. */
  proposedSchedule: TaskSchedule;
}
export interface DecideExtensionInput {
  requestId: string;
  actor: TaskActor;
  approve: boolean;
  note: string;
}
export interface ReassignTaskInput {
  requestId: string;
  actor: TaskActor;
  newUnitId: string;
  newTaskId: string;
  reason: string;
}
export interface CancelTaskInput {
  requestId: string;
  actor: TaskActor;
  reason: string;
}

export interface PendingExtension {
  requestId: string;
  requestedDueDate: string;
  reason: string;
  requestedBy: string;
}

/** What the workflow answers to every Update and to the state query. */
export interface TaskState {
  taskId: string;
  status: TaskStatus;
  assigneeUnitId: string;
  dueDate: string;
  dueAt: string;
  escalationLevel: number;
  /** `<kind>:<ordinal>` of each ladder step that has fired. */
  firedSteps: string[];
  pendingExtension: PendingExtension | null;
  submissions: number;
  reassignedToTaskId: string | null;
}

export const submitTaskUpdate = defineUpdate<TaskState, [SubmitTaskInput]>('submit');
export const approveTaskUpdate = defineUpdate<TaskState, [ApproveTaskInput]>('approve');
export const returnTaskUpdate = defineUpdate<TaskState, [ReturnTaskInput]>('return');
export const requestExtensionUpdate = defineUpdate<TaskState, [RequestExtensionInput]>('requestExtension');
export const decideExtensionUpdate = defineUpdate<TaskState, [DecideExtensionInput]>('decideExtension');
export const reassignTaskUpdate = defineUpdate<TaskState, [ReassignTaskInput]>('reassign');
export const cancelTaskUpdate = defineUpdate<TaskState, [CancelTaskInput]>('cancel');
export const taskStateQuery = defineQuery<TaskState>('state');

/** A transition to persist: the event row (keyed by requestId), the new status and its notices. */
export interface TaskTransitionRecord {
  taskId: string;
  requestId: string;
  kind:
    | 'submitted'
    | 'approved'
    | 'returned'
    | 'extension_requested'
    | 'extension_approved'
    | 'extension_rejected'
    | 'reassigned'
    | 'cancelled';
  actor: TaskActor;
  status: TaskStatus;
  payload: Record<string, unknown>;
  /** Set when the due date moved (approved extension). */
  schedule?: TaskSchedule;
}

/** The activities the task workflow calls; every one is idempotent (keyed writes, outbox). */
export interface TaskActivities {
  /** Records the task (if the API has not already) and notifies the unit: "tugas baru". */
  openTask(input: TaskWorkflowInput): Promise<void>;
  /** Persists a transition and queues its notices; a repeated requestId changes nothing. */
  recordTaskTransition(record: TaskTransitionRecord): Promise<void>;
  /** Fires one ladder step: event, escalation level, notices (immediate or digest). */
  fireLadderStep(input: { taskId: string; step: LadderStep; generation: number }): Promise<void>;
}
