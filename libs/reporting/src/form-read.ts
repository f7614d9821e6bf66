import { Workbook, type CellValue as ExcelValue } from 'exceljs';
import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';

/** One cell's content as read: a number, a text, or nothing. Spreadsheet errors come as their text (`#DIV/0!`). */
export type FormValue = number | string | null;

/** One row of an indicator sheet: where it is, its code and the value columns of the national form. */
export interface FormRow {
  readonly sheet: string;
  /** 1-based row number in the sheet (the CSV's line for CSV, header = 1). */
  readonly row: number;
  readonly code: string;
  readonly denominator: FormValue;
  readonly numerator: FormValue;
  readonly achievement: FormValue;
  readonly explanation: FormValue;
}

/** A read form: its rows, and the header the export writes above them (regency, year, semester). */
export interface FormContent {
  readonly rows: readonly FormRow[];
  /** From the first indicator sheet's header (`Kota Metro (18.72)`, 2024, `I`); null in a CSV or when absent. */
  readonly regencyCode: string | null;
  readonly year: number | null;
  readonly semester: 1 | 2 | null;
}

/** Why a file could not be read at all; the rows of a readable file carry their own problems. */
export class FormReadError extends Error {
  constructor(
    readonly code: 'FORM_UNREADABLE' | 'FORM_TOO_LARGE_UNPACKED' | 'FORM_NO_INDICATOR_SHEET',
    message: string,
  ) {
    super(message);
  }
}

/** The column titles the semester report's XLSX writes (xlsx.ts `indicatorColumns`), as read back. */
const columnTitles = {
  code: 'KODE INDIKATOR',
  denominator: 'PENYEBUT',
  numerator: 'PEMBILANG',
  achievement: 'CAPAIAN',
  explanation: 'PENJELASAN',
} as const;
type Column = keyof typeof columnTitles;

/** A workbook unpacks to many times its size; past this it is refused before it is parsed. */
const maxUnpackedBytes = 50 * 1024 * 1024;
const maxRows = 5_000;

function plain(value: ExcelValue): FormValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString();
  if ('error' in value) return String(value.error);
  if ('richText' in value) return plain(value.richText.map((part) => part.text).join(''));
  if ('result' in value) return plain((value.result ?? null) as ExcelValue);
  if ('text' in value) return plain(String(value.text));
  return null;
}

function columnsOf(titles: readonly FormValue[]): Partial<Record<Column, number>> | undefined {
  const found: Partial<Record<Column, number>> = {};
  titles.forEach((title, i) => {
    const text = typeof title === 'string' ? title.trim().toUpperCase() : '';
    for (const [column, wanted] of Object.entries(columnTitles) as [Column, string][]) {
      if (text === wanted && found[column] === undefined) found[column] = i;
    }
  });
  // The gaps and notes sheets name codes too, but carry no CAPAIAN: they are no indicator sheets.
  return found.code === undefined || found.achievement === undefined ? undefined : found;
}

/**
 * The indicator rows of a workbook in the layout the semester report's XLSX writes: every sheet
 * whose column titles (in the first ten rows) name KODE INDIKATOR, read by column title so a moved
 * column still reads. Refuses a file that is no workbook or unpacks past 50 MB (a zip bomb).
 */
