import { findIndicator, regencyUnits } from '@konvergensi/domain';
import { Workbook } from 'exceljs';
import { compileSemesterReport, reportRows, type SemesterReportInput } from './compile';
import { indicatorLine, noteLine, pdfSections, renderSemesterReportPdf } from './pdf';
import { readSnapshot } from './snapshot';
import { readIndicatorCsv, readIndicatorWorkbook } from './form-read';
import { indicatorColumns, renderSemesterReportXlsx, xlsxRowPositions } from './xlsx';

/** Metro's first semester of 2024 with the given values and nothing else. */
function metroReport(values: SemesterReportInput['values']) {
  return compileSemesterReport({
    regency: { code: '18.72', name: 'Kota Metro' },
    year: 2024,
    semester: 1,
    generatedAt: '2024-07-12T03:00:00.000Z',
    units: regencyUnits('18.72').map((u) => ({ code: u.code, name: u.name, roles: u.roles })),
    values,
    audits: [],
    actions: null,
    plannedActivities: [],
    lokus: { source: 'none', description: 'Belum ada daftar lokus.', villages: [] },
  });
}

const report = metroReport([
  {
    code: 'Pilar 3. A7',
    reportedCode: 'Pilar 3. A7',
    reportedKind: 'percentage',
    input: { kind: 'fraction', numerator: 930, denominator: 2084 },
  },
  { code: 'Pilar 1. A2', reportedCode: 'Pilar 1. A2', reportedKind: 'yesNo', input: { kind: 'yesNo', value: true } },
]);

describe('renderSemesterReportXlsx', () => {
  it('writes one sheet per block with the header rows and the indicator columns of the national form', async () => {
    const workbook = new Workbook();
    await workbook.xlsx.load((await renderSemesterReportXlsx(report)) as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Blok 1',
      'Blok 2',
      'Blok 3',
      'Kekurangan Data',
      'Catatan',
      'Anggaran',
    ]);
    const sheet = workbook.getWorksheet('Blok 2');
    expect(sheet?.getCell('C2').value).toBe('Kota Metro (18.72)');
    expect(sheet?.getCell('C4').value).toBe('I');
    expect(sheet?.getRow(6).values).toEqual([undefined, ...indicatorColumns]);
    const a7 = xlsxRowPositions(report).find((p) => p.code === 'Pilar 3. A7');
    const row = sheet?.getRow(a7?.row ?? 0);
    expect([2, 4, 5].map((c) => row?.getCell(c).value)).toEqual(['Pilar 3. A7', 2084, 930]);
    // The cell keeps the exact value; its format shows Metro's two decimals.
    expect(row?.getCell(6).value).toBeCloseTo(44.6257, 4);
    expect(row?.getCell(6).numFmt).toBe('0.00');
  });
});

describe('printed precision of each reporting code', () => {
  const reported = (reportedCode: string, numerator: number, denominator: number) => {
    const match = findIndicator(reportedCode);
    if (!match) throw new Error(`unknown code ${reportedCode}`);
    return {
      code: match.indicator.code,
      reportedCode: match.code.code,
      reportedKind: match.code.kind,
      input: { kind: 'fraction' as const, numerator, denominator },
    };
  };
  // 003 §F: "32%" for 3.082 of 9.590, "99,6%" for 7.848 of 7.878; 000 Tabel 2: "7,0" for 39 of 557.
  const precise = metroReport([
    reported('Blok 1A Indikator 2', 3082, 9590),
    reported('Blok 3B Indikator 29', 7848, 7878),
    reported('RAN PASTI Operasional 12', 39, 557),
    reported('Pilar 2. A2', 47432, 47432),
  ]);
  const rowOf = (code: string) => {
    const row = reportRows(precise).find((r) => r.code === findIndicator(code)?.indicator.code);
    if (!row) throw new Error(`no row for ${code}`);
    return row;
  };

  it('prints each value at the decimals of the code it was reported under, with the two-decimal value beside a coarser one', () => {
    expect(rowOf('Blok 1A Indikator 2')).toMatchObject({ display: '32', detail: '32,14', printedDecimals: 0 });
    expect(rowOf('Blok 3B Indikator 29')).toMatchObject({ display: '99,6', detail: '99,62', printedDecimals: 1 });
    expect(rowOf('RAN PASTI Operasional 12')).toMatchObject({ display: '7,0', detail: null, printedDecimals: 1 });
    expect(rowOf('Pilar 2. A2')).toMatchObject({ display: '100', detail: null, printedDecimals: 2 });
    expect(indicatorLine(rowOf('Blok 1A Indikator 2'))[4]).toBe('32 (32,14)');
    expect(indicatorLine(rowOf('RAN PASTI Operasional 12'))[4]).toBe('7,0');
  });

  it('writes the exact value in the workbook with a number format of the printed decimals', async () => {
    const workbook = new Workbook();
    await workbook.xlsx.load((await renderSemesterReportXlsx(precise)) as never);
    const cellOf = (code: string) => {
      const position = xlsxRowPositions(precise).find((p) => p.code === rowOf(code).code);
      const cell = workbook
        .getWorksheet(position?.sheet ?? '')
        ?.getRow(position?.row ?? 0)
        .getCell(6);
      return { value: cell?.value, numFmt: cell?.numFmt };
    };
    expect(cellOf('Blok 1A Indikator 2')).toEqual({ value: (3082 * 100) / 9590, numFmt: '0' });
    expect(cellOf('Blok 3B Indikator 29')).toEqual({ value: (7848 * 100) / 7878, numFmt: '0.0' });
    expect(cellOf('RAN PASTI Operasional 12')).toEqual({ value: (39 * 100) / 557, numFmt: '0.0' });
    expect(cellOf('Pilar 2. A2')).toEqual({ value: 100, numFmt: '0' });
  });
});

