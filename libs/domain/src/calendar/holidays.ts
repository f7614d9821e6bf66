import Holidays from 'date-holidays';
import { type LocalDate, isLocalDate } from './local-date';
import { type WorkingDayRules, indonesianWeekend } from './working-days';

/**
 * The only module that reads `date-holidays`. Workflow code must not import it (the library is
 * large and its lunar rules are not something to replay); compute due instants here or in an
 * activity and hand them to the workflow.
 */

export interface Holiday {
  readonly date: LocalDate;
  readonly name: string;
  readonly source: 'national' | 'override';
  /** The decree an override comes from (e.g. the SKB 3 Menteri on cuti bersama). */
  readonly decree?: string;
}

/**
 * A change to the national list by decree: joint leave (cuti bersama) adds days; a moved or
 * cancelled holiday removes one. Applied after the national list, in order.
 */
export interface HolidayOverride {
  readonly date: LocalDate;
  readonly action: 'add' | 'remove';
  readonly name: string;
  readonly decree: string;
}

const national = new Holidays('ID');
const nationalCache = new Map<number, readonly Holiday[]>();

// date-holidays labels 27 Rajab "Maulid Nabi Muhammad"; the Indonesian holiday that day is Isra
// Mikraj, so the label is corrected to keep mail text right.
function nameOf(holiday: { name: string; rule?: string }): string {
  return holiday.rule === '27 Rajab' ? 'Isra Mikraj Nabi Muhammad' : holiday.name;
}

/** Indonesian national public holidays of a year (`date-holidays`, country ID), by local date. */
export function nationalHolidays(year: number): readonly Holiday[] {
  if (!Number.isInteger(year) || year < 1970 || year > 2200) {
    throw new RangeError(`year out of range: ${year}`);
  }
  const cached = nationalCache.get(year);
  if (cached !== undefined) {
    return cached;
  }
  // `date` is "YYYY-MM-DD hh:mm:ss [offset]" in local terms; its first ten characters are the day.
  const list = national
    .getHolidays(year)
    .filter((h) => h.type === 'public')
    .map((h): Holiday => ({ date: h.date.slice(0, 10), name: nameOf(h), source: 'national' }));
  const unique = list.filter((h, i) => list.findIndex((o) => o.date === h.date) === i);
  nationalCache.set(year, unique);
  return unique;
}

/** National holidays of a year with the decree overrides applied, sorted by date. */
export function holidaysIn(year: number, overrides: readonly HolidayOverride[] = []): readonly Holiday[] {
  let list: Holiday[] = [...nationalHolidays(year)];
  for (const o of overrides) {
    if (!isLocalDate(o.date)) {
      throw new RangeError(`override date is not YYYY-MM-DD: ${o.date}`);
    }
    if (Number(o.date.slice(0, 4)) !== year) {
      continue;
    }
    list = list.filter((h) => h.date !== o.date);
    if (o.action === 'add') {
      list.push({ date: o.date, name: o.name, source: 'override', decree: o.decree });
    }
  }
  return list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export interface HolidayCalendarOptions {
  readonly overrides?: readonly HolidayOverride[];
  readonly weekend?: readonly number[];
}

/**
 * Working-day rules for Indonesian government offices: Saturday and Sunday off, national holidays
 * from `date-holidays`, then the regency's cuti-bersama overrides.
 */
export function indonesianWorkingDayRules(options: HolidayCalendarOptions = {}): WorkingDayRules {
  const overrides = options.overrides ?? [];
  const byYear = new Map<number, ReadonlySet<string>>();
  const daysOf = (year: number): ReadonlySet<string> => {
    let days = byYear.get(year);
    if (days === undefined) {
      days = new Set(holidaysIn(year, overrides).map((h) => h.date));
      byYear.set(year, days);
    }
    return days;
  };
  return {
    weekend: options.weekend ?? indonesianWeekend,
    isHoliday: (date) => daysOf(Number(date.slice(0, 4))).has(date),
  };
}
