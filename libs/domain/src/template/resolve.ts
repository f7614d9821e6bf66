import { type LocalDate, addCalendarDays } from '../calendar/local-date';
import { type WorkingDayRules, addWorkingDays } from '../calendar/working-days';
import {
  type Action,
  type AksTemplate,
  type Duration,
  type MonthDay,
  type Stage,
  type Window,
  type YearlyTemplate,
} from './schema';

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function resolveDay(md: MonthDay, year: number): LocalDate {
  const day = md.day === 'last' ? lastDayOfMonth(year, md.month) : md.day;
  return `${String(year).padStart(4, '0')}-${String(md.month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The concrete first and last day (inclusive) of a template window in a given year. */
export function resolveWindow(window: Window, year: number): { start: LocalDate; end: LocalDate } {
  return { start: resolveDay(window.start, year), end: resolveDay(window.end, year) };
}

/** The day a stage is due when it starts on `start`: working days skip weekends and holidays. */
export function dueAfter(start: LocalDate, duration: Duration, rules: WorkingDayRules): LocalDate {
  return duration.unit === 'workingDays'
    ? addWorkingDays(start, duration.amount, rules)
    : addCalendarDays(start, duration.amount);
}

/**
 * A duration as a timer length. Production uses real days; tests pass e.g. `{ msPerDay: 1000 }`
 * so a template of weeks runs in seconds. Working days count as days here: the timer only bounds
 * the wait, the due date shown to people comes from `dueAfter`.
 */
export function durationMillis(
  duration: Duration,
  scale: { readonly msPerDay: number } = { msPerDay: 86_400_000 },
): number {
  return duration.amount * scale.msPerDay;
}

/** Finds an action of the template by its code (`AKSI_3`) or number (3). */
export function findAction(template: YearlyTemplate, key: string | number): Action | undefined {
  return template.actions.find((a) => a.code === key || a.number === key);
}

/** Finds a stage anywhere in the template (actions and AKS templates) by its code. */
export function findStage(template: YearlyTemplate, code: string): Stage | undefined {
  const containers: readonly (Action | AksTemplate)[] = [...template.actions, ...template.aks];
  for (const c of containers) {
    const stage = c.stages.find((s) => s.code === code);
    if (stage !== undefined) {
      return stage;
    }
  }
  return undefined;
}

/** A field of the template whose value the seeds do not give (`source: 'assumed'`). */
export interface AssumedField {
  readonly path: string;
  readonly note: string;
}

/**
 * Every field marked `source: 'assumed'`, with its path. The list a regency reviews before it
 * adopts the template, and what the issue asks to be reported.
 */
export function assumedFields(template: YearlyTemplate): AssumedField[] {
  const found: AssumedField[] = [];
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      // Elements with a code are named by it (`actions[AKSI_4].stages[AKSI_4.T1]`) so the list
      // reads without counting array positions.
      value.forEach((v, i) => {
        const code = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)['code'] : undefined;
        walk(v, `${path}[${typeof code === 'string' ? code : String(i)}]`);
      });
      return;
    }
    if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (record['source'] === 'assumed' && typeof record['note'] === 'string') {
        found.push({ path, note: record['note'] });
      }
      for (const [key, v] of Object.entries(record)) {
        walk(v, path === '' ? key : `${path}.${key}`);
      }
    }
  };
  walk(template, '');
  return found;
}