export async function readIndicatorWorkbook(content: Buffer): Promise<FormContent> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(content);
  } catch {
    throw new FormReadError('FORM_UNREADABLE', 'Berkas bukan buku kerja XLSX yang dapat dibaca.');
  }
  const unpacked = Object.values(zip.files).reduce(
    (sum, entry) =>
      sum + ((entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0),
    0,
  );
  if (unpacked > maxUnpackedBytes) {
    throw new FormReadError(
      'FORM_TOO_LARGE_UNPACKED',
      'Isi buku kerja terlalu besar setelah dibuka (lebih dari 50 MB).',
    );
  }
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(content as never);
  } catch {
    throw new FormReadError('FORM_UNREADABLE', 'Berkas bukan buku kerja XLSX yang dapat dibaca.');
  }
  const rows: FormRow[] = [];
  let header: Omit<FormContent, 'rows'> | undefined;
  for (const sheet of workbook.worksheets) {
    let columns: Partial<Record<Column, number>> | undefined;
    let headerRow = 0;
    for (let r = 1; r <= Math.min(10, sheet.rowCount) && !columns; r++) {
      const values = sheet.getRow(r).values as ExcelValue[];
      columns = columnsOf(values.map(plain));
      headerRow = r;
    }
    if (!columns) continue;
    header ??= headerOf(
      plain(sheet.getCell('C2').value),
      plain(sheet.getCell('C3').value),
      plain(sheet.getCell('C4').value),
    );
    const take = (values: readonly FormValue[], column: Column) => {
      const at = columns?.[column];
      return at === undefined ? null : (values[at] ?? null);
    };
    for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
      const values = (sheet.getRow(r).values as ExcelValue[]).map(plain);
      const code = take(values, 'code');
      if (code === null) continue;
      rows.push({
        sheet: sheet.name,
        row: r,
        code: String(code),
        denominator: take(values, 'denominator'),
        numerator: take(values, 'numerator'),
        achievement: take(values, 'achievement'),
        explanation: take(values, 'explanation'),
      });
      if (rows.length > maxRows)
        throw new FormReadError('FORM_UNREADABLE', `Berkas memuat lebih dari ${maxRows} baris.`);
    }
  }
  if (rows.length === 0) {
    throw new FormReadError(
      'FORM_NO_INDICATOR_SHEET',
      'Tidak ada lembar dengan kolom KODE INDIKATOR; gunakan format laporan semester (unduhan .xlsx).',
    );
  }
  return { rows, ...(header ?? { regencyCode: null, year: null, semester: null }) };
}

/** The header the export writes (xlsx.ts `header`): "Kota Metro (18.72)", the year, "I" or "II". */
function headerOf(regency: FormValue, year: FormValue, semester: FormValue): Omit<FormContent, 'rows'> {
  const code = /\((\d{2}\.\d{2})\)\s*$/.exec(String(regency ?? ''))?.[1] ?? null;
  const y = typeof year === 'number' && Number.isInteger(year) ? year : null;
  const s = semester === 'I' || semester === 1 ? 1 : semester === 'II' || semester === 2 ? 2 : null;
  return { regencyCode: code, year: y, semester: s };
}

/**
 * The indicator rows of a CSV with the same column titles (KODE INDIKATOR, PENYEBUT, PEMBILANG,
 * CAPAIAN, PENJELASAN); semicolons or commas, as the spreadsheet's locale saves it.
 */
export function readIndicatorCsv(text: string): FormContent {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter: (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',',
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
    }) as string[][];
  } catch {
    throw new FormReadError('FORM_UNREADABLE', 'CSV tidak dapat dibaca (periksa tanda kutip dan pemisah kolom).');
  }
  const columns = columnsOf(records[0] ?? []);
  if (!columns) {
    throw new FormReadError('FORM_NO_INDICATOR_SHEET', 'Baris pertama CSV harus memuat judul kolom KODE INDIKATOR.');
  }
  if (records.length > maxRows + 1)
    throw new FormReadError('FORM_UNREADABLE', `Berkas memuat lebih dari ${maxRows} baris.`);
  const take = (values: readonly string[], column: Column): FormValue => {
    const at = columns[column];
    const text = at === undefined ? '' : (values[at] ?? '');
    return text === '' ? null : text;
  };
  const rows = records.slice(1).flatMap((values, i) => {
    const code = take(values, 'code');
    return code === null
      ? []
      : [
          {
            sheet: 'CSV',
            row: i + 2,
            code: String(code),
            denominator: take(values, 'denominator'),
            numerator: take(values, 'numerator'),
            achievement: take(values, 'achievement'),
            explanation: take(values, 'explanation'),
          },
        ];
  });
  return { rows, regencyCode: null, year: null, semester: null };
}
