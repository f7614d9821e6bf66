import { type DomainIssue, type Result } from '../common/issues';
import { formatNumberId, roundHalfUp } from '../common/format-number';
import { findIndicator } from './catalogue';
import { type DerivedFact, type Indicator, type IndicatorKind } from './types';

/**
 * What an officer enters for one indicator. A Ya/Tidak question may carry how often the event took
 * place (Dumai answers "Apakah terselenggara rapat koordinasi…?" with "Ya" and "6 Kali", 003 §F
 * Blok 2A Indikator 2). Any indicator may be "data tidak tersedia" with a reason: the forms print
 * `NA` (and spreadsheet errors such as `#VALUE!`) where the data does not exist (003 §F Blok 3B
 * Indikator 21), which is neither 0/0 nor "not yet entered".
 */
export type IndicatorInput =
  | { readonly kind: 'yesNo'; readonly value: boolean; readonly count?: number }
  | { readonly kind: 'count'; readonly value: number }
  | { readonly kind: 'fraction'; readonly numerator: number; readonly denominator: number }
  | { readonly kind: 'directPercentage'; readonly value: number }
  | { readonly kind: 'notAvailable'; readonly reason: string };

/** The printed text of a value that cannot be computed (0/0); never a spreadsheet error. */
export const notComputableText = 'tidak dapat dihitung';

/** The printed text of a value the regency declared not available ("NA" on the forms). */
export const notAvailableText = 'data tidak tersedia';

/** Longest reason for "data tidak tersedia" kept; a sentence or two, not a document. */
export const notAvailableReasonMaxLength = 500;

export type IndicatorValue =
  /** `display` is "Ya", "Tidak", or "Ya (6 kali)" when the count of times is given. */
  | { readonly status: 'yesNo'; readonly value: boolean; readonly count?: number; readonly display: string }
  | { readonly status: 'count'; readonly value: number; readonly display: string }
  /**
   * A percentage or rate: `value` rounded half up to two decimals (what targets are compared
   * with), `exact` unrounded, `display` at the printed decimals of the code with a decimal comma.
   */
  | { readonly status: 'computed'; readonly value: number; readonly exact: number; readonly display: string }
  | {
      readonly status: 'notComputable';
      readonly reason: 'zeroDenominator';
      readonly display: typeof notComputableText;
    }
  | { readonly status: 'notAvailable'; readonly reason: string; readonly display: typeof notAvailableText };

const expectedInput: Readonly<Record<IndicatorKind, IndicatorInput['kind']>> = {
  yesNo: 'yesNo',
  count: 'count',
  percentage: 'fraction',
  ratePerThousand: 'fraction',
  directPercentage: 'directPercentage',
};

const inputNames: Readonly<Record<IndicatorInput['kind'], string>> = {
  yesNo: 'Ya/Tidak',
  count: 'angka/jumlah',
  fraction: 'pembilang dan penyebut',
  directPercentage: 'persentase',
  notAvailable: 'data tidak tersedia',
};

function fail(code: string, message: string): Result<never> {
  return { ok: false, issues: [{ code, message }] };
}

/** Checks a number that counts people, villages or events: finite, whole and not negative. */
function countIssues(value: number, label: string): DomainIssue[] {
  if (!Number.isFinite(value)) {
    return [{ code: 'NOT_A_NUMBER', message: `${label} harus berupa angka.` }];
  }
  const issues: DomainIssue[] = [];
  if (value < 0) {
    issues.push({ code: 'NEGATIVE_VALUE', message: `${label} tidak boleh negatif (${formatNumberId(value, 2)}).` });
  }
  if (!Number.isInteger(value)) {
    issues.push({ code: 'NOT_AN_INTEGER', message: `${label} harus bilangan bulat (${formatNumberId(value, 2)}).` });
  }
  return issues;
}

/**
 * `numerator / denominator × scale`, rounded half up to two decimals, in integer arithmetic so the
 * seeds' own values (e.g. 930/2084 = 44,63) come out exactly as a spreadsheet user expects.
 */
/** numerator / denominator × scale, rounded half up at `decimals` in whole numbers (no float drift). */
function ratio(numerator: number, denominator: number, scale: number, decimals: number): number {
  const unit = 10 ** decimals;
  return Math.floor((2 * numerator * scale * unit + denominator) / (2 * denominator)) / unit;
}

