import { type LocalDate, isoWeekday, toUtcDay } from './local-date';

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

/*
 * Day loops run on whole days since 1970-01-01 (UTC), not on luxon objects: the status reads count
 * the working days of every late task on every request, and a luxon parse per day made that the
 * largest cost of the cycle status and province reads (docs/benchmarks.md, bench:reads).
 */
const millisPerDay = 86_400_000;

/** Whole days since 1970-01-01 of a validated `YYYY-MM-DD`. */
function epochDayOf(date: LocalDate): number {
  toUtcDay(date);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / millisPerDay;
}

function localDateOfEpochDay(day: number): LocalDate {
  return new Date(day * millisPerDay).toISOString().slice(0, 10);
}

/** 1970-01-01 was a Thursday (ISO weekday 4). */
function isWorkingEpochDay(day: number, rules: WorkingDayRules): boolean {
  const weekday = ((((day + 3) % 7) + 7) % 7) + 1;
  return !rules.weekend.includes(weekday) && !rules.isHoliday(localDateOfEpochDay(day));
}

function step(day: number, direction: 1 | -1, rules: WorkingDayRules): number {
  let current = day;
  for (let i = 0; i < maxScanDays; i += 1) {
    current += direction;
    if (isWorkingEpochDay(current, rules)) {
      return current;
    }
  }
  throw new RangeError('no working day within ten years; check the weekend and holiday rules');
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: LocalDate, rules: WorkingDayRules): LocalDate {
  return localDateOfEpochDay(step(epochDayOf(date), 1, rules));
}

/** The last working day strictly before `date`. */
export function previousWorkingDay(date: LocalDate, rules: WorkingDayRules): LocalDate {
  return localDateOfEpochDay(step(epochDayOf(date), -1, rules));
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
  const start = epochDayOf(date);
  const direction = n < 0 ? -1 : 1;
  let current = start;
  for (let i = 0; i < Math.abs(n); i += 1) {
    current = step(current, direction, rules);
  }
  return current === start ? date : localDateOfEpochDay(current);
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
  const start = epochDayOf(from);
  const end = epochDayOf(to);
  // Forwards (from, to]; backwards [to, from), negative.
  const [first, last, sign] = start <= end ? [start + 1, end, 1] : [end, start - 1, -1];
  let count = 0;
  for (let day = first; day <= last; day += 1) {
    if (isWorkingEpochDay(day, rules)) {
      count += 1;
    }
  }
  return sign * count;
}
