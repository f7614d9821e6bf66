import { type LocalDate, addCalendarDays, isoWeekday, toUtcDay } from './local-date';

/**
 * What makes a day a working day. Kept free of any holiday source so workflow code can receive a
 * rule set (or, better, precomputed instants) without importing `date-holidays`.
 */
export interface WorkingDayRules {
  /** ISO weekdays that are not worked; Indonesian government offices: Saturday (6), Sunday (7). */
  readonly weekend: readonly number[];
  readonly isHoliday: (date: LocalDate) => boolean;
}

export const indonesianWeekend: readonly number[] = [6, 7];

/** Rules with weekends only; useful in tests and before a holiday calendar is loaded. */
export function weekendOnlyRules(weekend: readonly number[] = indonesianWeekend): WorkingDayRules {
  return { weekend, isHoliday: () => false };
}

export function isWorkingDay(date: LocalDate, rules: WorkingDayRules): boolean {
  return !rules.weekend.includes(isoWeekday(date)) && !rules.isHoliday(date);
}

// A guard against rule sets with no working day at all (weekend of seven days), which would
// otherwise loop for ever.
const maxScanDays = 3660;

function step(date: LocalDate, direction: 1 | -1, rules: WorkingDayRules): LocalDate {
  let current = date;
  for (let i = 0; i < maxScanDays; i += 1) {
    current = addCalendarDays(current, direction);
    if (isWorkingDay(current, rules)) {
      return current;
    }
  }
  throw new RangeError('no working day within ten years; check the weekend and holiday rules');
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: LocalDate, rules: WorkingDayRules): LocalDate {
  return step(date, 1, rules);
}

/** The last working day strictly before `date`. */
export function previousWorkingDay(date: LocalDate, rules: WorkingDayRules): LocalDate {
  return step(date, -1, rules);
}

/**
 * The `n`-th working day after `date` ("5 hari kerja" after a notice). The start day itself never
 * counts, so a task handed out on a Saturday with 1 working day is due on Monday. `n = 0` returns
 * `date` unchanged; a negative `n` counts backwards.
 */
export function addWorkingDays(date: LocalDate, n: number, rules: WorkingDayRules): LocalDate {
  if (!Number.isInteger(n)) {
    throw new RangeError(`working days must be a whole number, got ${n}`);
  }
  toUtcDay(date);
  const direction = n < 0 ? -1 : 1;
  let current = date;
  for (let i = 0; i < Math.abs(n); i += 1) {
    current = step(current, direction, rules);
  }
  return current;
}

/** The `n`-th working day before `date`; the mirror of `addWorkingDays`. */
export function subtractWorkingDays(date: LocalDate, n: number, rules: WorkingDayRules): LocalDate {
  return addWorkingDays(date, -n, rules);
}

/**
 * The signed number of working days from `from` to `to`: the `n` with
 * `addWorkingDays(from, n) = to` whenever `to` is a working day. Forwards it counts the range
 * (`from`, `to`]; backwards it counts [`to`, `from`) and is negative.
 */
export function countWorkingDays(from: LocalDate, to: LocalDate, rules: WorkingDayRules): number {
  toUtcDay(from);
  toUtcDay(to);
  // ISO dates compare correctly as strings.
  const [low, high, sign] = from <= to ? [from, to, 1] : [to, from, -1];
  const countLow = sign < 0;
  let count = countLow && isWorkingDay(low, rules) ? 1 : 0;
  let current = low;
  while (current < high) {
    current = addCalendarDays(current, 1);
    const included = sign > 0 || current !== high;
    if (included && isWorkingDay(current, rules)) {
      count += 1;
    }
  }
  return sign * count;
}
