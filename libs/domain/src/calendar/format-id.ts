import { DateTime } from 'luxon';
import { type IndonesianTimeZone } from '../regions/types';
import { zoneAbbreviation } from './deadline';
import { type LocalDate, calendarDaysBetween, toUtcDay } from './local-date';
import { type WorkingDayRules, countWorkingDays } from './working-days';

// Spelled out by hand rather than taken from Intl so mail text is identical on every Node build.
const dayNames = ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'];
/** Indonesian month names, January first. */
export const indonesianMonthNames: readonly string[] = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

function dayPart(day: DateTime): string {
  return `${dayNames[day.weekday - 1] ?? ''}, ${day.day} ${indonesianMonthNames[day.month - 1] ?? ''} ${day.year}`;
}

/** `Jumat, 27 Februari 2026` */
export function formatDateId(date: LocalDate): string {
  return dayPart(toUtcDay(date));
}

/** `Jumat, 27 Februari 2026 pukul 23.59 WIB`: an instant shown in the regency's zone. */
export function formatDateTimeId(instant: Date, zone: IndonesianTimeZone): string {
  const local = DateTime.fromJSDate(instant, { zone });
  const hh = String(local.hour).padStart(2, '0');
  const mm = String(local.minute).padStart(2, '0');
  return `${dayPart(local)} pukul ${hh}.${mm} ${zoneAbbreviation(zone)}`;
}

/** Indonesian month name, 1 = Januari. */
export function monthNameId(month: number): string {
  const name = indonesianMonthNames[month - 1];
  if (name === undefined) {
    throw new RangeError(`month out of range: ${month}`);
  }
  return name;
}

/**
 * How a reminder describes a due date relative to today: `3 hari kerja lagi` before it (working
 * days, because that is what staff can still use), `hari ini batas waktunya` on it, and
 * `terlambat 2 hari` after it (calendar days, because lateness is counted on the calendar).
 */
export function relativeDuePhrase(due: LocalDate, today: LocalDate, rules: WorkingDayRules): string {
  const days = calendarDaysBetween(today, due);
  if (days === 0) {
    return 'hari ini batas waktunya';
  }
  if (days < 0) {
    return `terlambat ${-days} hari`;
  }
  const working = countWorkingDays(today, due, rules);
  return working === 0 ? 'kurang dari 1 hari kerja lagi' : `${working} hari kerja lagi`;
}
