import { Workbook, type Worksheet } from 'exceljs';
import { type ReportRow, type SemesterReport } from './compile';
import { fundingSourceLabel, fundingSources, planningDocumentLabel, planningDocuments } from './planned-activities';

/** Column layout of every indicator sheet, as the national form prints it (000 Tabel 2, 003 §F). */
export const indicatorColumns = [
  'NO',
  'KODE INDIKATOR',
  'NAMA INDIKATOR',
  'PENYEBUT',
  'PEMBILANG',
  'CAPAIAN',
  'PENJELASAN',
  'TARGET NASIONAL',
  'MEMENUHI TARGET',
  'UNIT PENANGGUNG JAWAB',
] as const;

/** The first row of data on an indicator sheet (after the header rows and the column titles). */
export const firstDataRow = 7;

export const semesterRoman = (semester: 1 | 2): string => (semester === 1 ? 'I' : 'II');

function header(sheet: Worksheet, report: SemesterReport, title: string): void {
  sheet.getCell('A1').value = title;
  sheet.getCell('A1').font = { bold: true, size: 12 };
  sheet.getCell('A2').value = 'Kabupaten/Kota';
  sheet.getCell('C2').value = `${report.regency.name} (${report.regency.code})`;
  sheet.getCell('A3').value = 'Tahun';
  sheet.getCell('C3').value = report.year;
  sheet.getCell('A4').value = 'Semester';
  sheet.getCell('C4').value = semesterRoman(report.semester);
}

/** The CAPAIAN cell: a number where the form has one, otherwise the printed text. */
export function achievementCell(row: ReportRow): number | string {
  const value = row.achievement;
  if (value === null) return '-';
  // The exact value, shown at the printed decimals by the cell's number format.
  if (value.status === 'computed') return value.exact;
  if (value.status === 'count') return value.value;
  // The form's own mark for data that does not exist; the reason is in PENJELASAN.
  if (value.status === 'notAvailable') return 'NA';
  return value.display;
}

/** The number format showing a computed achievement as `display` does: whole values bare. */
export function printedFormat(exact: number, row: Pick<ReportRow, 'printedDecimals'>): string {
  const decimals = Number.isInteger(exact) ? 0 : row.printedDecimals;
  return decimals === 0 ? '0' : `0.${'0'.repeat(decimals)}`;
}

function metText(row: ReportRow): string {
  if (row.met === null) return '';
  return row.met ? 'Ya' : 'Belum';
}

function indicatorSheet(workbook: Workbook, report: SemesterReport, name: string, title: string) {
  const sheet = workbook.addWorksheet(name);
  header(sheet, report, title);
  const columns = sheet.getRow(firstDataRow - 1);
  columns.values = [...indicatorColumns];
  columns.font = { bold: true };
  sheet.columns.forEach((column, i) => {
    column.width = [5, 26, 70, 12, 12, 18, 40, 22, 12, 34][i] ?? 12;
  });
  return sheet;
}

/** The rows as written: each indicator, then its sub-rows (unnumbered, as the form prints them). */
function writtenRows(rows: readonly ReportRow[]): { row: ReportRow; numbered: boolean }[] {
  return rows.flatMap((row) => [
    { row, numbered: true },
    ...row.subRows.map((subRow) => ({ row: subRow, numbered: false })),
  ]);
}

function writeRows(sheet: Worksheet, start: number, rows: readonly ReportRow[], numbering: { n: number }): number {
  let at = start;
  for (const { row, numbered } of writtenRows(rows)) {
    if (numbered) numbering.n += 1;
    const r = sheet.getRow(at);
    r.values = [
      numbered ? numbering.n : '',
      row.code,
      row.name,
      row.denominator ?? '',
      row.numerator ?? '',
      achievementCell(row),
      row.explanation,
      row.target ?? '',
      metText(row),
      row.unitName ?? '',
    ];
    if (row.achievement?.status === 'computed') r.getCell(6).numFmt = printedFormat(row.achievement.exact, row);
    at += 1;
  }
  return at;
}

