import {
  evaluateIndicatorKind,
  findIndicator,
  printedDecimalsOf,
  type DomainIssue,
  type IndicatorInput,
  type IndicatorKind,
  type IndicatorValue,
} from '@konvergensi/domain';
import type { IndicatorValueRecord } from '@konvergensi/persistence';

/**
 * What the forms print where the data does not exist: `NA`, and the spreadsheet errors that a
 * formula over such cells leaves (003 §F prints `#VALUE!` and `#DIV/0!`).
 */
export const notAvailableMark = /^(NA|N\/A|#N\/A|#VALUE!|#DIV\/0!|#REF!|#NUM!)$/i;

/** Longest confirmation note kept for a value its plausibility warnings question. */
export const confirmationNoteMaxLength = 500;

/** One value of the bulk PUT, after the schema has checked its shape; `note` confirms its warnings. */
export type IndicatorEntry = { code: string; note?: string } & (
  | { numerator: number; denominator: number }
  | { answer: 'Ya' | 'Tidak'; count?: number }
  | { count: number }
  | { percent: number }
  | { notAvailable: true; reason?: string }
);

export interface AcceptedEntry {
  primaryCode: string;
  reportedCode: string;
  reportedKind: IndicatorKind;
  input: IndicatorInput;
  note?: string;
}

export interface RejectedEntry {
  index: number;
  code: string;
  issues: readonly DomainIssue[];
}

function inputOf(entry: IndicatorEntry, kind: IndicatorKind): IndicatorInput {
  if ('notAvailable' in entry) return { kind: 'notAvailable', reason: entry.reason ?? '' };
  if ('answer' in entry) {
    return {
      kind: 'yesNo',
      value: entry.answer === 'Ya',
      ...(entry.count === undefined ? {} : { count: entry.count }),
    };
  }
  // "6 Kali" under a Ya/Tidak question: held six times (003 §F Blok 2A Indikator 2).
  if ('count' in entry && kind === 'yesNo') return { kind: 'yesNo', value: entry.count > 0, count: entry.count };
  if ('count' in entry) return { kind: 'count', value: entry.count };
  if ('percent' in entry) return { kind: 'directPercentage', value: entry.percent };
  return { kind: 'fraction', numerator: entry.numerator, denominator: entry.denominator };
}

/**
 * Checks every entry against the catalogue of libs/domain: the code exists (primary or alias),
 * is not derived from workflow facts, is given once, and its value fits the kind of the printed
 * code. A sub-row (`Pilar 1. A3_a`) is an indicator of its own beside its parent's answer. Either
 * every entry is accepted or none is written.
 */
export function checkIndicatorEntries(entries: readonly IndicatorEntry[]): {
  accepted: AcceptedEntry[];
  rejected: RejectedEntry[];
} {
  const accepted: AcceptedEntry[] = [];
  const rejected: RejectedEntry[] = [];
  const seen = new Map<string, string>();
  entries.forEach((entry, index) => {
    const reject = (code: string, message: string) =>
      rejected.push({ index, code: entry.code, issues: [{ code, message }] });
    const match = findIndicator(entry.code);
    if (!match) return reject('UNKNOWN_INDICATOR', `Kode indikator tidak dikenal: ${entry.code}.`);
    if (match.part) {
      return reject(
        'SUB_ROW_CODE',
        `${entry.code} adalah baris ${match.part === 'numerator' ? 'pembilang' : 'penyebut'}; isi pembilang dan penyebut pada kode ${match.code.code}.`,
      );
    }
    const primaryCode = match.indicator.code;
    if (match.indicator.derived) {
      return reject(
        'DERIVED_INDICATOR',
        `${entry.code} dihitung otomatis dari data audit kasus stunting dan tidak diisi manual.`,
      );
    }
    const earlier = seen.get(primaryCode);
    if (earlier !== undefined) {
      return reject('DUPLICATE_INDICATOR', `${entry.code} sudah diisi pada baris lain (${earlier}).`);
    }
    seen.set(primaryCode, entry.code);
    const input = inputOf(entry, match.code.kind);
    const result = evaluateIndicatorKind(match.code.kind, input);
    if (!result.ok) return rejected.push({ index, code: entry.code, issues: result.issues });
    accepted.push({
      primaryCode,
      reportedCode: match.code.code,
      reportedKind: match.code.kind,
      input,
      ...(entry.note === undefined ? {} : { note: entry.note }),
    });
  });
  return { accepted, rejected };
}

/** The input a stored row was reported with. */
export function storedInput(row: IndicatorValueRecord): IndicatorInput {
  if (row.notAvailableReason !== null) return { kind: 'notAvailable', reason: row.notAvailableReason };
  if (row.answer !== null) {
    return {
      kind: 'yesNo',
      value: row.answer === 'Ya',
      ...(row.countValue === null ? {} : { count: Number(row.countValue) }),
    };
  }
  if (row.countValue !== null) return { kind: 'count', value: Number(row.countValue) };
  if (row.percentValue !== null) return { kind: 'directPercentage', value: Number(row.percentValue) };
  return { kind: 'fraction', numerator: Number(row.numerator), denominator: Number(row.denominator) };
}

/** The columns of a row holding `input`; every other value column is cleared. */
export function storedColumns(
  input: IndicatorInput,
): Pick<
  IndicatorValueRecord,
  'numerator' | 'denominator' | 'countValue' | 'answer' | 'percentValue' | 'notAvailableReason'
> {
  // A count is its own value, or the times a Ya/Tidak activity took place.
  const count = input.kind === 'count' ? input.value : input.kind === 'yesNo' ? input.count : undefined;
  return {
    numerator: input.kind === 'fraction' ? String(input.numerator) : null,
    denominator: input.kind === 'fraction' ? String(input.denominator) : null,
    countValue: count === undefined ? null : String(count),
    answer: input.kind === 'yesNo' ? (input.value ? 'Ya' : 'Tidak') : null,
    percentValue: input.kind === 'directPercentage' ? String(input.value) : null,
    notAvailableReason: input.kind === 'notAvailable' ? input.reason.trim() : null,
  };
}

/**
 * Achievement of a stored row, computed again on read (never stored, never stale), displayed at
 * the decimals of the code it was reported under.
 */
export function achievementOf(row: IndicatorValueRecord): IndicatorValue | { status: 'invalid'; display: string } {
  const result = evaluateIndicatorKind(row.reportedKind, storedInput(row), {
    decimals: printedDecimalsOf(row.reportedCode),
  });
  return result.ok ? result.value : { status: 'invalid', display: result.issues.map((i) => i.message).join(' ') };
}
