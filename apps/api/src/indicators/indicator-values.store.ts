import { IndicatorValueRecord } from '@konvergensi/persistence';
import type { EntityManager } from 'typeorm';
import { storedColumns, type AcceptedEntry } from './indicator-entry';

/** The regency and semester values are stored for. */
export interface IndicatorPeriod {
  readonly regencyCode: string;
  readonly year: number;
  readonly semester: number;
}

/**
 * Serialises the writes of one regency's semester (the PUT, an import's check and store) for the
 * rest of the caller's transaction, so an import stores against the state it previewed.
 */
export async function lockIndicatorPeriod(manager: EntityManager, period: IndicatorPeriod): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
    `indicator-period:${period.regencyCode}:${period.year}:${period.semester}`,
  ]);
}

/**
 * Writes accepted values, one keyed upsert each (regency, year, semester, primary code), inside
 * the caller's transaction: the bulk PUT and the form import store through this one path. A value
 * written without a note loses an earlier confirmation: its warnings are judged afresh.
 */
export async function storeIndicatorValues(
  manager: EntityManager,
  period: IndicatorPeriod,
  userId: string,
  accepted: readonly AcceptedEntry[],
  at = new Date(),
): Promise<void> {
  await lockIndicatorPeriod(manager, period);
  for (const entry of accepted) {
    const confirmation =
      entry.note === undefined
        ? { confirmationNote: null, confirmedBy: null, confirmedAt: null }
        : { confirmationNote: entry.note, confirmedBy: userId, confirmedAt: at };
    await manager
      .createQueryBuilder()
      .insert()
      .into(IndicatorValueRecord)
      .values({
        regencyCode: period.regencyCode,
        year: period.year,
        semester: period.semester,
        indicatorCode: entry.primaryCode,
        reportedCode: entry.reportedCode,
        reportedKind: entry.reportedKind,
        ...storedColumns(entry.input),
        ...confirmation,
        submittedBy: userId,
        reviewStatus: 'submitted',
      })
      .orUpdate(
        [
          'reported_code',
          'reported_kind',
          'numerator',
          'denominator',
          'count_value',
          'answer',
          'percent_value',
          'not_available_reason',
          'confirmation_note',
          'confirmed_by',
          'confirmed_at',
          'submitted_by',
          'review_status',
          'submitted_at',
        ],
        ['regency_code', 'year', 'semester', 'indicator_code'],
      )
      .execute();
  }
}