describe('renderSemesterReportPdf', () => {
  it('produces a PDF document with every section heading', async () => {
    const pdf = await renderSemesterReportPdf(report);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5000);
    expect(Object.keys(pdfSections)).toHaveLength(9);
  });
});

describe('sub-rows and data not available in the workbook', () => {
  const withSubRows = metroReport([
    { code: 'Pilar 1. A3', reportedCode: 'Pilar 1. A3', reportedKind: 'yesNo', input: { kind: 'yesNo', value: true } },
    {
      code: 'Pilar 1. A3_a',
      reportedCode: 'Pilar 1. A3_a',
      reportedKind: 'count',
      input: { kind: 'count', value: 22 },
    },
    {
      code: 'Pilar 3. A7',
      reportedCode: 'Pilar 3. A7',
      reportedKind: 'percentage',
      input: { kind: 'notAvailable', reason: 'Belum ada pendataan di tingkat desa' },
    },
  ]);

  it('keeps the Ya of Pilar 1. A3 and prints its sub-row A3_a unnumbered right beneath it', async () => {
    const workbook = new Workbook();
    await workbook.xlsx.load((await renderSemesterReportXlsx(withSubRows)) as never);
    const positions = xlsxRowPositions(withSubRows);
    const parent = positions.find((p) => p.code === 'Pilar 1. A3');
    const child = positions.find((p) => p.code === 'Pilar 1. A3_a');
    expect(child?.row).toBe((parent?.row ?? 0) + 1);
    const sheet = workbook.getWorksheet(parent?.sheet ?? '');
    expect(sheet?.getRow(parent?.row ?? 0).getCell(6).value).toBe('Ya');
    expect(typeof sheet?.getRow(parent?.row ?? 0).getCell(1).value).toBe('number');
    expect(sheet?.getRow(child?.row ?? 0).getCell(1).value).toBe('');
    expect(sheet?.getRow(child?.row ?? 0).getCell(6).value).toBe(22);
  });

  it('prints NA as the achievement and the reason in the explanation, and counts it in the summary', async () => {
    const row = withSubRows.blocks
      .flatMap((b) => b.sections.flatMap((s) => s.rows))
      .find((r) => r.code === 'Pilar 3. A7');
    expect(row?.source).toBe('notAvailable');
    expect(row?.explanation).toBe('Data tidak tersedia: Belum ada pendataan di tingkat desa');
    expect(withSubRows.summary.notAvailable).toBe(1);
    expect(withSubRows.summary.text[1]).toContain('1 dinyatakan data tidak tersedia');
    const workbook = new Workbook();
    await workbook.xlsx.load((await renderSemesterReportXlsx(withSubRows)) as never);
    const at = xlsxRowPositions(withSubRows).find((p) => p.code === 'Pilar 3. A7');
    expect(
      workbook
        .getWorksheet(at?.sheet ?? '')
        ?.getRow(at?.row ?? 0)
        .getCell(6).value,
    ).toBe('NA');
  });
});

