import { regencyUnits } from '@konvergensi/domain';
import { Workbook } from 'exceljs';
import { compileSemesterReport, type SemesterReportInput } from './compile';
import { pdfSections, renderSemesterReportPdf } from './pdf';
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
      'Anggaran',
    ]);
    const sheet = workbook.getWorksheet('Blok 2');
    expect(sheet?.getCell('C2').value).toBe('Kota Metro (18.72)');
    expect(sheet?.getCell('C4').value).toBe('I');
    expect(sheet?.getRow(6).values).toEqual([undefined, ...indicatorColumns]);
    const a7 = xlsxRowPositions(report).find((p) => p.code === 'Pilar 3. A7');
    const row = sheet?.getRow(a7?.row ?? 0);
    expect([2, 4, 5, 6].map((c) => row?.getCell(c).value)).toEqual(['Pilar 3. A7', 2084, 930, 44.63]);
  });
});

describe('renderSemesterReportPdf', () => {
  it('produces a PDF document with every section heading', async () => {
    const pdf = await renderSemesterReportPdf(report);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5000);
    expect(Object.keys(pdfSections)).toHaveLength(8);
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
