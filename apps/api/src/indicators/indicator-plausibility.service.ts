import { Inject, Injectable } from '@nestjs/common';
import {
  findIndicator,
  plausibilityWarnings,
  previousSemester,
  type PlausibilityWarning,
  type PreviousValue,
  type RegionCounts,
} from '@konvergensi/domain';
import { IndicatorValueRecord } from '@konvergensi/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import { DATA_SOURCE } from '../tokens';
import { achievementOf, storedInput } from './indicator-entry';

/** What the warnings of one period are judged against. */
export interface PlausibilityContext {
  readonly region: RegionCounts;
  /** The semester before's values by primary code. */
  readonly previous: ReadonlyMap<string, PreviousValue>;
}

/** The plausibility of a stored value: its warnings and whether a note still has to settle them. */
export interface StoredPlausibility {
  readonly warnings: readonly PlausibilityWarning[];
  readonly confirmation: { note: string; confirmedBy: string; confirmedAt: string } | null;
  readonly needsConfirmation: boolean;
}

/**
 * Reads what plausibility warnings need (the regency's village and kecamatan counts from the
 * region table, the semester before's values) and judges stored rows with libs/domain's rules.
 */
@Injectable()
export class IndicatorPlausibility {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async contextOf(
    regencyCode: string,
    year: number,
    semester: 1 | 2,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PlausibilityContext> {
    const [counts] = (await manager.query(
      `SELECT r.name,
              (SELECT count(*)::int FROM region d WHERE d.parent_code = r.code AND d.level = 'district') AS districts,
              (SELECT count(*)::int FROM region v JOIN region d ON v.parent_code = d.code
                WHERE d.parent_code = r.code AND v.level = 'village') AS villages
         FROM region r WHERE r.code = $1`,
      [regencyCode],
    )) as { name: string; districts: number; villages: number }[];
    const before = previousSemester(year, semester);
    const rows = await manager.getRepository(IndicatorValueRecord).findBy({
      regencyCode,
      year: before.year,
      semester: before.semester,
    });
    const previous = new Map<string, PreviousValue>();
    for (const row of rows) {
      const value = achievementOf(row);
      if (value.status !== 'invalid') previous.set(row.indicatorCode, { ...before, value });
    }
    return {
      region: {
        regencyName: counts?.name ?? regencyCode,
        villages: counts?.villages ?? 0,
        districts: counts?.districts ?? 0,
      },
      previous,
    };
  }
}

/** The warnings of a stored row in its period's context, and its confirmation. */
export function plausibilityOf(row: IndicatorValueRecord, context: PlausibilityContext): StoredPlausibility {
  const indicator = findIndicator(row.indicatorCode)?.indicator;
  const value = achievementOf(row);
  const previous = context.previous.get(row.indicatorCode);
  const warnings =
    indicator === undefined || value.status === 'invalid'
      ? []
      : plausibilityWarnings(indicator, row.reportedKind, storedInput(row), value, {
          region: context.region,
          ...(previous === undefined ? {} : { previous }),
        });
  const confirmation =
    row.confirmationNote !== null && row.confirmedBy !== null && row.confirmedAt !== null
      ? { note: row.confirmationNote, confirmedBy: row.confirmedBy, confirmedAt: row.confirmedAt.toISOString() }
      : null;
  return { warnings, confirmation, needsConfirmation: warnings.length > 0 && confirmation === null };
}
