import { formatNumberId } from '../common/format-number';
import { type IndicatorInput, type IndicatorValue } from './evaluate';
import { type Indicator, type IndicatorKind } from './types';

/**
 * A value that may be right but looks wrong: shown to the officer, stored when sent, and settled
 * by a confirmation note. Never a refusal: real forms do hold coverage above 100% (a denominator
 * projected from last year's census) and a semester's sudden change.
 */
export interface PlausibilityWarning {
  readonly code: 'EXCEEDS_VILLAGE_COUNT' | 'EXCEEDS_DISTRICT_COUNT' | 'NUMERATOR_EXCEEDS_DENOMINATOR' | 'SEMESTER_JUMP';
  readonly message: string;
}

/** The regency's own master data the counts are bounded by (region table). */
export interface RegionCounts {
  readonly regencyName: string;
  /** Desa and kelurahan. */
  readonly villages: number;
  /** Kecamatan. */
  readonly districts: number;
}

/** The same indicator's value in the semester before, for the jump check. */
export interface PreviousValue {
  readonly year: number;
  readonly semester: 1 | 2;
  readonly value: IndicatorValue;
}

/**
 * Changes beyond these between two consecutive semesters are flagged. No seed sets a threshold:
 * these are product defaults (assumed), wide enough for the swing of half-year coverage, narrow
 * enough to catch a slipped digit (4,5 typed as 45).
 */
export const semesterJump = {
  /** Percentage points for a percentage. */
  percentagePoints: 30,
  /** Factor between the larger and the smaller of two non-zero counts or rates. */
  factor: 3,
  /** Below this absolute change a count is never flagged (2 → 7 kecamatan is no anomaly). */
  minimumCountChange: 10,
} as const;

type Bound = 'villages' | 'districts';

/**
 * Which region count bounds an indicator: the counts of villages and of kecamatan as the forms
 * name them ("Jumlah desa/kelurahan yang …", "Jumlah pemerintah desa …", "Jumlah Kecamatan yang
 * …", 000 Tabel 2). Dumai prints the same concepts as percentages over its 36 kelurahan (003 §F
 * Blok 2A Indikator 5: 35 of 36), so both parts of such a fraction are bounded too.
 */
export function regionBoundOf(indicator: Indicator): Bound | undefined {
  const names = [indicator.name, ...indicator.codes.map((c) => c.printedName ?? '')];
  if (names.some((n) => /^Jumlah (desa\/kelurahan|pemerintah desa|kelurahan|desa)\b/i.test(n))) return 'villages';
  if (names.some((n) => /^Jumlah kecamatan\b/i.test(n))) return 'districts';
  return undefined;
}

function boundWarnings(bound: Bound, figures: readonly number[], region: RegionCounts): PlausibilityWarning[] {
  const limit = bound === 'villages' ? region.villages : region.districts;
  const over = figures.filter((figure) => figure > limit);
  if (limit <= 0 || over.length === 0) return [];
  const what = bound === 'villages' ? 'desa/kelurahan' : 'kecamatan';
  return [
    {
      code: bound === 'villages' ? 'EXCEEDS_VILLAGE_COUNT' : 'EXCEEDS_DISTRICT_COUNT',
      message: `${formatNumberId(Math.max(...over))} melebihi jumlah ${what} ${region.regencyName} (${formatNumberId(limit)}) menurut data wilayah.`,
    },
  ];
}

function magnitude(value: IndicatorValue): number | undefined {
  if (value.status === 'computed' || value.status === 'count') return value.value;
  return undefined;
}

function jumpWarning(kind: IndicatorKind, current: IndicatorValue, previous: PreviousValue): PlausibilityWarning[] {
  const now = magnitude(current);
  const before = magnitude(previous.value);
  if (now === undefined || before === undefined) return [];
  const change = Math.abs(now - before);
  const percentage = kind === 'percentage' || kind === 'directPercentage';
  const jumped = percentage
    ? change > semesterJump.percentagePoints
    : now > 0 &&
      before > 0 &&
      Math.max(now, before) / Math.min(now, before) > semesterJump.factor &&
      (kind !== 'count' || change >= semesterJump.minimumCountChange);
  if (!jumped) return [];
  const unit = percentage ? ' poin' : '';
  return [
    {
      code: 'SEMESTER_JUMP',
      message: `Berubah dari ${previous.value.display} (semester ${previous.semester} ${previous.year}) menjadi ${current.display}: selisih ${formatNumberId(change, percentage ? 2 : 0)}${unit}, jauh di luar kebiasaan.`,
    },
  ];
}

/**
 * The warnings of one valid value: counts above the regency's villages or kecamatan, a
 * percentage's numerator above its denominator, a jump from the semester before. `kind` is the
 * kind of the code the value was reported under.
 */
export function plausibilityWarnings(
  indicator: Indicator,
  kind: IndicatorKind,
  input: IndicatorInput,
  value: IndicatorValue,
  context: { readonly region: RegionCounts; readonly previous?: PreviousValue },
): PlausibilityWarning[] {
  const warnings: PlausibilityWarning[] = [];
  const bound = regionBoundOf(indicator);
  if (bound !== undefined) {
    const figures =
      input.kind === 'count' ? [input.value] : input.kind === 'fraction' ? [input.numerator, input.denominator] : [];
    warnings.push(...boundWarnings(bound, figures, context.region));
  }
  if (kind === 'percentage' && input.kind === 'fraction' && input.numerator > input.denominator) {
    warnings.push({
      code: 'NUMERATOR_EXCEEDS_DENOMINATOR',
      message: `Pembilang (${formatNumberId(input.numerator)}) lebih besar dari penyebut (${formatNumberId(input.denominator)}): capaian di atas 100%.`,
    });
  }
  if (context.previous !== undefined) warnings.push(...jumpWarning(kind, value, context.previous));
  return warnings;
}

/** The semester before a period: semester 2 of the year before for a first semester. */
export function previousSemester(year: number, semester: 1 | 2): { year: number; semester: 1 | 2 } {
  return semester === 1 ? { year: year - 1, semester: 2 } : { year, semester: 1 };
}
