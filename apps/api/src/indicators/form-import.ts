import {
  findIndicator,
  parseNumberId,
  type DomainIssue,
  type IndicatorCode,
  type IndicatorKind,
} from '@konvergensi/domain';
import type { FormRow, FormValue } from '@konvergensi/reporting';
import { notAvailableMark, type IndicatorEntry } from './indicator-entry';

/** How one row of an imported form reads: a value to store, nothing to store, or a problem. */
export type FormLine =
  | { readonly kind: 'entry'; readonly row: FormRow; readonly entry: IndicatorEntry }
  | { readonly kind: 'skipped'; readonly row: FormRow; readonly reason: 'blank' | 'derived' | 'heading' }
  | { readonly kind: 'invalid'; readonly row: FormRow; readonly issues: readonly DomainIssue[] };

/** What the export writes in PENJELASAN before the reason of "data tidak tersedia" (compile.ts). */
const notAvailablePrefix = /^data tidak tersedia\s*:\s*/i;
/** "Ya", "Tidak", "Ya (6 kali)" as the export prints a Ya/Tidak; "6 Kali" as Dumai's form does. */
const yesNoText = /^(ya|tidak)(?:\s*\(\s*(\d+)\s*kali\s*\))?$/i;
const timesText = /^(\d+)\s*kali$/i;
/** The export's mark for "no value" and what people type for it. */
const blankText = /^[-–—]?$/;

function text(value: FormValue): string {
  return value === null ? '' : String(value).trim();
}

function numberOf(value: FormValue): number {
  if (value === null) return Number.NaN;
  return typeof value === 'number' ? value : parseNumberId(value);
}

function invalid(row: FormRow, code: string, message: string): FormLine {
  return {
    kind: 'invalid',
    row,
    issues: [{ code, message: `${row.sheet} baris ${row.row} (${row.code}): ${message}` }],
  };
}

/**
 * The code a value is stored under: the code it was stored under before, else the row's own code,
 * else the indicator's first code, whichever takes the value's shape. An exported Dumai row shows
 * Metro's primary code, yet its value goes back under Dumai's block code, as it was entered.
 */
function codeFor(
  codes: readonly IndicatorCode[],
  rowCode: string,
  storedCode: string | undefined,
  kinds: readonly IndicatorKind[],
): string | undefined {
  const fits = (code: string | undefined) => codes.find((c) => c.code === code && kinds.includes(c.kind));
  return (fits(storedCode) ?? fits(rowCode) ?? codes.find((c) => kinds.includes(c.kind)))?.code;
}

/**
 * Reads one row of the national form (the semester report's XLSX layout, or its CSV): the parts
 * of a fraction from PENYEBUT and PEMBILANG; Ya/Tidak, "Ya (6 kali)", a count or a typed
 * percentage from CAPAIAN; NA (or a spreadsheet error) as "data tidak tersedia" with the reason in
 * PENJELASAN; a blank or "-" as not entered (nothing is deleted by an import).
 */
export function readFormLine(row: FormRow, storedCode: string | undefined): FormLine {
  const values = [row.denominator, row.numerator, row.achievement];
  const blank = values.every((v) => blankText.test(text(v)));
  const match = findIndicator(row.code);
  if (!match) {
    // A section title ("Blok 2A : …") carries no values; an unknown code with values is a mistake.
    return blank
      ? { kind: 'skipped', row, reason: 'heading' }
      : invalid(row, 'UNKNOWN_INDICATOR', 'kode indikator tidak dikenal.');
  }
  if (match.indicator.derived !== undefined) return { kind: 'skipped', row, reason: 'derived' };
  if (match.part && !blank) {
    // Metro's printed form gives a percentage's parts rows of their own (`Pilar 3. A7_a`); the
    // export, and so the import, carries them in PENYEBUT and PEMBILANG of the indicator's row.
    return invalid(
      row,
      'SUB_ROW_CODE',
      `baris ${match.part === 'numerator' ? 'pembilang' : 'penyebut'}; isi PENYEBUT dan PEMBILANG pada baris ${match.code.code}.`,
    );
  }
  if (blank) return { kind: 'skipped', row, reason: 'blank' };
  const codes = match.indicator.codes;
  const shape = (kinds: readonly IndicatorKind[], entry: (code: string) => IndicatorEntry): FormLine => {
    const code = codeFor(codes, match.code.code, storedCode, kinds);
    return code === undefined
      ? invalid(row, 'WRONG_INPUT_KIND', 'isian ini tidak sesuai dengan jenis indikatornya.')
      : { kind: 'entry', row, entry: entry(code) };
  };

  const marks = values.filter((v) => notAvailableMark.test(text(v)));
  if (marks.length > 0) {
    if (values.some((v) => !blankText.test(text(v)) && !notAvailableMark.test(text(v)))) {
      return invalid(row, 'NOT_AVAILABLE_BESIDE_VALUE', 'tanda NA tidak boleh berdampingan dengan angka.');
    }
    const reason = text(row.explanation).replace(notAvailablePrefix, '');
    return { kind: 'entry', row, entry: { code: storedCode ?? match.code.code, notAvailable: true, reason } };
  }

  const hasParts = !blankText.test(text(row.denominator)) || !blankText.test(text(row.numerator));
  if (hasParts) {
    const numerator = numberOf(row.numerator);
    const denominator = numberOf(row.denominator);
    if (Number.isNaN(numerator) || Number.isNaN(denominator)) {
      return invalid(row, 'NOT_A_NUMBER', 'isi PEMBILANG dan PENYEBUT dengan angka.');
    }
    return shape(['percentage', 'ratePerThousand'], (code) => ({ code, numerator, denominator }));
  }

  const achievement = text(row.achievement);
  const yesNo = yesNoText.exec(achievement);
  if (yesNo) {
    const answer = yesNo[1]?.toLowerCase() === 'ya' ? 'Ya' : 'Tidak';
    const count = yesNo[2] === undefined ? undefined : Number(yesNo[2]);
    return shape(['yesNo'], (code) => ({ code, answer, ...(count === undefined ? {} : { count }) }));
  }
  const times = timesText.exec(achievement);
  if (times) return shape(['yesNo'], (code) => ({ code, count: Number(times[1]) }));
  const figure = numberOf(row.achievement);
  if (Number.isNaN(figure)) {
    return invalid(row, 'UNREADABLE_ACHIEVEMENT', `CAPAIAN "${achievement}" tidak dapat dibaca.`);
  }
  // A bare figure is a count, else a typed percentage, else the times a Ya/Tidak took place.
  const typed = codeFor(codes, match.code.code, storedCode, ['count', 'directPercentage']);
  const kind = codes.find((c) => c.code === typed)?.kind;
  if (kind === 'directPercentage') return { kind: 'entry', row, entry: { code: typed as string, percent: figure } };
  return shape(['count', 'yesNo'], (code) => ({ code, count: figure }));
}
