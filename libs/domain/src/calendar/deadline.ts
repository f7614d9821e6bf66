import { DateTime } from 'luxon';
import { type IndonesianTimeZone } from '../regions/types';
import { type LocalDate, toUtcDay } from './local-date';

/** The abbreviation Indonesians write after a time: WIB, WITA or WIT. */
export function zoneAbbreviation(zone: IndonesianTimeZone): 'WIB' | 'WITA' | 'WIT' {
  switch (zone) {
    case 'Asia/Jakarta':
    case 'Asia/Pontianak':
      return 'WIB';
    case 'Asia/Makassar':
      return 'WITA';
    case 'Asia/Jayapura':
      return 'WIT';
  }
}

/**
 * The instant a due date ends: a task "due 27 Februari" may be done until 23:59:59 local time that
 * day, wherever the server runs.
 */
export function dueInstant(date: LocalDate, zone: IndonesianTimeZone): Date {
  const day = toUtcDay(date);
  const local = DateTime.fromObject(
    { year: day.year, month: day.month, day: day.day, hour: 23, minute: 59, second: 59 },
    { zone },
  );
  return local.toJSDate();
}

/** The local calendar day of an instant in a regency's zone (never the machine's zone). */
export function localDateOf(instant: Date, zone: IndonesianTimeZone): LocalDate {
  return DateTime.fromJSDate(instant, { zone }).toISODate() ?? '';
}

/** The first instant (00:00:00 local) of a day; the start of a window. */
export function startInstant(date: LocalDate, zone: IndonesianTimeZone): Date {
  const day = toUtcDay(date);
  return DateTime.fromObject({ year: day.year, month: day.month, day: day.day }, { zone }).toJSDate();
}
