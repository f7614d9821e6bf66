import { type IndicatorValue } from '@konvergensi/domain';
import { type ReportRow, type SemesterReport } from './compile';

type Loose<T> = { [K in keyof T]?: unknown };

/**
 * A compiled report as stored (`compiled_report.snapshot`) read back into today's shape. A snapshot
 * keeps the shape of the release that compiled it; the fields added since get the values that
 * release implied: no sub-rows, two printed decimals with nothing beside them, the exact value
 * equal to the rounded one, no plausibility notes. Rendering an old archive never fails.
 */
export function readSnapshot(snapshot: Record<string, unknown>): SemesterReport {
  const report = snapshot as unknown as Loose<SemesterReport> & SemesterReport;
  return {
    ...report,
    blocks: report.blocks.map((block) => ({
      ...block,
      sections: block.sections.map((section) => ({ ...section, rows: section.rows.map(readRow) })),
    })),
    coverage: (report.coverage ?? []).map(readRow),
    notes: Array.isArray(report.notes) ? report.notes : [],
  };
}

function readRow(row: ReportRow): ReportRow {
  const loose = row as Loose<ReportRow> & ReportRow;
  return {
    ...row,
    printedDecimals: typeof loose.printedDecimals === 'number' ? loose.printedDecimals : 2,
    detail: typeof loose.detail === 'string' ? loose.detail : null,
    achievement: row.achievement === null ? null : readAchievement(row.achievement),
    subRows: Array.isArray(loose.subRows) ? row.subRows.map(readRow) : [],
  };
}

function readAchievement(value: IndicatorValue): IndicatorValue {
  if (value.status !== 'computed') return value;
  const exact = (value as Loose<typeof value>).exact;
  return { ...value, exact: typeof exact === 'number' ? exact : value.value };
}
