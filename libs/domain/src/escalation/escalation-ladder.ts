import { DateTime } from 'luxon';
import { z } from 'zod';
import { dueInstant } from '../calendar/deadline';
import { type LocalDate, toUtcDay } from '../calendar/local-date';
import { addWorkingDays, subtractWorkingDays, type WorkingDayRules } from '../calendar/working-days';
import { type IndonesianTimeZone } from '../regions/types';

/**
 * The escalation ladder (tangga eskalasi) of a regency, in working days of its calendar.
 * Users of task systems ask for at most a couple of reminders before a deadline, then
 * escalation upwards; so at most two reminders, and the chair after the secretary.
 */
export const escalationLadderSchema = z
  .strictObject({
    /** Working days before the due day on which the unit is reminded (at most two). */
    reminderWorkingDaysBefore: z.array(z.number().int().min(1).max(30)).max(2),
    /** Working days after the due day on which the TPPS secretary is told. */
    secretaryAfterWorkingDays: z.number().int().min(1).max(60),
    /** Working days after the due day on which the TPPS chair is told. */
    chairAfterWorkingDays: z.number().int().min(1).max(90),
  })
  .superRefine((ladder, ctx) => {
    if (new Set(ladder.reminderWorkingDaysBefore).size !== ladder.reminderWorkingDaysBefore.length) {
      ctx.addIssue({ code: 'custom', path: ['reminderWorkingDaysBefore'], message: 'pengingat tidak boleh ganda' });
    }
    if (ladder.chairAfterWorkingDays <= ladder.secretaryAfterWorkingDays) {
      ctx.addIssue({
        code: 'custom',
        path: ['chairAfterWorkingDays'],
        message: 'eskalasi ke ketua harus setelah eskalasi ke sekretaris',
      });
    }
  });

export type EscalationLadder = z.infer<typeof escalationLadderSchema>;

/** Default of the task-lifecycle issue: remind 3 working days before; secretary +3; chair +7. */
export const defaultEscalationLadder: EscalationLadder = {
  reminderWorkingDaysBefore: [3],
  secretaryAfterWorkingDays: 3,
  chairAfterWorkingDays: 7,
};

/** Level recorded on the task as each step fires; 0 means nothing has fired yet. */
export type EscalationStepKind = 'reminder' | 'overdue' | 'secretary' | 'chair';

export const escalationLevelOf: Record<EscalationStepKind, number> = {
  reminder: 1,
  overdue: 2,
  secretary: 3,
  chair: 4,
};

export interface EscalationStep {
  kind: EscalationStepKind;
  level: number;
  /** Which reminder (1, 2) for reminders; 1 otherwise. Part of the mail outbox key. */
  ordinal: number;
  at: Date;
}

/** Notices other than the overdue one go out at the start of office hours, local time. */
export const officeHoursStart = { hour: 8, minute: 0 };

function officeMorning(date: LocalDate, zone: IndonesianTimeZone): Date {
  const day = toUtcDay(date);
  return DateTime.fromObject(
    { year: day.year, month: day.month, day: day.day, ...officeHoursStart },
    { zone },
  ).toJSDate();
}

/**
 * Every step of the ladder for a task due on `dueDate`, as absolute instants in time order:
 * reminders at 08:00 local on working days before the due day, the overdue notice at the due
 * instant (23:59:59 local), the secretary and the chair at 08:00 local on working days after it.
 * Workflows receive these instants; they never compute calendars themselves.
 */
export function escalationSteps(
  dueDate: LocalDate,
  ladder: EscalationLadder,
  rules: WorkingDayRules,
  zone: IndonesianTimeZone,
): EscalationStep[] {
  const reminders = [...ladder.reminderWorkingDaysBefore]
    .sort((a, b) => b - a)
    .map((days, index) => ({
      kind: 'reminder' as const,
      level: escalationLevelOf.reminder,
      ordinal: index + 1,
      at: officeMorning(subtractWorkingDays(dueDate, days, rules), zone),
    }));
  return [
    ...reminders,
    { kind: 'overdue', level: escalationLevelOf.overdue, ordinal: 1, at: dueInstant(dueDate, zone) },
    {
      kind: 'secretary',
      level: escalationLevelOf.secretary,
      ordinal: 1,
      at: officeMorning(addWorkingDays(dueDate, ladder.secretaryAfterWorkingDays, rules), zone),
    },
    {
      kind: 'chair',
      level: escalationLevelOf.chair,
      ordinal: 1,
      at: officeMorning(addWorkingDays(dueDate, ladder.chairAfterWorkingDays, rules), zone),
    },
  ];
}
