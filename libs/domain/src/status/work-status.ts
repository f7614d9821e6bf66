import { calendarDaysBetween, type LocalDate } from '../calendar/local-date';
import { localDateOf } from '../calendar/deadline';
import { countWorkingDays, type WorkingDayRules } from '../calendar/working-days';
import { type IndonesianTimeZone } from '../regions/types';

/** Where a cycle, action or stage stands: belum mulai, berjalan, terlambat, selesai. */
export type WorkStatus = 'not_started' | 'in_progress' | 'late' | 'done';

/** Indonesian names of the work statuses the dashboards show. */
export const workStatusLabel: Readonly<Record<WorkStatus, string>> = {
  not_started: 'belum mulai',
  in_progress: 'berjalan',
  late: 'terlambat',
  done: 'selesai',
};

/** A stored status, made "late" when its window has closed (`windowEnd` < `today`) before it was done. */
export function effectiveStatus(stored: WorkStatus, windowEnd: LocalDate, today: LocalDate): WorkStatus {
  if (stored === 'done' || stored === 'late') return stored;
  return today > windowEnd ? 'late' : stored;
}

export interface StageFacts {
  readonly code: string;
  readonly status: WorkStatus;
  readonly dueAt: Date | null;
  readonly closedAt?: Date | null;
}

/**
 * A stage is late when the workflow marked it so, or when it is still open past its due instant:
 * the read must not wait for the workflow's next timer to say what any calendar already says.
 */
export function stageStatus(stage: StageFacts, now: Date): WorkStatus {
  if (stage.status === 'done' || stage.status === 'late') return stage.status;
  if (stage.status === 'in_progress' && stage.dueAt !== null && stage.dueAt.getTime() < now.getTime()) return 'late';
  return stage.status;
}

/** Whether a stage ended (or, still open, will end) after its due instant: counts against timeliness. */
export function stageWasLate(stage: StageFacts, now: Date): boolean {
  if (stage.dueAt === null) return stage.status === 'late';
  if (stage.status === 'done') return stage.closedAt != null && stage.closedAt.getTime() > stage.dueAt.getTime();
  return stageStatus(stage, now) === 'late';
}

export interface ActionFacts {
  readonly code: string;
  readonly status: WorkStatus;
  readonly windowEnd: LocalDate;
  readonly stages: readonly StageFacts[];
}

export interface ActionProgress {
  readonly status: WorkStatus;
  readonly label: string;
  readonly stagesDone: number;
  readonly stagesTotal: number;
  /** Share of stages done, 0…1. */
  readonly share: number;
  /** The same share as a whole percentage, for display. */
  readonly percent: number;
  /** Codes of the stages late now. */
  readonly lateStages: readonly string[];
}

/**
 * An action's status for the reader: done when the workflow says so; late when a stage is late
 * or the window has closed; in progress once any stage has started, even if the stored action
 * row has not caught up yet.
 */
export function actionProgress(action: ActionFacts, now: Date, today: LocalDate): ActionProgress {
  const statuses = action.stages.map((stage) => ({ code: stage.code, status: stageStatus(stage, now) }));
  const stagesDone = statuses.filter((s) => s.status === 'done').length;
  const stagesTotal = statuses.length;
  const lateStages = statuses.filter((s) => s.status === 'late').map((s) => s.code);
  let status: WorkStatus;
  if (action.status === 'done' || (stagesTotal > 0 && stagesDone === stagesTotal)) status = 'done';
  else if (lateStages.length > 0) status = 'late';
  else {
    const started =
      action.status === 'not_started' && statuses.some((s) => s.status !== 'not_started')
        ? 'in_progress'
        : action.status;
    status = effectiveStatus(started, action.windowEnd, today);
  }
  const share = stagesTotal === 0 ? 0 : stagesDone / stagesTotal;
  return {
    status,
    label: workStatusLabel[status],
    stagesDone,
    stagesTotal,
    share,
    percent: Math.round(share * 100),
    lateStages,
  };
}

/** How late something due at `dueAt` is at `now`, in the regency's calendar. */
export interface Lateness {
  /** Calendar days after the due day (how "terlambat N hari" is counted in reminders). */
  readonly calendarDays: number;
  /** Working days after the due day (weekends, national holidays and the regency's overrides skipped). */
  readonly workingDays: number;
}

export function lateness(dueAt: Date, now: Date, zone: IndonesianTimeZone, rules: WorkingDayRules): Lateness {
  if (now.getTime() <= dueAt.getTime()) return { calendarDays: 0, workingDays: 0 };
  const dueDay = localDateOf(dueAt, zone);
  const today = localDateOf(now, zone);
  return {
    calendarDays: Math.max(0, calendarDaysBetween(dueDay, today)),
    workingDays: Math.max(0, countWorkingDays(dueDay, today, rules)),
  };
}