/** Options of `evaluateIndicatorKind`. */
export interface PrintOptions {
  /** Decimals the reporting code prints (`IndicatorCode.printedDecimals`); two when not given. */
  readonly decimals?: number;
}

/**
 * A percentage as the forms print it: at the code's decimals, and a whole value without any
 * ("100" and "0" beside "99,00" and "7,0" in 000 Tabel 2).
 */
function printed(rounded: number, whole: boolean, decimals: number): string {
  return whole ? formatNumberId(rounded, 0) : formatNumberId(rounded, decimals);
}

function notAvailable(reason: string): Result<IndicatorValue> {
  const text = reason.trim();
  if (text.length === 0) {
    return fail(
      'NOT_AVAILABLE_REASON_REQUIRED',
      'Sebutkan alasan data tidak tersedia (misalnya "belum ada pendataan di tingkat desa").',
    );
  }
  if (text.length > notAvailableReasonMaxLength) {
    return fail(
      'NOT_AVAILABLE_REASON_TOO_LONG',
      `Alasan data tidak tersedia paling panjang ${notAvailableReasonMaxLength} karakter.`,
    );
  }
  return { ok: true, value: { status: 'notAvailable', reason: text, display: notAvailableText } };
}

/** Ya/Tidak with the optional count of times; "Tidak" with times held contradicts itself. */
function yesNo(held: boolean, count: number | undefined): Result<IndicatorValue> {
  if (count === undefined) {
    return { ok: true, value: { status: 'yesNo', value: held, display: held ? 'Ya' : 'Tidak' } };
  }
  const issues = countIssues(count, 'Jumlah kali');
  if (issues.length > 0) return { ok: false, issues };
  if (!held && count > 0) {
    return fail(
      'ANSWER_CONTRADICTS_COUNT',
      `Jawaban "Tidak" tidak sejalan dengan ${formatNumberId(count)} kali terselenggara; jawab "Ya" atau isi 0 kali.`,
    );
  }
  return {
    ok: true,
    value: {
      status: 'yesNo',
      value: held,
      count,
      display: held ? `Ya (${formatNumberId(count)} kali)` : 'Tidak',
    },
  };
}

/**
 * Computes an indicator value of a given kind. Percentages and rates need whole, non-negative
 * parts; a zero denominator yields "tidak dapat dihitung"; a percentage's numerator above its
 * denominator gives more than 100% and a plausibility warning (plausibility.ts), not an error. Problems come back as issues with a stable code and an Indonesian message.
 */
export function evaluateIndicatorKind(
  kind: IndicatorKind,
  input: IndicatorInput,
  options: PrintOptions = {},
): Result<IndicatorValue> {
  const decimals = options.decimals ?? 2;
  if (input.kind === 'notAvailable') return notAvailable(input.reason);
  if (input.kind !== expectedInput[kind]) {
    return fail(
      'WRONG_INPUT_KIND',
      `Indikator ini diisi dengan ${inputNames[expectedInput[kind]]}, bukan ${inputNames[input.kind]}.`,
    );
  }
  switch (input.kind) {
    case 'yesNo':
      return yesNo(input.value, input.count);
    case 'count': {
      const issues = countIssues(input.value, 'Jumlah');
      return issues.length > 0
        ? { ok: false, issues }
        : { ok: true, value: { status: 'count', value: input.value, display: formatNumberId(input.value) } };
    }
    case 'directPercentage': {
      if (!Number.isFinite(input.value)) {
        return fail('NOT_A_NUMBER', 'Persentase harus berupa angka.');
      }
      if (input.value < 0 || input.value > 100) {
        return fail(
          'PERCENTAGE_OUT_OF_RANGE',
          `Persentase harus antara 0 dan 100 (${formatNumberId(input.value, 2)}).`,
        );
      }
      const rounded = Math.round(input.value * 100) / 100;
      const display = printed(roundHalfUp(input.value, decimals), Number.isInteger(input.value), decimals);
      return { ok: true, value: { status: 'computed', value: rounded, exact: input.value, display } };
    }
    case 'fraction': {
      // A numerator above its denominator is a plausibility warning, not an error (plausibility.ts).
      const issues = [...countIssues(input.numerator, 'Pembilang'), ...countIssues(input.denominator, 'Penyebut')];
      if (issues.length > 0) {
        return { ok: false, issues };
      }
      if (input.denominator === 0) {
        return { ok: true, value: { status: 'notComputable', reason: 'zeroDenominator', display: notComputableText } };
      }
      const scale = kind === 'ratePerThousand' ? 1000 : 100;
      const { numerator, denominator } = input;
      const whole = (numerator * scale) % denominator === 0;
      const display = printed(ratio(numerator, denominator, scale, decimals), whole, decimals);
      const value = ratio(numerator, denominator, scale, 2);
      return { ok: true, value: { status: 'computed', value, exact: (numerator * scale) / denominator, display } };
    }
  }
}

