import { focusVillages, type FocusOptions, type FocusVillageResult, type VillageCoverage } from './focus-villages';
import { stuntingHotspots, type HotspotAnalysis } from './hotspots';

/** One unit's report for one village (Aksi 1): prevalence and cases, and/or main-indicator coverage. */
export interface VillageReport {
  villageCode: string;
  prevalence: number | null;
  cases: number | null;
  /** Coverage percent keyed by main-indicator code. */
  coverage: Readonly<Record<string, number>>;
}

export interface SituationAnalysis {
  /** Villages with prevalence or cases reported, of all the regency's villages. */
  villagesReported: number;
  villagesTotal: number;
  hotspots: HotspotAnalysis;
  focus: FocusVillageResult;
}

/**
 * Merges the units' village reports (the health office reports prevalence and cases, sector
 * offices the coverage of their indicators) and runs 004 §Aksi 1's two analyses on them: hotspots
 * of stunting (Tahapan Ketiga langkah 2) and the focus-village priority (langkah 3). A village
 * without prevalence and cases cannot be ranked and is left out of both.
 */
export function situationAnalysis(
  reports: readonly VillageReport[],
  villageCodes: readonly string[],
  options: FocusOptions = {},
): SituationAnalysis {
  const merged = new Map<
    string,
    { prevalence: number | null; cases: number | null; coverage: Record<string, number> }
  >();
  for (const report of reports) {
    const village = merged.get(report.villageCode) ?? { prevalence: null, cases: null, coverage: {} };
    village.prevalence = report.prevalence ?? village.prevalence;
    village.cases = report.cases ?? village.cases;
    Object.assign(village.coverage, report.coverage);
    merged.set(report.villageCode, village);
  }
  const measured = [...merged.entries()].filter(([, v]) => v.prevalence !== null && v.cases !== null);
  const coverage: VillageCoverage[] = measured.map(([id, v]) => ({
    id,
    prevalence: v.prevalence ?? 0,
    cases: v.cases ?? 0,
    mainCoverage: v.coverage,
  }));
  return {
    villagesReported: measured.length,
    villagesTotal: villageCodes.length,
    hotspots: stuntingHotspots(measured.map(([id, v]) => ({ id, prevalence: v.prevalence ?? 0, cases: v.cases ?? 0 }))),
    focus: focusVillages(coverage, options),
  };
}
