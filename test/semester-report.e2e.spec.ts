import type { DataSource } from 'typeorm';
import request from 'supertest';
import { Workbook } from 'exceljs';
import { execFileSync } from 'node:child_process';
import { CompiledReportRecord } from '@konvergensi/persistence';
import { metroPercentageRows, metroRowsThatDisagree } from '../libs/domain/src/indicators/fixtures/metro-tabel-2';
import {
  expectErrorBody,
  expectStatus,
  Logins,
  openDatabase,
  startFileStack,
  type FileStack,
  binaryBody,
} from './support/fixtures';

/** A year no other test file uses, so the shared database holds only this file's report. */
const year = 2031;
const base = `/api/v1/regencies/18.72/reports/${year}/1`;

interface Row {
  code: string;
  name: string;
  denominator: number | null;
  numerator: number | null;
  display: string;
  explanation: string;
  source: string;
  achievement: { status: string; value?: number } | null;
}
interface Report {
  regency: { code: string; name: string };
  blocks: { number: number; sections: { block: string; rows: Row[] }[] }[];
  gaps: { code: string; unitCode: string | null; reason: string }[];
  gapsByUnit: { unitCode: string | null; codes: string[] }[];
  summary: { gaps: number; filled: number };
  lifecycle: { status: string } | null;
}
interface Plan {
  units: { unitCode: string; indicatorCodes: string[] }[];
  derivedIndicatorCodes: string[];
}

/**
 * Text of a PDF read with unpdf's extractText. unpdf loads PDF.js with a dynamic import, which
 * Jest's VM refuses, so the reading runs in a plain Node process.
 */
function pdfText(pdf: Buffer): { pages: number; text: string } {
  const script = [
    "const { extractText, getDocumentProxy } = await import('unpdf');",
    'const chunks = [];',
    'for await (const chunk of process.stdin) chunks.push(chunk);',
    'const document = await getDocumentProxy(new Uint8Array(Buffer.concat(chunks)));',
    'const { totalPages, text } = await extractText(document, { mergePages: true });',
    'process.stdout.write(JSON.stringify({ pages: totalPages, text }));',
  ].join('\n');
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { input: pdf, cwd: __dirname });
  return JSON.parse(output.toString('utf8')) as { pages: number; text: string };
}

const rowsOf = (report: Report): Row[] => report.blocks.flatMap((b) => b.sections.flatMap((s) => s.rows));

/** "46,99" → 46.99 with 2 decimals; "100" → 100 with 0. */
function printedNumber(printed: string): { value: number; decimals: number } {
  const [, fraction = ''] = printed.split(',');
  return { value: Number(printed.replace(',', '.')), decimals: fraction.length };
}

const roundTo = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

