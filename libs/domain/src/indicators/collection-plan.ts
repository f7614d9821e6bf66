import { type RoleCode } from '../roles/roles';
import { indicatorCatalogue } from './catalogue';
import { type Indicator } from './types';

/** A unit of the regency as the collection plan needs it: its code, name and the roles it plays. */
export interface CollectingUnit {
  readonly code: string;
  readonly name: string;
  readonly roles: readonly string[];
}

/** What one unit answers for in a semester. */
export interface UnitCollection {
  readonly unitCode: string;
  readonly unitName: string;
  /** Primary codes of the report indicators this unit fills in, in catalogue order. */
  readonly indicatorCodes: readonly string[];
}

export interface CollectionPlan {
  readonly units: readonly UnitCollection[];
  /** Indicators filled from workflow facts (AKS): nobody is asked for them. */
  readonly derivedIndicatorCodes: readonly string[];
  /** Indicators whose responsible role no unit of the regency plays: the secretariat must map the role. */
  readonly unassigned: readonly { readonly indicatorCode: string; readonly role: RoleCode }[];
}

/**
 * The indicators of the semester report: every indicator of blocks 1–3 (Perpres 72/2021 Lampiran
 * A and B, RAN PASTI), in catalogue order. Metro's sub-rows (`Pilar 1. A3_a`) belong to their
 * parent row and are not asked for on their own; Tabel 1.1 coverage belongs to Aksi 1.
 */
export function semesterReportIndicators(catalogue: readonly Indicator[] = indicatorCatalogue): Indicator[] {
  return catalogue.filter((i) => i.parent === undefined && i.codes[0]?.block !== 'TABEL_1_1');
}

/**
 * The rows the form prints beneath an indicator (000 Tabel 2: `Pilar 1. A3_a` and `_b` beneath
 * `Pilar 1. A3`), in catalogue order; each is an indicator of its own.
 */
export function subRowsOf(parentCode: string, catalogue: readonly Indicator[] = indicatorCatalogue): Indicator[] {
  return catalogue.filter((i) => i.parent === parentCode);
}

/**
 * Which unit answers for which report indicators in a semester: each indicator goes to the first
 * active unit that plays its responsible role (the catalogue names one role per indicator, the
 * regency's role mapping names the unit). Derived indicators are left out of every unit's task;
 * units with nothing to answer do not appear.
 */
export function semesterCollectionPlan(
  units: readonly CollectingUnit[],
  catalogue: readonly Indicator[] = indicatorCatalogue,
): CollectionPlan {
  const byUnit = new Map<string, { unit: CollectingUnit; codes: string[] }>();
  const derivedIndicatorCodes: string[] = [];
  const unassigned: { indicatorCode: string; role: RoleCode }[] = [];
  for (const indicator of semesterReportIndicators(catalogue)) {
    if (indicator.derived !== undefined) {
      derivedIndicatorCodes.push(indicator.code);
      continue;
    }
    const role = indicator.responsible.value;
    const unit = units.find((u) => u.roles.includes(role));
    if (unit === undefined) {
      unassigned.push({ indicatorCode: indicator.code, role });
      continue;
    }
    const entry = byUnit.get(unit.code) ?? { unit, codes: [] };
    entry.codes.push(indicator.code);
    byUnit.set(unit.code, entry);
  }
  return {
    units: [...byUnit.values()]
      .map(({ unit, codes }) => ({ unitCode: unit.code, unitName: unit.name, indicatorCodes: codes }))
      .sort((a, b) => a.unitCode.localeCompare(b.unitCode)),
    derivedIndicatorCodes,
    unassigned,
  };
}

/** The unit of a plan that owes an indicator, if any. */
export function unitOwing(plan: CollectionPlan, indicatorCode: string): UnitCollection | undefined {
  return plan.units.find((u) => u.indicatorCodes.includes(indicatorCode));
}
