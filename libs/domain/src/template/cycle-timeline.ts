import { startInstant } from '../calendar/deadline';
import { type LocalDate } from '../calendar/local-date';
import { compressInstant, type TimeCompression } from '../escalation/time-compression';
import { type IndonesianTimeZone } from '../regions/types';
import { type CyclePlan, type CyclePlanStage } from './cycle-plan';

/** When each action and each round of each stage may open, as the cycle workflows receive it. */
export interface CycleTimelineAction {
  actionId: string;
  code: string;
  opensAt: string;
  /** Action or stage codes that must be complete before the action starts. */
  requires: string[];
  stages: { stageId: string; code: string; requires: string[]; rounds: string[] }[];
}

/** The first day of each month from `start` through `end` (both YYYY-MM-DD), as local dates. */
export function monthStarts(start: LocalDate, end: LocalDate): LocalDate[] {
  const days: LocalDate[] = [start];
  let [year, month] = start.split('-').map(Number) as [number, number];
  for (;;) {
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
    const next = `${year}-${String(month).padStart(2, '0')}-01`;
    if (next > end) return days;
    days.push(next);
  }
}

/**
 * The local dates on which each round of a stage opens. 004 gives monthly work (Aksi 5's
 * monthly reports of the cadres) a round per month of the stage's window; `times` spreads its
 * rounds over the window's months; everything else opens once, when its window starts.
 */
export function stageRoundDates(
  stage: CyclePlanStage,
  actionWindow: { start: LocalDate; end: LocalDate },
): LocalDate[] {
  const window = stage.window ?? actionWindow;
  const months = monthStarts(window.start, window.end);
  switch (stage.recurrence.kind) {
    case 'monthly':
      return months.slice(0, stage.recurrence.times ?? months.length);
    case 'times': {
      const times = stage.recurrence.times;
      return Array.from({ length: times }, (_, i) => months[Math.floor((i * months.length) / times)] ?? window.start);
    }
    default:
      return [window.start];
  }
}

/**
 * Resolves a cycle plan into the instants its workflows wait for: an action opens at 00:00 local
 * on its window's first day, a stage round at 00:00 local on its day; compressed when a test or
 * demo plays the year fast. Ids come from the stored records.
 */
export function cycleTimeline(
  plan: CyclePlan,
  ids: { actionId: (code: string) => string; stageId: (code: string) => string },
  zone: IndonesianTimeZone,
  compression?: TimeCompression,
): CycleTimelineAction[] {
  const at = (date: LocalDate) => compressInstant(startInstant(date, zone), compression).toISOString();
  return plan.actions.map((action) => ({
    actionId: ids.actionId(action.code),
    code: action.code,
    opensAt: at(action.window.start),
    requires: action.requires,
    stages: action.stages.map((stage) => ({
      stageId: ids.stageId(stage.code),
      code: stage.code,
      requires: stage.requires,
      rounds: stageRoundDates(stage, action.window).map(at),
    })),
  }));
}