describe('semester report', () => {
  let stack: FileStack;
  let db: DataSource;
  let logins: Logins;
  let plan: Plan;
  let report: Report;
  const http = () => request(stack.baseUrl);

  beforeAll(async () => {
    stack = await startFileStack('semester-report');
    db = await openDatabase();
    logins = new Logins(stack.baseUrl);
    const planResponse = expectStatus(
      await http()
        .get(`${base}/collection-plan`)
        .set(await logins.bearer('metro.sekretaris')),
      200,
    );
    plan = planResponse.body as Plan;
    // Each unit submits its own rows of 000 Tabel 2, as the data-collection tasks ask it to.
    const byUnit = new Map<string, { code: string; numerator: number; denominator: number }[]>();
    for (const [code, denominator, numerator] of metroPercentageRows) {
      const unit = plan.units.find((u) => u.indicatorCodes.includes(code))?.unitCode ?? 'SEKRETARIAT_TPPS';
      byUnit.set(unit, [...(byUnit.get(unit) ?? []), { code, numerator, denominator }]);
    }
    for (const [unit, values] of byUnit) {
      const username = `metro.${unit.toLowerCase().replace(/_/g, '-')}`;
      expectStatus(
        await http()
          .put(`/api/v1/regencies/18.72/indicators/${year}/1`)
          .set(await logins.bearer(username))
          .send({ values }),
        200,
      );
    }
    const live = expectStatus(
      await http()
        .get(base)
        .set(await logins.bearer('metro.sekretaris')),
      200,
    );
    report = live.body as Report;
  });

  afterAll(async () => {
    await db?.destroy();
    await stack?.stop();
  });

  describe('compiled from the submitted values of 000 Tabel 2', () => {
    const disagreeing = new Set(metroRowsThatDisagree.map(([code]) => code));

    it.each(metroPercentageRows.filter(([code]) => !disagreeing.has(code)))(
      'reproduces %s from %d and %d as the printed %s',
      (code, denominator, numerator, printed) => {
        const row = rowsOf(report).find((r) => r.code === code);
        expect(row).toMatchObject({ denominator, numerator, source: 'submitted' });
        const { value, decimals } = printedNumber(printed);
        expect(row?.achievement?.status).toBe('computed');
        expect(roundTo(row?.achievement?.value ?? NaN, decimals)).toBe(value);
        // Printed as the form prints it: two decimals, one for Operasional 12 and 17, whole values bare.
        expect(row?.display).toBe(printed);
      },
    );

    it.each(metroRowsThatDisagree)(
      'names %s, printed %s for 0/0, as disagreeing: the report says "%s"',
      (code, printed, library) => {
        const row = rowsOf(report).find((r) => r.code === code);
        expect(row).toMatchObject({ denominator: 0, numerator: 0, display: library });
        expect(row?.display).not.toBe(printed);
        expect(row?.explanation).toContain('Penyebut 0');
      },
    );

    it('shows a unit that submitted nothing as a gap with every indicator it owes', () => {
      const submitted = new Set(metroPercentageRows.map(([code]) => code));
      const silent = plan.units.filter((u) => u.indicatorCodes.every((c) => !submitted.has(c)));
      expect(silent.map((u) => u.unitCode)).toEqual(expect.arrayContaining(['KEMENAG', 'KECAMATAN']));
      for (const unit of silent) {
        const owed = report.gapsByUnit.find((g) => g.unitCode === unit.unitCode);
        expect(owed?.codes.sort()).toEqual([...unit.indicatorCodes].sort());
      }
      expect(report.summary.gaps).toBe(report.gaps.length);
      expect(report.gaps.filter((g) => g.reason === 'notSubmitted').length).toBeGreaterThan(0);
    });

    it('leaves the audit-derived indicators out of the units and shows them missing until an audit is recorded', () => {
      expect(plan.units.flatMap((u) => u.indicatorCodes)).not.toContain('RAN PASTI Operasional 39');
      expect(plan.derivedIndicatorCodes).toContain('RAN PASTI Operasional 39');
      expect(report.gaps.find((g) => g.code === 'RAN PASTI Operasional 39')).toMatchObject({
        reason: 'noAuditData',
        unitCode: 'TIM_AKS',
      });
    });
  });

  describe('exports', () => {
    it('writes an XLSX laid out like the national form, checked cell by cell for a sample of rows', async () => {
      const response = await http()
        .get(`${base}.xlsx`)
        .set(await logins.bearer('metro.sekretaris'))
        .buffer(true)
        .parse(binaryBody);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toContain('spreadsheetml');
      const workbook = new Workbook();
      await workbook.xlsx.load(response.body as never);
      expect(workbook.worksheets.map((s) => s.name)).toEqual(
        expect.arrayContaining(['Blok 1', 'Blok 2', 'Blok 3', 'Kekurangan Data', 'Anggaran']),
      );
      const sheet = workbook.getWorksheet('Blok 2');
      expect(sheet?.getCell('C2').value).toBe('Kota Metro (18.72)');
      expect(sheet?.getCell('C3').value).toBe(year);
      expect(sheet?.getCell('C4').value).toBe('I');
      expect(sheet?.getRow(6).getCell(2).value).toBe('KODE INDIKATOR');
      const rowOf = (code: string) => {
        const sheetName = code.startsWith('RAN PASTI') ? 'Blok 3' : 'Blok 2';
        const ws = workbook.getWorksheet(sheetName);
        let found: number[] = [];
        ws?.eachRow((row, n) => {
          if (row.getCell(2).value === code) found = [n];
        });
        return found.length ? ws?.getRow(found[0] ?? 0) : undefined;
      };
      // The CAPAIAN cell holds the exact value; its number format shows the form's decimals.
      const sample: [string, number, number, number | string, string][] = [
        ['Pilar 3. A7', 2084, 930, (930 * 100) / 2084, '0.00'],
        ['Pilar 2. A3', 15706, 7380, (7380 * 100) / 15706, '0.00'],
        ['RAN PASTI Operasional 13', 306, 56, (56 * 100) / 306, '0.00'],
        ['RAN PASTI Operasional 12', 557, 39, (39 * 100) / 557, '0.0'],
        ['Pilar 4. A3', 0, 0, 'tidak dapat dihitung', 'General'],
      ];
      for (const [code, denominator, numerator, achievement, numFmt] of sample) {
        const row = rowOf(code);
        expect([code, row?.getCell(4).value, row?.getCell(5).value, row?.getCell(6).value]).toEqual([
          code,
          denominator,
          numerator,
          achievement,
        ]);
        expect(row?.getCell(6).numFmt ?? 'General').toBe(numFmt);
        expect(String(row?.getCell(3).value)).toBe(rowsOf(report).find((r) => r.code === code)?.name);
      }
    });

    it('writes a PDF that opens and has the sections of the seed reports', async () => {
      const response = await http()
        .get(`${base}.pdf`)
        .set(await logins.bearer('lampung.provinsi'))
        .buffer(true)
        .parse(binaryBody);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toContain('application/pdf');
      const { pages, text } = pdfText(response.body as Buffer);
      expect(pages).toBeGreaterThan(1);
      for (const section of [
        'Ringkasan',
        'Kegiatan TPPS',
        'Capaian Indikator',
        'Status Aksi Konvergensi',
        'Tahapan Audit Kasus Stunting',
        'Anggaran menurut Unit dan Sumber Dana',
        'Daftar Lokus',
        'Kekurangan Data',
      ]) {
        expect(text).toContain(section);
      }
      expect(text).toContain('Pilar 3. A7');
      expect(text).toContain('44,63');
      // The gaps section names the unit that submitted nothing.
      expect(text.slice(text.lastIndexOf('Kekurangan Data'))).toContain('Kemenag/KUA');
    });

    it('lists the JSON, XLSX and PDF paths in the OpenAPI document', async () => {
      const document = await http().get('/api/docs-json');
      const paths = Object.keys(document.body.paths as Record<string, unknown>);
      expect(paths).toEqual(
        expect.arrayContaining([
          '/api/v1/regencies/{code}/reports/{year}/{semester}',
          '/api/v1/regencies/{code}/reports/{year}/{semester}.xlsx',
          '/api/v1/regencies/{code}/reports/{year}/{semester}.pdf',
          '/api/v1/regencies/{code}/reports/{year}/{semester}/collection-plan',
        ]),
      );
    });
  });

  describe('lifecycle', () => {
    const step = async (action: string, username: string) =>
      http()
        .post(`${base}/${action}`)
        .set(await logins.bearer(username))
        .send({});

    it('refuses review before the report is compiled with 409', async () => {
      const response = await step('review', 'metro.sekretaris');
      expect(response.status).toBe(409);
      expectErrorBody(response.body, 'REPORT_NOT_COMPILED');
    });

    it('goes compiled, reviewed, approved, sent in that order and refuses every step out of order', async () => {
      expect((await step('approve', 'metro.ketua')).status).toBe(409);
      const compiled = await step('compile', 'metro.sekretaris');
      expect(compiled.status).toBe(200);
      expect(compiled.body).toMatchObject({ status: 'compiled' });

      const early = await step('approve', 'metro.ketua');
      expect(early.status).toBe(409);
      expectErrorBody(early.body, 'REPORT_WRONG_STAGE');
      expect((await step('send', 'metro.sekretaris')).status).toBe(409);

      expect((await step('review', 'metro.ketua')).status).toBe(403);
      expect((await step('review', 'metro.sekretaris')).body).toMatchObject({ status: 'reviewed' });
      expect((await step('review', 'metro.sekretaris')).status).toBe(409);
      expect((await step('approve', 'metro.sekretaris')).status).toBe(403);
      expect((await step('approve', 'metro.ketua')).body).toMatchObject({ status: 'approved' });

      const recompile = await step('compile', 'metro.sekretaris');
      expect(recompile.status).toBe(409);
      expectErrorBody(recompile.body, 'REPORT_ALREADY_APPROVED');

      expect((await step('send', 'metro.sekretaris')).body).toMatchObject({ status: 'sent' });
      const stored = await db
        .getRepository(CompiledReportRecord)
        .findOneByOrFail({ regencyCode: '18.72', year, semester: 1, format: 'json' });
      expect(stored).toMatchObject({ lifecycle: 'sent' });
      expect(stored.reviewedAt && stored.approvedAt && stored.sentAt).toBeTruthy();

      const archived = await http()
        .get(`${base}?versi=arsip`)
        .set(await logins.bearer('lampung.provinsi'));
      expect(archived.status).toBe(200);
      expect(archived.body).toMatchObject({ lifecycle: { status: 'sent' }, regency: { code: '18.72' } });
    });
  });

  describe('tenancy and input', () => {
    it("answers a Dumai user 404 for Metro's report, its exports and its lifecycle", async () => {
      for (const path of [base, `${base}.xlsx`, `${base}.pdf`, `${base}/collection-plan`]) {
        const response = await http()
          .get(path)
          .set(await logins.bearer('dumai.sekretaris'));
        expect(response.status).toBe(404);
        expectErrorBody(response.body, 'REGENCY_NOT_FOUND');
      }
      const compile = await http()
        .post(`${base}/compile`)
        .set(await logins.bearer('dumai.sekretaris'))
        .send({});
      expect(compile.status).toBe(404);
      const riau = await http()
        .get(base)
        .set(await logins.bearer('riau.provinsi'));
      expect(riau.status).toBe(404);
    });

    it('refuses a semester other than 1 or 2 with an Indonesian 400', async () => {
      const response = await http()
        .get(`/api/v1/regencies/18.72/reports/${year}/3`)
        .set(await logins.bearer('metro.sekretaris'));
      expect(response.status).toBe(400);
      expectErrorBody(response.body, 'VALIDATION_FAILED');
      expect(response.body.message).toContain('semester harus 1 atau 2');
    });
  });
});
