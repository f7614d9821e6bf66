/**
 * Dates, numbers and due-date phrases the Indonesian way. Pure functions, so they are unit
 * tested without a browser; the locale picks the language, the regency's zone the calendar day.
 */
import { translate, type Locale, type MessageKey } from '../i18n/messages';

export const defaultTimeZone = 'Asia/Jakarta';

function intlLocale(locale: Locale): string {
  return locale === 'id' ? 'id-ID' : 'en-GB';
}

/** "27 Februari 2026" in the zone's calendar. */
export function formatDate(locale: Locale, instant: Date | string, timeZone = defaultTimeZone): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone }).format(new Date(instant));
}

/** "27 Feb 2026 23.59" — short enough for a phone's table cell. */
export function formatDateTimeShort(locale: Locale, instant: Date | string, timeZone = defaultTimeZone): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(instant));
}

/** A local day (YYYY-MM-DD) as text: "27 Februari 2026". */
export function formatLocalDay(locale: Locale, day: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** 1.234.567,5 in Indonesian, 1,234,567.5 in English. */
export function formatNumber(locale: Locale, value: number, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits }).format(value);
}

/** 45,5% — the value is already a percentage (0–100). */
export function formatPercent(locale: Locale, value: number, maximumFractionDigits = 1): string {
  return `${formatNumber(locale, value, maximumFractionDigits)}%`;
}

/** File sizes: "1,2 MB". */
export function formatBytes(locale: Locale, bytes: number): string {
  if (bytes < 1024) return `${formatNumber(locale, bytes, 0)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(locale, bytes / 1024, 1)} KB`;
  return `${formatNumber(locale, bytes / (1024 * 1024), 1)} MB`;
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a zone. */
export function localDayOf(instant: Date, timeZone = defaultTimeZone): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone,
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
}

/** Whole calendar days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function calendarDaysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * Working days after `from` up to and including `to`: Monday to Friday, minus the given holidays
 * (YYYY-MM-DD). The API's calendar knows the national holidays; the inbox passes what it has.
 */
export function workingDaysBetween(from: string, to: string, holidays: ReadonlySet<string> = new Set()): number {
  let count = 0;
  for (let n = dayNumber(from) + 1; n <= dayNumber(to); n += 1) {
    const date = new Date(n * 86_400_000);
    const weekday = date.getUTCDay();
    const day = date.toISOString().slice(0, 10);
    if (weekday !== 0 && weekday !== 6 && !holidays.has(day)) count += 1;
  }
  return count;
}

export type DueState = 'closed' | 'overdue' | 'today' | 'soon' | 'later';

export interface DuePhrase {
  state: DueState;
  text: string;
}

/**
 * "3 hari kerja lagi", "hari ini", "terlambat 2 hari": how far the due day is, in the regency's
 * calendar. Lateness counts calendar days (as the escalation notices do); time left counts
 * working days, because that is what an office can still use.
 */
export function duePhrase(
  locale: Locale,
  dueAt: Date | string,
  now: Date,
  options: { timeZone?: string; closed?: boolean; holidays?: ReadonlySet<string> } = {},
): DuePhrase {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  if (options.closed) return { state: 'closed', text: t('dueClosed') };
  const zone = options.timeZone ?? defaultTimeZone;
  const due = new Date(dueAt);
  const dueDay = localDayOf(due, zone);
  const today = localDayOf(now, zone);
  if (due.getTime() < now.getTime()) {
    const late = Math.max(1, calendarDaysBetween(dueDay, today));
    return { state: 'overdue', text: t('dueLate', { n: late }) };
  }
  if (dueDay === today) return { state: 'today', text: t('dueToday') };
  const working = workingDaysBetween(today, dueDay, options.holidays);
  if (working === 0) return { state: 'soon', text: t('dueNextWorkingDay') };
  return { state: working <= 3 ? 'soon' : 'later', text: t('dueWorkingDaysLeft', { n: working }) };
}
