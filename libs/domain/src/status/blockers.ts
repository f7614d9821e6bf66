import { type WorkingDayRules } from '../calendar/working-days';
import { type IndonesianTimeZone } from '../regions/types';
import { lateness, type Lateness, type WorkStatus } from './work-status';

/** The task states the read side distinguishes (the task lifecycle's statuses). */
export type TaskState = 'open' | 'submitted' | 'approved' | 'returned' | 'cancelled' | 'reassigned';

export interface TaskFacts {
  readonly id: string;
  readonly title: string;
  readonly unitCode: string;
  readonly unitName: string;
  readonly status: TaskState;
  readonly dueAt: Date;
  readonly escalationLevel: number;
}

export interface Blocker {
  readonly taskId: string;
  readonly title: string;
  readonly unit: { readonly code: string; readonly name: string };
  readonly status: TaskState;
  /** `submission`: the unit has not handed in (open or returned); `approval`: handed in, not yet approved. */
  readonly waitingFor: 'submission' | 'approval';
  readonly dueAt: Date;
  readonly late: Lateness;
  readonly escalationLevel: number;
}

/**
 * What holds a late stage: its tasks that are not approved yet. Tasks still with their unit come
 * first (they are the ones the chair can push), then by escalation level and lateness.
 */
export function stageBlockers(
  tasks: readonly TaskFacts[],
  now: Date,
  zone: IndonesianTimeZone,
  rules: WorkingDayRules,
): Blocker[] {
  return tasks
    .filter((task) => task.status === 'open' || task.status === 'returned' || task.status === 'submitted')
    .map((task): Blocker => ({
      taskId: task.id,
      title: task.title,
      unit: { code: task.unitCode, name: task.unitName },
      status: task.status,
      waitingFor: task.status === 'submitted' ? 'approval' : 'submission',
      dueAt: task.dueAt,
      late: lateness(task.dueAt, now, zone, rules),
      escalationLevel: task.escalationLevel,
    }))
    .sort(
      (a, b) =>
        (a.waitingFor === b.waitingFor ? 0 : a.waitingFor === 'submission' ? -1 : 1) ||
        b.escalationLevel - a.escalationLevel ||
        a.dueAt.getTime() - b.dueAt.getTime() ||
        (a.taskId < b.taskId ? -1 : a.taskId > b.taskId ? 1 : 0),
    );
}

/** An action as planned: its own `requires` and its stages' (codes of actions or of stages). */
export interface PlannedAction {
  readonly code: string;
  readonly requires: readonly string[];
  readonly stages: readonly { readonly code: string; readonly requires: readonly string[] }[];
}

export interface UnfinishedDependency {
  /** The action (`AKSI_1`) or stage (`AKSI_2.T1`) that must be complete first. */
  readonly code: string;
  readonly kind: 'action' | 'stage';
  /** Its status now; undefined when the cycle has no such action or stage. */
  readonly status: WorkStatus | undefined;
  /** Which of this action's stages wait for it (empty: the action as a whole does). */
  readonly neededBy: readonly string[];
}

const ownCode = (action: string, code: string) => code === action || code.startsWith(`${action}.`);

/**
 * The `requires` dependencies outside the action itself that are not done yet: what an action that
 * has not started is waiting for. Dependencies between its own stages are its own progress, not a
 * blocker.
 */
export function unfinishedDependencies(
  action: PlannedAction,
  statusOf: (code: string) => WorkStatus | undefined,
): UnfinishedDependency[] {
  const byCode = new Map<string, string[]>();
  const note = (code: string, stage: string | undefined) => {
    if (ownCode(action.code, code) || statusOf(code) === 'done') return;
    const neededBy = byCode.get(code) ?? [];
    if (stage !== undefined && !neededBy.includes(stage)) neededBy.push(stage);
    byCode.set(code, neededBy);
  };
  action.requires.forEach((code) => note(code, undefined));
  action.stages.forEach((stage) => stage.requires.forEach((code) => note(code, stage.code)));
  return [...byCode.entries()]
    .map(([code, neededBy]) => ({
      code,
      kind: code.includes('.') ? ('stage' as const) : ('action' as const),
      status: statusOf(code),
      neededBy,
    }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
