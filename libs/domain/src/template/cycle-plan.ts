import { type Title } from '../common/provenance';
import { type LocalDate } from '../calendar/local-date';
import { type IndonesianTimeZone } from '../regions/types';
import { resolveWindow } from './resolve';
import {
  type Action,
  type Deliverable,
  type Duration,
  type Recurrence,
  type Stage,
  type YearlyTemplate,
} from './schema';

/** A stage as one regency runs it in one year: roles mapped to that regency's units. */
export interface CyclePlanStage {
  code: string;
  order: number;
  title: Title;
  kind: Stage['kind'];
  ownerRole: string;
  /** The unit that owns (and approves) the stage; null when the regency maps no unit to the role. */
  ownerUnitCode: string | null;
  participantRoles: string[];
  participantUnitCodes: string[];
  deliverables: Pick<Deliverable, 'code' | 'kind' | 'title'>[];
  /** Stage or action codes that must be complete first (`requires` dependencies only). */
  requires: string[];
  /** How long the stage may take once it opens. */
  duration: Duration;
  /** The stage's own window (e.g. Aksi 7's weighing months); else the action's window applies. */
  window: { start: LocalDate; end: LocalDate } | null;
  /** Monthly or repeated stages open one round of tasks per occurrence. */
  recurrence: Recurrence;
}

export interface CyclePlanAction {
  code: string;
  number: number;
  title: Title;
  responsibleRole: string;
  responsibleUnitCode: string | null;
  window: { start: LocalDate; end: LocalDate };
  requires: string[];
  stages: CyclePlanStage[];
}

/** The snapshot a cycle keeps: the template resolved for a regency and a year. */
export interface CyclePlan {
  templateId: string;
  templateVersion: string;
  regencyCode: string;
  year: number;
  timeZone: IndonesianTimeZone;
  actions: CyclePlanAction[];
  /** Roles the template names that no unit of the regency plays (the admin should map them). */
  unmappedRoles: string[];
}

export interface CyclePlanInput {
  regencyCode: string;
  year: number;
  timeZone: IndonesianTimeZone;
  /** The regency's units playing a role, in preference order (the first owns). */
  unitsForRole: (role: string) => readonly string[];
}

const requiresOf = (dependencies: Action['dependsOn']): string[] =>
  dependencies.filter((d) => d.kind === 'requires').map((d) => d.on);

/**
 * Resolves the yearly template for one regency and year: windows become dates, roles become the
 * regency's units. Pure, so the API can store it as the cycle's snapshot and workflows can run it.
 */
export function planCycle(template: YearlyTemplate, input: CyclePlanInput): CyclePlan {
  const unmapped = new Set<string>();
  const unitsOf = (role: string): string[] => {
    const units = [...input.unitsForRole(role)];
    if (units.length === 0) unmapped.add(role);
    return units;
  };
  const actions = [...template.actions]
    .sort((a, b) => a.number - b.number)
    .map((action): CyclePlanAction => ({
      code: action.code,
      number: action.number,
      title: action.title,
      responsibleRole: action.responsible.value,
      responsibleUnitCode: unitsOf(action.responsible.value)[0] ?? null,
      window: resolveWindow(action.window.value, input.year),
      requires: requiresOf(action.dependsOn),
      stages: [...action.stages]
        .sort((a, b) => a.order - b.order)
        .map((stage): CyclePlanStage => ({
          code: stage.code,
          order: stage.order,
          title: stage.title,
          kind: stage.kind,
          ownerRole: stage.owner.value,
          ownerUnitCode: unitsOf(stage.owner.value)[0] ?? null,
          participantRoles: [...stage.participants.value],
          participantUnitCodes: [...new Set(stage.participants.value.flatMap(unitsOf))],
          deliverables: stage.deliverables.map(({ code, kind, title }) => ({ code, kind, title })),
          requires: requiresOf(stage.dependsOn),
          duration: stage.duration.value,
          window: stage.window ? resolveWindow(stage.window.value, input.year) : null,
          recurrence: stage.recurrence?.value ?? { kind: 'once' },
        })),
    }));
  return {
    templateId: template.id,
    templateVersion: template.version,
    regencyCode: input.regencyCode,
    year: input.year,
    timeZone: input.timeZone,
    actions,
    unmappedRoles: [...unmapped].sort(),
  };
}
