import { type Provenance } from '../common/provenance';
import { unweightedMean } from './hotspots';

/**
 * Coverage classes of 004 Tabel 1.2's legend: Cakupan Sangat Rendah, Rendah, Hampir Memadai,
 * Memadai (> 90%). Only "memadai" has a printed threshold.
 */
export type CoverageClass = 'veryLow' | 'low' | 'nearlyAdequate' | 'adequate';

export interface CoverageBoundaries {
  /** Coverage strictly above this is adequate. */
  readonly adequateAbove: number;
  /** From this up to `adequateAbove` is nearly adequate. */
  readonly nearlyAdequateFrom: number;
  /** From this up to `nearlyAdequateFrom` is low; below it very low. */
  readonly lowFrom: number;
  readonly provenance: Readonly<Record<'adequateAbove' | 'nearlyAdequateFrom' | 'lowFrom', Provenance>>;
}

export const defaultCoverageBoundaries: CoverageBoundaries = {
  adequateAbove: 90,
  nearlyAdequateFrom: 70,
  lowFrom: 50,
  provenance: {
    adequateAbove: { source: 'seed', cite: '004 Tabel 1.2 legenda (Cakupan Memadai > 90%)' },
    nearlyAdequateFrom: { source: 'assumed', note: '004 prints no boundary for "hampir memadai"' },
    lowFrom: { source: 'assumed', note: '004 prints no boundary between "rendah" and "sangat rendah"' },
  },
};

/** The class of a coverage percentage (0-100). */
export function coverageClass(
  percent: number,
  boundaries: CoverageBoundaries = defaultCoverageBoundaries,
): CoverageClass {
  if (!Number.isFinite(percent)) {
    throw new RangeError(`coverage must be a number, got ${percent}`);
  }
  if (percent > boundaries.adequateAbove) {
    return 'adequate';
  }
  if (percent >= boundaries.nearlyAdequateFrom) {
    return 'nearlyAdequate';
  }
  return percent >= boundaries.lowFrom ? 'low' : 'veryLow';
}

/** Prevalence classes of Tabel 1.2's legend; the guide gives them no thresholds. */
export type PrevalenceClass = 'veryHigh' | 'high' | 'low' | 'veryLow';

/**
 * Assumed: the guide's own yardstick (average and the significance margin) is reused, so "very
 * high" is significantly above average, "high" above it, "low" at or below it and "very low"
 * below it by more than the margin.
 */
export function prevalenceClass(prevalence: number, average: number, margin = 0.5): PrevalenceClass {
  if (prevalence > average * (1 + margin)) {
    return 'veryHigh';
  }
  if (prevalence > average) {
    return 'high';
  }
  return prevalence < average * (1 - margin) ? 'veryLow' : 'low';
}

export interface VillageCoverage {
  readonly id: string;
  /** Stunting prevalence, percent. */
  readonly prevalence: number;
  readonly cases: number;
  /** Coverage (percent) of each main indicator with data, keyed by indicator code. */
  readonly mainCoverage: Readonly<Record<string, number>>;
}

export type FocusLimit =
  | { readonly kind: 'count'; readonly count: number }
  /** A share of all villages "ditangani pada satu tahun" (e.g. 0.2 for a fifth). */
  | { readonly kind: 'share'; readonly share: number }
  /** The available budget and each village's intervention cost. */
  | { readonly kind: 'budget'; readonly budget: number; readonly costs: Readonly<Record<string, number>> };

export interface FocusOptions {
  readonly boundaries?: CoverageBoundaries;
  /**
   * Classes that count as "cakupan tergolong kurang". Assumed: very low and low; a regency that
   * reads "kurang" as "not adequate" adds `nearlyAdequate`.
   */
  readonly lowClasses?: readonly CoverageClass[];
  /** 004 lists three minimum criteria; `all` (default) requires each of them. */
  readonly criteria?: 'all' | 'any';
  readonly limit?: FocusLimit;
}

export interface RankedVillage {
  readonly id: string;
  readonly prevalence: number;
  readonly cases: number;
  readonly lowMainIndicators: number;
  readonly assessedMainIndicators: number;
  readonly criteria: {
    readonly prevalenceAboveAverage: boolean;
    readonly casesAboveAverage: boolean;
    readonly mostMainIndicatorsLow: boolean;
  };
}

export interface FocusVillageResult {
  readonly averagePrevalence: number;
  readonly averageCases: number;
  /** Villages meeting the criteria, in priority order. */
  readonly eligible: readonly RankedVillage[];
  /** The eligible villages within the limit (all eligible when no limit is given). */
  readonly selected: readonly RankedVillage[];
}

/**
 * Selects and orders focus villages (desa lokasi fokus) as 004 §Aksi 1 langkah 3 describes:
 * criteria prevalence above average, cases above average, more than 50% of the main indicators
 * with low coverage (of those with data); priority by the number of low main indicators, then
 * prevalence, then cases (ties by id, so the order is stable).
 */
export function focusVillages(villages: readonly VillageCoverage[], options: FocusOptions = {}): FocusVillageResult {
  if (villages.length === 0) {
    return { averagePrevalence: 0, averageCases: 0, eligible: [], selected: [] };
  }
  const boundaries = options.boundaries ?? defaultCoverageBoundaries;
  const lowClasses = new Set(options.lowClasses ?? ['veryLow', 'low']);
  const averagePrevalence = unweightedMean(villages.map((v) => v.prevalence));
  const averageCases = unweightedMean(villages.map((v) => v.cases));
  const ranked: RankedVillage[] = villages.map((v) => {
    const values = Object.values(v.mainCoverage);
    const low = values.filter((c) => lowClasses.has(coverageClass(c, boundaries))).length;
    return {
      id: v.id,
      prevalence: v.prevalence,
      cases: v.cases,
      lowMainIndicators: low,
      assessedMainIndicators: values.length,
      criteria: {
        prevalenceAboveAverage: v.prevalence > averagePrevalence,
        casesAboveAverage: v.cases > averageCases,
        mostMainIndicatorsLow: values.length > 0 && low / values.length > 0.5,
      },
    };
  });
  const meets = (r: RankedVillage): boolean => {
    const flags = [r.criteria.prevalenceAboveAverage, r.criteria.casesAboveAverage, r.criteria.mostMainIndicatorsLow];
    return options.criteria === 'any' ? flags.some(Boolean) : flags.every(Boolean);
  };
  const eligible = ranked
    .filter(meets)
    .sort(
      (a, b) =>
        b.lowMainIndicators - a.lowMainIndicators ||
        b.prevalence - a.prevalence ||
        b.cases - a.cases ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  return { averagePrevalence, averageCases, eligible, selected: applyLimit(eligible, villages.length, options.limit) };
}

function applyLimit(
  eligible: readonly RankedVillage[],
  total: number,
  limit: FocusLimit | undefined,
): readonly RankedVillage[] {
  if (limit === undefined) {
    return eligible;
  }
  switch (limit.kind) {
    case 'count':
      return eligible.slice(0, Math.max(0, limit.count));
    case 'share':
      return eligible.slice(0, Math.max(0, Math.floor(total * limit.share)));
    case 'budget': {
      // Take villages in priority order while the budget lasts; a village the rest of the budget
      // cannot cover is skipped, not split.
      const chosen: RankedVillage[] = [];
      let left = limit.budget;
      for (const v of eligible) {
        const cost = limit.costs[v.id];
        if (cost !== undefined && cost <= left) {
          chosen.push(v);
          left -= cost;
        }
      }
      return chosen;
    }
  }
}
