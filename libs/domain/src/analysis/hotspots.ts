import { roundHalfUp } from '../common/format-number';

/**
 * Hotspot analysis of Aksi 1 (004 §Aksi 1 Tahapan Ketiga langkah 2, Gambar 1.2-1.4).
 */

/** An area of analysis: a desa/kelurahan, a kecamatan or a puskesmas service area. */
export interface AreaStunting {
  readonly id: string;
  /** Stunting prevalence in percent (12.5 for 12,5%). */
  readonly prevalence?: number;
  /** Number of stunting cases. */
  readonly cases?: number;
}

/**
 * The guide's "significant" margin: an area counts when it exceeds the average by more than 50%
 * of the average (004 Penjelasan Gambar 1.2: "perbedaan > 50% rata-rata"). Configurable.
 */
export const defaultSignificanceMargin = 0.5;

/**
 * The unweighted mean of the areas' values. 004 defines the regency figure as "angka rata-rata
 * prevalensi seluruh wilayah", so a small kecamatan weighs as much as a large one; it is not a
 * pooled rate.
 */
export function unweightedMean(values: readonly number[]): number {
  if (values.length === 0) {
    throw new RangeError('the mean of no areas is undefined');
  }
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/**
 * The value above which an area is significantly above average: average × (1 + margin).
 * 004's worked examples: 12% → 18%, 54 cases → 81, 23% → 34,5% (printed "> 35%").
 */
export function significanceThreshold(average: number, margin: number = defaultSignificanceMargin): number {
  if (!Number.isFinite(average) || !Number.isFinite(margin) || margin < 0) {
    throw new RangeError('average and margin must be finite and the margin not negative');
  }
  // Rounded to remove float noise (12 × 1.5 is exact, 23 × 1.5 is 34.5, 54 × 1.5 is 81).
  return roundHalfUp(average * (1 + margin), 10);
}

export interface MeasureSummary {
  readonly average: number;
  readonly threshold: number;
  readonly aboveAverage: readonly string[];
  readonly significant: readonly string[];
}

/**
 * The three outcomes 004 lists under "Rekomendasi keputusan": a separate analysis for specific
 * areas, a watch-list inside the regency-wide analysis, or a regency-wide analysis only.
 */
export type AnalysisDecision = 'separateAnalyses' | 'watchList' | 'generalOnly';

export interface HotspotAnalysis {
  readonly prevalence?: MeasureSummary;
  readonly cases?: MeasureSummary;
  /** Candidates for their own situation analysis. */
  readonly separateAnalysis: readonly string[];
  /** Areas needing special attention inside the general analysis. */
  readonly watchList: readonly string[];
  readonly decision: AnalysisDecision;
}

function summarise(
  areas: readonly AreaStunting[],
  pick: (a: AreaStunting) => number | undefined,
  margin: number,
): MeasureSummary | undefined {
  const withValue = areas.filter((a) => pick(a) !== undefined);
  if (withValue.length === 0) {
    return undefined;
  }
  const average = unweightedMean(withValue.map((a) => pick(a) ?? 0));
  const threshold = significanceThreshold(average, margin);
  return {
    average,
    threshold,
    aboveAverage: withValue.filter((a) => (pick(a) ?? 0) > average).map((a) => a.id),
    significant: withValue.filter((a) => (pick(a) ?? 0) > threshold).map((a) => a.id),
  };
}

/**
 * Finds the stunting hotspots among areas. With one measure, every significant area is a
 * candidate for a separate analysis (Gambar 1.2: three kecamatan). With both measures, an area
 * significant on both is a candidate (Gambar 1.3: Kecamatan 15) and an area significant on one
 * goes on the watch-list (Kecamatan 8, 9, 12, 13, 14). No significant area means a general
 * analysis only, however many are above average (Gambar 1.4).
 */
export function stuntingHotspots(
  areas: readonly AreaStunting[],
  margin: number = defaultSignificanceMargin,
): HotspotAnalysis {
  const prevalence = summarise(areas, (a) => a.prevalence, margin);
  const cases = summarise(areas, (a) => a.cases, margin);
  const onPrevalence = new Set(prevalence?.significant ?? []);
  const onCases = new Set(cases?.significant ?? []);
  const bothMeasures = prevalence !== undefined && cases !== undefined;
  const ids = areas.map((a) => a.id);
  const separateAnalysis = bothMeasures
    ? ids.filter((id) => onPrevalence.has(id) && onCases.has(id))
    : ids.filter((id) => onPrevalence.has(id) || onCases.has(id));
  const watchList = bothMeasures ? ids.filter((id) => onPrevalence.has(id) !== onCases.has(id)) : [];
  const decision: AnalysisDecision =
    separateAnalysis.length > 0 ? 'separateAnalyses' : watchList.length > 0 ? 'watchList' : 'generalOnly';
  return {
    ...(prevalence === undefined ? {} : { prevalence }),
    ...(cases === undefined ? {} : { cases }),
    separateAnalysis,
    watchList,
    decision,
  };
}