/**
 * The semester report as a workbook laid out like the national form: one sheet per block (1, 2,
 * 3) with the regency, year and semester on top and the columns code, name, denominator,
 * numerator, achievement, explanation; then the Tabel 1.1 coverage rows when present, the gaps,
 * and the budget by unit and funding source.
 */
export async function renderSemesterReportXlsx(report: SemesterReport): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'konvergensi';
  workbook.created = new Date(report.generatedAt);
  for (const block of report.blocks) {
    const sheet = indicatorSheet(
      workbook,
      report,
      `Blok ${block.number}`,
      `${block.title} - Semester ${semesterRoman(report.semester)} Tahun ${report.year}`,
    );
    let at = firstDataRow;
    const numbering = { n: 0 };
    for (const section of block.sections) {
      const heading = sheet.getRow(at);
      heading.getCell(2).value = section.title;
      heading.font = { bold: true };
      at = writeRows(sheet, at + 1, section.rows, numbering);
    }
  }
  if (report.coverage.length > 0) {
    const sheet = indicatorSheet(workbook, report, 'Tabel 1.1', 'Tabel 1.1 Cakupan Layanan');
    writeRows(sheet, firstDataRow, report.coverage, { n: 0 });
  }

  const gaps = workbook.addWorksheet('Kekurangan Data');
  header(gaps, report, 'Indikator yang belum terisi');
  gaps.getRow(firstDataRow - 1).values = ['NO', 'KODE INDIKATOR', 'NAMA INDIKATOR', 'UNIT', 'KETERANGAN'];
  gaps.getRow(firstDataRow - 1).font = { bold: true };
  report.gaps.forEach((gap, i) => {
    gaps.getRow(firstDataRow + i).values = [i + 1, gap.code, gap.name, gap.unitName ?? '', gap.message];
  });

  const notes = workbook.addWorksheet('Catatan');
  header(notes, report, 'Catatan kewajaran data');
  notes.getRow(firstDataRow - 1).values = ['NO', 'KODE INDIKATOR', 'NAMA INDIKATOR', 'PERINGATAN', 'KONFIRMASI'];
  notes.getRow(firstDataRow - 1).font = { bold: true };
  report.notes.forEach((note, i) => {
    notes.getRow(firstDataRow + i).values = [
      i + 1,
      note.code,
      note.name,
      note.warnings.join(' '),
      note.confirmationNote ?? 'Belum dikonfirmasi',
    ];
  });

  const budget = workbook.addWorksheet('Anggaran');
  header(budget, report, 'Anggaran menurut unit dan sumber dana (Aksi 2)');
  budget.getRow(firstDataRow - 1).values = [
    'UNIT',
    'JUMLAH KEGIATAN',
    'ANGGARAN (Rp)',
    ...fundingSources.map((s) => fundingSourceLabel[s]),
    ...planningDocuments.map((d) => `TERCANTUM DI ${planningDocumentLabel[d]}`),
  ];
  budget.getRow(firstDataRow - 1).font = { bold: true };
  const matrixRows = [...report.budget.units, { unitCode: '', unitName: 'JUMLAH', ...report.budget.total }];
  matrixRows.forEach((row, i) => {
    budget.getRow(firstDataRow + i).values = [
      row.unitName,
      row.activities,
      row.budget,
      ...fundingSources.map((s) => row.budgetBySource[s]),
      ...planningDocuments.map((d) => row.documents[d].included),
    ];
  });

  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer);
}

/** Every indicator row with the sheet and row number it is written to (for checks and previews). */
export function xlsxRowPositions(report: SemesterReport): { code: string; sheet: string; row: number }[] {
  const positions: { code: string; sheet: string; row: number }[] = [];
  for (const block of report.blocks) {
    let at = firstDataRow;
    for (const section of block.sections) {
      at += 1;
      for (const { row } of writtenRows(section.rows)) {
        positions.push({ code: row.code, sheet: `Blok ${block.number}`, row: at });
        at += 1;
      }
    }
  }
  return positions;
}
