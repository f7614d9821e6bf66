import { type Provenance, type Sourced, type Title, assumed, fromSeed } from '../common/provenance';
import { type RoleCode } from '../roles/roles';
import { type Deliverable, type Dependency, type Duration, type Recurrence, type Window } from './schema';

/** Small constructors that keep the template data readable; not exported from the package. */

export const t = (id: string, en: string): Title => ({ id, en });
export const seedP = (cite: string): Provenance => ({ source: 'seed', cite });
export const assumedP = (note: string): Provenance => ({ source: 'assumed', note });

export function win(startMonth: number, startDay: number | 'last', endMonth: number, endDay: number | 'last'): Window {
  return { start: { month: startMonth, day: startDay }, end: { month: endMonth, day: endDay } };
}

export const workingDays = (amount: number): Duration => ({ amount, unit: 'workingDays' });
export const calendarDays = (amount: number): Duration => ({ amount, unit: 'calendarDays' });

export const once: Recurrence = { kind: 'once' };
export const times = (n: number): Recurrence => ({ kind: 'times', times: n });
export const monthly = (n?: number): Recurrence =>
  n === undefined ? { kind: 'monthly' } : { kind: 'monthly', times: n };

export function deliverable(
  code: string,
  kind: Deliverable['kind'],
  id: string,
  en: string,
  provenance: Provenance,
): Deliverable {
  return { code, kind, title: { id, en }, provenance };
}

export function requires(on: string, provenance: Provenance): Dependency {
  return { on, kind: 'requires', provenance };
}

export function conditional(on: string, condition: string, provenance: Provenance): Dependency {
  return { on, kind: 'conditional', condition, provenance };
}

export function previousCycle(on: string, provenance: Provenance): Dependency {
  return { on, kind: 'previousCycle', provenance };
}

export const role = (value: RoleCode, cite: string): Sourced<RoleCode> => fromSeed(value, cite);
export const assumedRole = (value: RoleCode, note: string): Sourced<RoleCode> => assumed(value, note);
export const roleList = (value: RoleCode[], cite: string): Sourced<RoleCode[]> => fromSeed(value, cite);
export const assumedRoles = (value: RoleCode[], note: string): Sourced<RoleCode[]> => assumed(value, note);

/** The note on every stage duration: the seeds give months for actions, never days for stages. */
export const durationNote = 'the seeds give no stage durations; sized to fit the action window';
