import { DateTime } from 'luxon';

/** A calendar day without a time or zone, `YYYY-MM-DD`, as regencies write due dates. */
export type LocalDate = string;

const localDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** True for an existing calendar day in `YYYY-MM-DD` form (rejects `2026-02-30`). */
export function isLocalDate(value: string): value is LocalDate {
  return localDatePattern.test(value) && DateTime.fromISO(value, { zone: 'UTC' }).isValid;
}

/**
 * Day arithmetic happens in UTC because a calendar day has no zone; the regency's zone only
 * matters when a day is turned into an instant (see `deadline.ts`).
 */
export function toUtcDay(date: LocalDate): DateTime {
  if (!isLocalDate(date)) {
    throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  }
  return DateTime.fromISO(date, { zone: 'UTC' });
}

export function fromUtcDay(day: DateTime): LocalDate {
  return day.toISODate() ?? '';
}

/** The day `days` calendar days after (or before, when negative) `date`. */
export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  return fromUtcDay(toUtcDay(date).plus({ days }));
}

/** Calendar days from `from` to `to`; negative when `to` is earlier. */
export function calendarDaysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round(toUtcDay(to).diff(toUtcDay(from), 'days').days);
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  return toUtcDay(date).weekday;
}