/**
 * Computes the value of an indicator looked up by any of its printed codes, using the kind that
 * code is reported under (Metro's `Pilar 1. A5` is a count, Dumai's `Blok 2A Indikator 5` a
 * percentage of the same concept).
 */
export function evaluateIndicator(code: string, input: IndicatorInput): Result<IndicatorValue> {
  const match = findIndicator(code);
  if (match === undefined) {
    return fail('UNKNOWN_INDICATOR', `Kode indikator tidak dikenal: ${code}.`);
  }
  return evaluateIndicatorKind(match.code.kind, input, { decimals: match.code.printedDecimals });
}

/** The decimals the form of a printed code shows its achievement with; two for an unknown code. */
export function printedDecimalsOf(code: string): number {
  return findIndicator(code)?.code.printedDecimals ?? 2;
}

/** Percentage of `numerator` in `denominator`, e.g. `percentage(930, 2084)` → 44,63. */
export function percentage(numerator: number, denominator: number): Result<IndicatorValue> {
  return evaluateIndicatorKind('percentage', { kind: 'fraction', numerator, denominator });
}

/** What the workflows know about a year's stunting case audits. */
export interface AuditFacts {
  readonly hasAuditTeam: boolean;
  readonly auditsHeld: number;
  readonly auditsFollowedUp: number;
  readonly auditsDisseminated: number;
}

/** Audits a year should hold: "2 kali dalam setahun" (003 Blok 3B Indikator 5-7). */
export const auditsPerYear = 2;

function factValue(fact: DerivedFact, facts: AuditFacts): number | boolean {
  switch (fact) {
    case 'hasAuditTeam':
      return facts.hasAuditTeam;
    case 'badutaAuditHeld':
      return facts.auditsHeld > 0;
    case 'auditsHeld':
      return facts.auditsHeld;
    case 'auditsFollowedUp':
      return facts.auditsFollowedUp;
    case 'auditsDisseminated':
      return facts.auditsDisseminated;
  }
}

/**
 * The input of a derived indicator from workflow facts, in the shape its code is reported in:
 * Metro counts audits (`RAN PASTI Operasional 40` = 1), Dumai reports them against the yearly
 * target of two (`Blok 3B Indikator 5` = 1/2). Audits beyond the target count as the target, so
 * a third audit reads 100% rather than an invalid 3/2.
 */
export function derivedInput(code: string, facts: AuditFacts): Result<IndicatorInput> {
  const match = findIndicator(code);
  if (match === undefined) {
    return fail('UNKNOWN_INDICATOR', `Kode indikator tidak dikenal: ${code}.`);
  }
  const fact = match.indicator.derived;
  if (fact === undefined) {
    return fail('NOT_DERIVED', `Indikator ${match.indicator.code} tidak dihitung dari data alur kerja.`);
  }
  const value = factValue(fact, facts);
  switch (match.code.kind) {
    case 'yesNo':
      return { ok: true, value: { kind: 'yesNo', value: typeof value === 'boolean' ? value : value > 0 } };
    case 'count':
      return { ok: true, value: { kind: 'count', value: Number(value) } };
    case 'percentage':
      return {
        ok: true,
        value: { kind: 'fraction', numerator: Math.min(Number(value), auditsPerYear), denominator: auditsPerYear },
      };
    default:
      return fail('NOT_DERIVED', `Indikator ${match.indicator.code} tidak dihitung dari data alur kerja.`);
  }
}

/** Indicators whose value follows from workflow facts. */
export function derivedIndicators(catalogue: readonly Indicator[]): Indicator[] {
  return catalogue.filter((i) => i.derived !== undefined);
}
