import { dueInstant } from '../calendar/deadline';
import { type HolidayOverride, indonesianWorkingDayRules } from '../calendar/holidays';
import { type LocalDate } from '../calendar/local-date';
import { type WorkingDayRules } from '../calendar/working-days';
import { type IndonesianTimeZone } from '../regions/types';
import {
  defaultEscalationLadder,
  escalationLadderSchema,
  escalationSteps,
  type EscalationLadder,
  type EscalationStepKind,
} from './escalation-ladder';
import { compressInstant, type TimeCompression } from './time-compression';

/** A regency's calendar as tasks need it: its zone, working days and escalation ladder. */
export interface RegencyCalendar {
  zone: IndonesianTimeZone;
  rules: WorkingDayRules;
  ladder: EscalationLadder;
}

/** The stored settings a regency's calendar is made of (holiday overrides, the ladder's JSON). */
export interface RegencyCalendarSettings {
  timeZone: string | null;
  overrides: readonly { date: string; kind: 'holiday' | 'working_day' | string; name: string }[];
  /** The stored ladder; anything that does not parse falls back to the default ladder. */
  ladder: unknown;
}

/** The regency's stored overrides as changes to the national holiday calendar. */
export function regencyHolidayOverrides(settings: Pick<RegencyCalendarSettings, 'overrides'>): HolidayOverride[] {
  return settings.overrides.map((o) => ({
    date: o.date,
    action: o.kind === 'holiday' ? 'add' : 'remove',
    name: o.name,
    decree: 'pengaturan kabupaten/kota',
  }));
}

export function regencyCalendar(settings: RegencyCalendarSettings): RegencyCalendar {
  const overrides = regencyHolidayOverrides(settings);
  const parsed = settings.ladder === undefined ? undefined : escalationLadderSchema.safeParse(settings.ladder);
  return {
    zone: (settings.timeZone ?? 'Asia/Jakarta') as IndonesianTimeZone,
    rules: indonesianWorkingDayRules({ overrides }),
    ladder: parsed?.success ? parsed.data : defaultEscalationLadder,
  };
}

/** A task's deadline and ladder as absolute ISO instants: what a task workflow receives. */
export interface TaskScheduleInstants {
  dueDate: LocalDate;
  dueAt: string;
  steps: { kind: EscalationStepKind; level: number; ordinal: number; at: string }[];
}

/**
 * Turns a due day into the task's instants in the regency's calendar: the due instant (23:59:59
 * local) and every rung of the escalation ladder, compressed when a test or demo plays time fast.
 */
export function taskScheduleFor(
  dueDate: LocalDate,
  calendar: RegencyCalendar,
  compression?: TimeCompression,
): TaskScheduleInstants {
  const compress = (instant: Date) => compressInstant(instant, compression).toISOString();
  return {
    dueDate,
    dueAt: compress(dueInstant(dueDate, calendar.zone)),
    steps: escalationSteps(dueDate, calendar.ladder, calendar.rules, calendar.zone).map((step) => ({
      kind: step.kind,
      level: step.level,
      ordinal: step.ordinal,
      at: compress(step.at),
    })),
  };
}
