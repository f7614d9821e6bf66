/**
 * Validation as you type for indicator values, mirroring the rules of libs/domain's
 * evaluateIndicatorKind (the API checks again; this only spares the officer a round trip).
 * Input comes as typed text in Indonesian notation: "1.234" is one thousand two hundred
 * thirty-four, "12,5" is twelve and a half.
 */
import type { MessageKey } from '../i18n/messages';

export type EntryKind = 'fraction' | 'yesNo' | 'count' | 'percent';

export interface EntryDraft {
  code: string;
  kind: EntryKind;
  numerator?: string;
  denominator?: string;
  answer?: '' | 'Ya' | 'Tidak';
  /** The times a Ya/Tidak activity took place ("Ya, 6 kali"), optional. */
  timesHeld?: string;
  count?: string;
  percent?: string;
  /** "Data tidak tersedia": the form prints NA where the data does not exist; a reason is required. */
  notAvailable?: boolean;
  reason?: string;
  /** The rows the form prints beneath this one, each an indicator of its own (`Pilar 1. A3_a`). */
  subRows?: EntryDraft[];
  /** Confirms a value its warnings question ("dua kelurahan baru dimekarkan"). */
  note?: string;
}

export interface FieldIssue {
  field: 'code' | 'numerator' | 'denominator' | 'answer' | 'timesHeld' | 'count' | 'percent' | 'reason' | 'note';
  message: MessageKey;
}

export type IndicatorPayload = (
  | { code: string; numerator: number; denominator: number }
  | { code: string; answer: 'Ya' | 'Tidak'; count?: number }
  | { code: string; count: number }
  | { code: string; percent: number }
  | { code: string; notAvailable: true; reason: string }
) & { note?: string };

/** The longest reason the API keeps (libs/domain notAvailableReasonMaxLength). */
export const notAvailableReasonMaxLength = 500;

/**
 * Reads a number typed the Indonesian way. Dots group thousands, one comma is the decimal mark;
 * a plain "12.5" (one dot, not three digits after it) is read as a decimal too, because people
 * paste from English spreadsheets. Anything else is NaN.
 */
export function parseIndonesianNumber(text: string): number {
  const trimmed = text.trim().replace(/\s/g, '');
  if (trimmed === '') return Number.NaN;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(trimmed)) {
    return Number(trimmed.replace(/\./g, '').replace(',', '.'));
  }
  if (/^-?\d+(,\d+)?$/.test(trimmed)) return Number(trimmed.replace(',', '.'));
  if (/^-?\d+\.\d+$/.test(trimmed)) return Number(trimmed);
  return Number.NaN;
}

function wholeCountIssue(text: string | undefined, field: FieldIssue['field']): FieldIssue | undefined {
  if (text === undefined || text.trim() === '') return { field, message: 'validationRequired' };
  const value = parseIndonesianNumber(text);
  if (Number.isNaN(value)) return { field, message: 'validationNotANumber' };
  if (value < 0) return { field, message: 'validationNegative' };
  if (!Number.isInteger(value)) return { field, message: 'validationNotWhole' };
  if (value > 1e12) return { field, message: 'validationTooLarge' };
  return undefined;
}

/** The problems of one draft entry, per field: while any remains, nothing is sent. */
export function validateEntry(draft: EntryDraft): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (draft.code.trim() === '') issues.push({ field: 'code', message: 'validationCodeRequired' });
  if ((draft.note ?? '').trim().length > confirmationNoteMaxLength)
    issues.push({ field: 'note', message: 'validationNoteTooLong' });
  if (draft.notAvailable) {
    const reason = (draft.reason ?? '').trim();
    if (reason === '') issues.push({ field: 'reason', message: 'validationReasonRequired' });
    else if (reason.length > notAvailableReasonMaxLength)
      issues.push({ field: 'reason', message: 'validationReasonTooLong' });
    return issues;
  }
  switch (draft.kind) {
    case 'fraction': {
      const numerator = wholeCountIssue(draft.numerator, 'numerator');
      const denominator = wholeCountIssue(draft.denominator, 'denominator');
      if (numerator) issues.push(numerator);
      if (denominator) issues.push(denominator);
      break;
    }
    case 'count': {
      const issue = wholeCountIssue(draft.count, 'count');
      if (issue) issues.push(issue);
      break;
    }
    case 'percent': {
      const text = draft.percent ?? '';
      const value = parseIndonesianNumber(text);
      if (text.trim() === '') issues.push({ field: 'percent', message: 'validationRequired' });
      else if (Number.isNaN(value)) issues.push({ field: 'percent', message: 'validationNotANumber' });
      else if (value < 0 || value > 100) issues.push({ field: 'percent', message: 'validationPercentRange' });
      break;
    }
    case 'yesNo': {
      if (draft.answer !== 'Ya' && draft.answer !== 'Tidak')
        issues.push({ field: 'answer', message: 'validationChoose' });
      if (isBlank(draft.timesHeld)) break;
      const times = wholeCountIssue(draft.timesHeld, 'timesHeld');
      if (times) issues.push(times);
      else if (draft.answer === 'Tidak' && parseIndonesianNumber(draft.timesHeld ?? '') > 0)
        issues.push({ field: 'timesHeld', message: 'validationAnswerContradictsCount' });
      break;
    }
  }
  return issues;
}

