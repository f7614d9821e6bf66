import { regencyUnits } from '@konvergensi/domain';
import { Workbook } from 'exceljs';
import { compileSemesterReport } from './compile';
import { pdfSections, renderSemesterReportPdf } from './pdf';
import { indicatorColumns, renderSemesterReportXlsx, xlsxRowPositions } from './xlsx';

const report = compileSemesterReport({
  regency: { code: '18.72', name: 'Kota Metro' },
  year: 2024,
  semester: 1,
  generatedAt: '2024-07-12T03:00:00.000Z',
  units: regencyUnits('18.72').map((u) => ({ code: u.code, name: u.name, roles: u.roles })),
  values: [
    {
      code: 'Pilar 3. A7',
      reportedCode: 'Pilar 3. A7',
      reportedKind: 'percentage',
      input: { kind: 'fraction', numerator: 930, denominator: 2084 },
    },
    { code: 'Pilar 1. A2', reportedCode: 'Pilar 1. A2', reportedKind: 'yesNo', input: { kind: 'yesNo', value: true } },
  ],
  audits: [],
  actions: null,
  plannedActivities: [],
  lokus: { source: 'none', description: 'Belum ada daftar lokus.', villages: [] },
});

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