describe('plausibility notes ("Catatan")', () => {
  const questioned = metroReport([
    {
      code: 'Pilar 3. A7',
      reportedCode: 'Pilar 3. A7',
      reportedKind: 'percentage',
      input: { kind: 'fraction', numerator: 2100, denominator: 2084 },
      warnings: ['Pembilang (2.100) lebih besar dari penyebut (2.084): capaian di atas 100%.'],
      confirmationNote: 'Sasaran memakai proyeksi tahun lalu',
    },
    {
      code: 'Pilar 1. A5',
      reportedCode: 'Pilar 1. A5',
      reportedKind: 'count',
      input: { kind: 'count', value: 30 },
      warnings: ['30 melebihi jumlah desa/kelurahan Kota Metro (22) menurut data wilayah.'],
      confirmationNote: null,
    },
    { code: 'Pilar 1. A2', reportedCode: 'Pilar 1. A2', reportedKind: 'yesNo', input: { kind: 'yesNo', value: true } },
  ]);

  it('lists the questioned values in catalogue order with their confirmation, and says so in the summary', () => {
    expect(questioned.notes.map((n) => [n.code, n.confirmationNote])).toEqual([
      ['Pilar 1. A5', null],
      ['Pilar 3. A7', 'Sasaran memakai proyeksi tahun lalu'],
    ]);
    expect(questioned.summary.text.at(-1)).toBe(
      '2 nilai diberi peringatan kewajaran data, 1 belum dikonfirmasi (lihat Catatan).',
    );
    expect(noteLine(questioned.notes[0]!)).toEqual([
      'Pilar 1. A5',
      '30 melebihi jumlah desa/kelurahan Kota Metro (22) menurut data wilayah.',
      'Belum dikonfirmasi',
    ]);
    expect(noteLine(questioned.notes[1]!)[2]).toBe('Dikonfirmasi: Sasaran memakai proyeksi tahun lalu');
  });

  it('writes them to the workbook sheet "Catatan"', async () => {
    const workbook = new Workbook();
    await workbook.xlsx.load((await renderSemesterReportXlsx(questioned)) as never);
    const sheet = workbook.getWorksheet('Catatan');
    expect(sheet?.getRow(7).values).toEqual([
      undefined,
      1,
      'Pilar 1. A5',
      expect.stringContaining('desa/kelurahan'),
      '30 melebihi jumlah desa/kelurahan Kota Metro (22) menurut data wilayah.',
      'Belum dikonfirmasi',
    ]);
    expect(sheet?.getRow(8).getCell(5).value).toBe('Sasaran memakai proyeksi tahun lalu');
  });
});

describe('reading an archived snapshot', () => {
  it('renders a report compiled before sub-rows, printed decimals and notes existed', async () => {
    type Loose = Record<string, unknown>;
    const current = JSON.parse(JSON.stringify(report)) as Loose & {
      blocks: { sections: { rows: (Loose & { achievement: Loose | null })[] }[] }[];
    };
    // Strip what earlier releases did not write.
    delete current.notes;
    for (const block of current.blocks)
      for (const section of block.sections)
        for (const row of section.rows) {
          delete row.subRows;
          delete row.printedDecimals;
          delete row.detail;
          if (row.achievement?.status === 'computed') delete row.achievement.exact;
        }
    const archived = readSnapshot(current);
    expect(archived.notes).toEqual([]);
    const a7 = reportRows(archived).find((r) => r.code === 'Pilar 3. A7');
    expect(a7).toMatchObject({ printedDecimals: 2, detail: null, subRows: [], achievement: { exact: 44.63 } });
    const workbook = new Workbook();
    await workbook.xlsx.load((await renderSemesterReportXlsx(archived)) as never);
    expect(workbook.getWorksheet('Catatan')).toBeDefined();
    const pdf = await renderSemesterReportPdf(archived);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

describe('reading the workbook back', () => {
  it('finds every written indicator row with its parts, achievement and explanation, and the header', async () => {
    const form = await readIndicatorWorkbook(await renderSemesterReportXlsx(report));
    expect(form).toMatchObject({ regencyCode: '18.72', year: 2024, semester: 1 });
    const a7 = form.rows.find((r) => r.code === 'Pilar 3. A7');
    expect(a7).toMatchObject({ sheet: 'Blok 2', denominator: 2084, numerator: 930 });
    expect(a7?.achievement).toBeCloseTo(44.6257, 4);
    expect(form.rows.find((r) => r.code === 'Pilar 1. A2')).toMatchObject({ achievement: 'Ya' });
    // Only indicator sheets: the gaps sheet lists codes too, but has no CAPAIAN.
    expect(new Set(form.rows.map((r) => r.sheet))).toEqual(new Set(['Blok 1', 'Blok 2', 'Blok 3']));
  });

  it('refuses a file that is no workbook, and reads a CSV by its column titles', async () => {
    await expect(readIndicatorWorkbook(Buffer.from('PK\u0003\u0004 bukan zip'))).rejects.toMatchObject({
      code: 'FORM_UNREADABLE',
    });
    const csv = readIndicatorCsv('PENJELASAN;KODE INDIKATOR;CAPAIAN\n;Pilar 1. A5;22\nx;;\n');
    expect(csv.rows).toEqual([
      {
        sheet: 'CSV',
        row: 2,
        code: 'Pilar 1. A5',
        denominator: null,
        numerator: null,
        achievement: '22',
        explanation: null,
      },
    ]);
    expect(() => readIndicatorCsv('a,b\n1,2')).toThrow(/KODE INDIKATOR/);
  });
});
