import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  evaluateIndicatorKind,
  findIndicator,
  plausibilityWarnings,
  printedDecimalsOf,
  type DomainIssue,
  type IndicatorInput,
  type PlausibilityWarning,
} from '@konvergensi/domain';
import { IndicatorValueRecord } from '@konvergensi/persistence';
import { FormReadError, readIndicatorCsv, readIndicatorWorkbook, type FormContent } from '@konvergensi/reporting';
import { createHash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import type { DataSource } from 'typeorm';
import { ApiError } from '../common/api-error';
import { DATA_SOURCE } from '../tokens';
import { readFormLine, type FormLine } from './form-import';
import { achievementOf, checkIndicatorEntries, storedInput, type AcceptedEntry } from './indicator-entry';
import { IndicatorPlausibility } from './indicator-plausibility.service';
import { lockIndicatorPeriod, storeIndicatorValues, type IndicatorPeriod } from './indicator-values.store';

/** One row of the file as the preview shows it. */
export interface ImportLineView {
  sheet: string;
  row: number;
  code: string;
  name: string | null;
  /** `new` and `changed` are stored on confirmation; the others are left as they are. */
  status: 'new' | 'changed' | 'unchanged' | 'skipped' | 'invalid';
  /** Why a row is skipped: a blank ("-"), a section title, a value computed from the AKS. */
  skipped?: 'blank' | 'derived' | 'heading';
  before: string | null;
  after: string | null;
  issues: DomainIssue[];
  warnings: PlausibilityWarning[];
}

export interface ImportPreview {
  format: 'xlsx' | 'csv';
  /** Sent back to store: the file and the stored values it was previewed against. */
  token: string;
  summary: Record<ImportLineView['status'] | 'warnings', number>;
  lines: ImportLineView[];
}

const sameInput = (a: IndicatorInput, b: IndicatorInput) =>
  JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

function canonical(input: IndicatorInput): Record<string, unknown> {
  const entries = Object.entries(input).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v] as const);
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Imports the national form as regencies fill it (the semester report's XLSX, or its CSV): a
 * preview of every row (understood, warnings, what changes against what is stored), and on
 * confirmation with the preview's token, only the new and changed values, all or nothing.
 */
@Injectable()
export class IndicatorImports {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly plausibility: IndicatorPlausibility,
  ) {}

  async preview(period: IndicatorPeriod, content: Buffer): Promise<ImportPreview> {
    return (await this.judge(period, content)).preview;
  }

  /** Stores the new and changed values of a previewed file; refuses a stale token or any invalid row. */
  async store(period: IndicatorPeriod, content: Buffer, token: string, userId: string): Promise<ImportPreview> {
    return this.dataSource.transaction(async (manager) => {
      // The token check and the writes see one state: no PUT or import of the period in between.
      await lockIndicatorPeriod(manager, period);
      const { preview, changes } = await this.judge(period, content, manager);
      if (preview.token !== token) {
        throw new ApiError(
          HttpStatus.CONFLICT,
          'FORM_IMPORT_STALE',
          'Nilai indikator berubah sejak pratinjau dibuat; unggah berkas lagi untuk pratinjau baru.',
        );
      }
      if (preview.summary.invalid > 0) {
        throw new ApiError(
          HttpStatus.UNPROCESSABLE_ENTITY,
          'FORM_IMPORT_INVALID',
          `${preview.summary.invalid} baris tidak dapat dibaca; tidak ada yang disimpan.`,
          preview.lines.filter((l) => l.status === 'invalid'),
        );
      }
      await storeIndicatorValues(manager, period, userId, changes);
      return preview;
    });
  }

  private async judge(
    period: IndicatorPeriod,
    content: Buffer,
    manager = this.dataSource.manager,
  ): Promise<{ preview: ImportPreview; changes: AcceptedEntry[] }> {
    const { format, form } = await this.read(content);
    if (
      (form.regencyCode !== null && form.regencyCode !== period.regencyCode) ||
      (form.year !== null && form.year !== period.year) ||
      (form.semester !== null && form.semester !== period.semester)
    ) {
      throw new ApiError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'FORM_OTHER_PERIOD',
        `Berkas ini untuk ${form.regencyCode ?? '?'} tahun ${form.year ?? '?'} semester ${form.semester ?? '?'}, bukan ${period.regencyCode} tahun ${period.year} semester ${period.semester}.`,
      );
    }
    const rows = await manager.getRepository(IndicatorValueRecord).findBy({ ...period });
    const stored = new Map(rows.map((r) => [r.indicatorCode, r]));
    const lines: FormLine[] = form.rows.map((row) =>
      readFormLine(row, stored.get(findIndicator(row.code)?.indicator.code ?? '')?.reportedCode),
    );
    const entryLines = lines.flatMap((line) => (line.kind === 'entry' ? [line] : []));
    const { accepted, rejected } = checkIndicatorEntries(entryLines.map((l) => l.entry));
    const rejectedAt = new Map(rejected.map((r) => [r.index, r.issues]));
    const acceptedAt = new Map<FormLine, AcceptedEntry>();
    let next = 0;
    entryLines.forEach((line, index) => {
      if (!rejectedAt.has(index)) acceptedAt.set(line, accepted[next++] as AcceptedEntry);
    });
    const context = await this.plausibility.contextOf(
      period.regencyCode,
      period.year,
      period.semester as 1 | 2,
      manager,
    );

    const changes: AcceptedEntry[] = [];
    const views = lines.map((line): ImportLineView => {
      const match = findIndicator(line.row.code);
      const base = {
        sheet: line.row.sheet,
        row: line.row.row,
        code: line.row.code,
        name: match?.indicator.name ?? null,
        issues: [] as DomainIssue[],
        warnings: [] as PlausibilityWarning[],
      };
      const before = match ? stored.get(match.indicator.code) : undefined;
      const beforeText = before ? achievementOf(before).display : null;
      if (line.kind === 'skipped')
        return { ...base, status: 'skipped', skipped: line.reason, before: beforeText, after: null };
      if (line.kind === 'invalid')
        return { ...base, status: 'invalid', before: beforeText, after: null, issues: [...line.issues] };
      const issues = rejectedAt.get(entryLines.indexOf(line));
      const entry = acceptedAt.get(line);
      if (issues || !entry || !match) {
        const located = (issues ?? []).map((i) => ({
          ...i,
          message: `${line.row.sheet} baris ${line.row.row}: ${i.message}`,
        }));
        return { ...base, status: 'invalid', before: beforeText, after: null, issues: located };
      }
      const value = evaluateIndicatorKind(entry.reportedKind, entry.input, {
        decimals: printedDecimalsOf(entry.reportedCode),
      });
      const after = value.ok ? value.value.display : null;
      if (before && before.reportedCode === entry.reportedCode && sameInput(storedInput(before), entry.input)) {
        return { ...base, status: 'unchanged', before: beforeText, after };
      }
      changes.push(entry);
      const previous = context.previous.get(entry.primaryCode);
      const warnings = value.ok
        ? plausibilityWarnings(match.indicator, entry.reportedKind, entry.input, value.value, {
            region: context.region,
            ...(previous === undefined ? {} : { previous }),
          })
        : [];
      return { ...base, status: before ? 'changed' : 'new', before: beforeText, after, warnings };
    });

    const count = (status: ImportLineView['status']) => views.filter((v) => v.status === status).length;
    const state = rows
      .map((r) => `${r.indicatorCode}|${r.reportedCode}|${r.submittedAt.toISOString()}|${r.confirmationNote ?? ''}`)
      .sort();
    const token = createHash('sha256')
      .update(createHash('sha256').update(content).digest('hex'))
      .update(JSON.stringify(state))
      .digest('hex');
    return {
      preview: {
        format,
        token,
        summary: {
          new: count('new'),
          changed: count('changed'),
          unchanged: count('unchanged'),
          skipped: count('skipped'),
          invalid: count('invalid'),
          warnings: views.reduce((sum, v) => sum + v.warnings.length, 0),
        },
        lines: views,
      },
      changes,
    };
  }

  private async read(content: Buffer): Promise<{ format: 'xlsx' | 'csv'; form: FormContent }> {
    try {
      // A workbook is a zip ("PK\x03\x04"); anything else must be UTF-8 text to be a CSV.
      if (content.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
        return { format: 'xlsx', form: await readIndicatorWorkbook(content) };
      }
      if (!isUtf8(content)) {
        throw new ApiError(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          'UNSUPPORTED_FILE_TYPE',
          'Unggah formulir sebagai .xlsx (format unduhan laporan semester) atau .csv berkode UTF-8.',
        );
      }
      return { format: 'csv', form: readIndicatorCsv(content.toString('utf8')) };
    } catch (error) {
      if (error instanceof FormReadError)
        throw new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, error.code, error.message);
      throw error;
    }
  }
}
