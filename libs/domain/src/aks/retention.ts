import { DateTime } from 'luxon';

/**
 * How long the identities of an audit's cases are kept after its report went to the province.
 * UU 27/2022 (Pelindungan Data Pribadi) requires personal data to be erased once the purpose of its
 * processing is met (penghapusan, art. 43). The seeds set no period; the default of two years is
 * our assumption: long enough for the follow-up plan (RTL) of the audit and the next year's annual
 * review (Aksi 8) to look back at the cases. The aggregates (recap, counts, report) are not personal
 * data and stay.
 */
export const aksIdentityRetention = { defaultMonths: 24, minMonths: 1, maxMonths: 120 } as const;

/** The identity fields an erasure removes (nama, NIK, tanggal lahir, alamat) and their keyed NIK hash. */
export const aksIdentityFields = ['nama', 'nik', 'tanggalLahir', 'alamat'] as const;
export type AksIdentityField = (typeof aksIdentityFields)[number];

/** Why an identity was erased: the retention period ran out, or the person asked (permintaan subjek data). */
export const aksErasureReasons = ['retention', 'data_subject_request'] as const;
export type AksErasureReason = (typeof aksErasureReasons)[number];

export function isValidRetentionMonths(months: number): boolean {
  return (
    Number.isInteger(months) && months >= aksIdentityRetention.minMonths && months <= aksIdentityRetention.maxMonths
  );
}

/**
 * The instant from which an audit's identities must be gone: the report's submission plus the
 * regency's retention in calendar months (31 January + 1 month is the last day of February).
 * An audit whose report was never submitted has no such instant: its work is not finished.
 */
export function identityErasureDueAt(reportSubmittedAt: Date | null, retentionMonths: number): Date | null {
  if (!reportSubmittedAt) return null;
  if (!isValidRetentionMonths(retentionMonths)) throw new RangeError(`retention of ${retentionMonths} months`);
  return DateTime.fromJSDate(reportSubmittedAt, { zone: 'utc' }).plus({ months: retentionMonths }).toJSDate();
}

/** Whether the audit's identities are due for erasure at `now`. */
export function isIdentityErasureDue(reportSubmittedAt: Date | null, retentionMonths: number, now: Date): boolean {
  const due = identityErasureDueAt(reportSubmittedAt, retentionMonths);
  return due !== null && due.getTime() <= now.getTime();
}

/**
 * The latest report submission whose audits are due at `now`: every audit submitted at or before
 * this instant is past its retention. One comparison in SQL instead of one date sum per audit.
 */
export function retentionCutoff(retentionMonths: number, now: Date): Date {
  if (!isValidRetentionMonths(retentionMonths)) throw new RangeError(`retention of ${retentionMonths} months`);
  return DateTime.fromJSDate(now, { zone: 'utc' }).minus({ months: retentionMonths }).toJSDate();
}
