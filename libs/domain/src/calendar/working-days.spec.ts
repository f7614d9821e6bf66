import fc from 'fast-check';
import { indonesianWorkingDayRules } from './holidays';
import { addCalendarDays, calendarDaysBetween, fromUtcDay, isLocalDate, isoWeekday, toUtcDay } from './local-date';
import {
  addWorkingDays,
  countWorkingDays,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  subtractWorkingDays,
  weekendOnlyRules,
} from './working-days';

const rules = indonesianWorkingDayRules({
  overrides: [
    { date: '2024-12-26', action: 'add', name: 'Cuti bersama Natal', decree: 'contoh SKB' },
    { date: '2025-12-26', action: 'add', name: 'Cuti bersama Natal', decree: 'contoh SKB' },
  ],
});

/** Days from late 2023 to early 2027, so year ends and both Idul Fitri seasons are crossed. */
const dates = fc.integer({ min: 0, max: 1200 }).map((offset) => addCalendarDays('2023-11-01', offset));
const counts = fc.integer({ min: 0, max: 60 });

describe('local dates', () => {
  it('accepts real calendar days only', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('27-02-2026')).toBe(false);
  });

  it('does day arithmetic across a year end', () => {
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(calendarDaysBetween('2025-12-30', '2026-01-02')).toBe(3);
    expect(isoWeekday('2026-02-27')).toBe(5);
    expect(fromUtcDay(toUtcDay('2026-02-27'))).toBe('2026-02-27');
  });

  it('throws on a malformed date', () => {
    expect(() => toUtcDay('2026-13-01')).toThrow(RangeError);
  });
});

describe('working days', () => {
  it('treats Saturday, Sunday and national holidays as non-working', () => {
    expect(isWorkingDay('2026-02-27', rules)).toBe(true);
    expect(isWorkingDay('2026-02-28', rules)).toBe(false);
    expect(isWorkingDay('2024-08-17', weekendOnlyRules())).toBe(false);
    expect(isWorkingDay('2024-08-19', weekendOnlyRules())).toBe(true);
    expect(isWorkingDay('2025-08-18', rules)).toBe(true);
    expect(isWorkingDay('2024-04-10', rules)).toBe(false);
  });

  it('counts the start day out: one working day after Friday 27 February 2026 is Monday 2 March', () => {
    expect(addWorkingDays('2026-02-27', 1, rules)).toBe('2026-03-02');
    expect(addWorkingDays('2026-02-28', 1, rules)).toBe('2026-03-02');
    expect(addWorkingDays('2026-02-27', 0, rules)).toBe('2026-02-27');
  });

  it('skips Christmas, the joint-leave day after it and New Year across the year end', () => {
    expect(addWorkingDays('2025-12-24', 1, rules)).toBe('2025-12-29');
    expect(addWorkingDays('2025-12-31', 1, rules)).toBe('2026-01-02');
    expect(subtractWorkingDays('2026-01-02', 2, rules)).toBe('2025-12-30');
  });

  it('finds the neighbouring working days', () => {
    expect(nextWorkingDay('2026-01-16', rules)).toBe('2026-01-19');
    expect(previousWorkingDay('2026-01-19', rules)).toBe('2026-01-15');
  });

  it('counts working days forwards and backwards', () => {
    expect(countWorkingDays('2026-02-27', '2026-03-06', rules)).toBe(5);
    expect(countWorkingDays('2026-03-06', '2026-02-27', rules)).toBe(-5);
    expect(countWorkingDays('2026-03-06', '2026-03-06', rules)).toBe(0);
  });

  it('refuses a fractional number of working days', () => {
    expect(() => addWorkingDays('2026-02-27', 1.5, rules)).toThrow(RangeError);
  });

  it('gives up on rules without any working day instead of looping', () => {
    expect(() => nextWorkingDay('2026-01-01', weekendOnlyRules([1, 2, 3, 4, 5, 6, 7]))).toThrow(RangeError);
  });

  it('property: adding n ≥ 1 working days always lands on a working day', () => {
    expect(() =>
      fc.assert(
        fc.property(dates, fc.integer({ min: 1, max: 60 }), (d, n) => isWorkingDay(addWorkingDays(d, n, rules), rules)),
      ),
    ).not.toThrow();
  });

  it('property: adding then subtracting n returns to the day, or to the last working day before it', () => {
    expect(() =>
      fc.assert(
        fc.property(
          dates,
          counts.filter((n) => n > 0),
          (d, n) => {
            const back = subtractWorkingDays(addWorkingDays(d, n, rules), n, rules);
            return back === (isWorkingDay(d, rules) ? d : previousWorkingDay(d, rules));
          },
        ),
      ),
    ).not.toThrow();
  });

  it('property: the count between a day and n working days later is n', () => {
    expect(() =>
      fc.assert(fc.property(dates, counts, (d, n) => countWorkingDays(d, addWorkingDays(d, n, rules), rules) === n)),
    ).not.toThrow();
  });

  it('property: the count back to n working days earlier is -n', () => {
    expect(() =>
      fc.assert(
        fc.property(dates, counts, (d, n) => countWorkingDays(d, subtractWorkingDays(d, n, rules), rules) === -n),
      ),
    ).not.toThrow();
  });

  it('property: counting is additive over an intermediate day', () => {
    expect(() =>
      fc.assert(
        fc.property(dates, fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), (a, x, y) => {
          const b = addCalendarDays(a, x);
          const c = addCalendarDays(b, y);
          return countWorkingDays(a, c, rules) === countWorkingDays(a, b, rules) + countWorkingDays(b, c, rules);
        }),
      ),
    ).not.toThrow();
  });
});