/**
 * What looks wrong in a valid draft but may be right: a percentage's numerator above its
 * denominator (`ratio` false; a rate per thousand may exceed). The value can still be saved; a
 * confirmation note settles the warning (the API judges region bounds and semester jumps too).
 */
export function entryWarnings(draft: EntryDraft, options: { ratio: boolean }): FieldIssue[] {
  if (draft.notAvailable || draft.kind !== 'fraction' || options.ratio) return [];
  const numerator = parseIndonesianNumber(draft.numerator ?? '');
  const denominator = parseIndonesianNumber(draft.denominator ?? '');
  return numerator > denominator ? [{ field: 'numerator', message: 'warningNumeratorExceeds' }] : [];
}

/** The longest confirmation note the API keeps. */
export const confirmationNoteMaxLength = 500;

const isBlank = (text: string | undefined) => (text ?? '').trim() === '';

/**
 * Whether a draft holds nothing yet. A sub-row beneath its parent (`Pilar 1. A3_a` under
 * `Pilar 1. A3`) may stay blank: it is then not sent, and stays "belum diisi".
 */
export function isBlankEntry(draft: EntryDraft): boolean {
  return (
    !draft.notAvailable &&
    [draft.numerator, draft.denominator, draft.count, draft.percent, draft.timesHeld].every(isBlank) &&
    !draft.answer
  );
}

/** The body row the API expects, or undefined while the draft still has problems. */
export function toPayload(draft: EntryDraft): IndicatorPayload | undefined {
  const value = valuePayload(draft);
  const note = (draft.note ?? '').trim();
  return value && note ? { ...value, note } : value;
}

function valuePayload(draft: EntryDraft): IndicatorPayload | undefined {
  if (validateEntry(draft).length > 0) return undefined;
  const code = draft.code.trim();
  if (draft.notAvailable) return { code, notAvailable: true, reason: (draft.reason ?? '').trim() };
  switch (draft.kind) {
    case 'fraction':
      return {
        code,
        numerator: parseIndonesianNumber(draft.numerator ?? ''),
        denominator: parseIndonesianNumber(draft.denominator ?? ''),
      };
    case 'count':
      return { code, count: parseIndonesianNumber(draft.count ?? '') };
    case 'percent':
      return { code, percent: parseIndonesianNumber(draft.percent ?? '') };
    case 'yesNo':
      return {
        code,
        answer: draft.answer as 'Ya' | 'Tidak',
        ...(isBlank(draft.timesHeld) ? {} : { count: parseIndonesianNumber(draft.timesHeld ?? '') }),
      };
  }
}

/** The problems of a sub-row: none while it is left blank. */
export function validateSubRow(draft: EntryDraft): FieldIssue[] {
  return isBlankEntry(draft) ? [] : validateEntry(draft);
}

/**
 * The body rows of a draft: its own, then those of its sub-rows that are filled in; undefined
 * while any of them still has problems.
 */
export function payloadsOf(draft: EntryDraft): IndicatorPayload[] | undefined {
  const own = toPayload(draft);
  const filled = (draft.subRows ?? []).filter((sub) => !isBlankEntry(sub));
  const subs = filled.map(toPayload);
  if (!own || subs.some((p) => !p)) return undefined;
  return [own, ...(subs as IndicatorPayload[])];
}

/** The preview a fraction gives: numerator / denominator × 100, or undefined when not computable. */
export function fractionPreview(numerator: string, denominator: string, scale = 100): number | undefined {
  const n = parseIndonesianNumber(numerator);
  const d = parseIndonesianNumber(denominator);
  if (!Number.isFinite(n) || !Number.isFinite(d) || d <= 0) return undefined;
  return Math.round((n / d) * scale * 100) / 100;
}

/** The kinds of the national catalogue (libs/domain IndicatorKind), as GET /api/v1/indicators/catalogue names them. */
export type CatalogueKind = 'yesNo' | 'count' | 'percentage' | 'ratePerThousand' | 'directPercentage';

/**
 * How an indicator of the catalogue is typed in: a percentage or a rate per thousand is a
 * numerator and a denominator (only a rate may exceed its denominator, e.g. births per thousand
 * women), a direct percentage one figure in 0–100, a count a whole number.
 */
export function entryKindOf(kind: CatalogueKind): { kind: EntryKind; ratio: boolean; scale: number } {
  switch (kind) {
    case 'percentage':
      return { kind: 'fraction', ratio: false, scale: 100 };
    case 'ratePerThousand':
      return { kind: 'fraction', ratio: true, scale: 1000 };
    case 'directPercentage':
      return { kind: 'percent', ratio: false, scale: 100 };
    case 'count':
      return { kind: 'count', ratio: false, scale: 1 };
    case 'yesNo':
      return { kind: 'yesNo', ratio: false, scale: 1 };
  }
}
