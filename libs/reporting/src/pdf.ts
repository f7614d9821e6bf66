import PDFDocument from 'pdfkit';
import { type ReportNote, type ReportRow, type SemesterReport } from './compile';
import { fundingSourceLabel, fundingSources, planningDocumentLabel, planningDocuments } from './planned-activities';
import { semesterRoman } from './xlsx';

/** The section headings of the PDF, in order, after the seed reports (000, 003). */
export const pdfSections = {
  summary: 'Ringkasan',
  tpps: 'Kegiatan TPPS',
  indicators: 'Capaian Indikator',
  actions: 'Status Aksi Konvergensi',
  aks: 'Tahapan Audit Kasus Stunting',
  budget: 'Anggaran menurut Unit dan Sumber Dana',
  lokus: 'Daftar Lokus',
  gaps: 'Kekurangan Data',
  notes: 'Catatan',
} as const;

const rupiah = (n: number) => `Rp ${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;

/**
 * The standard PDF fonts encode WinAnsi only; characters outside it (curly quotes are fine, but
 * e.g. CJK or emoji from a typed-in name) would print as garbage, so they become "?".
 */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters never belong on the page
  return text.replace(/[\u0000-\u0008\u000b-\u001f]/g, ' ').replace(/[^\u0009\u000a\u0020-\u00ff\u2013-\u2026]/g, '?');
}

interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right';
}

class Writer {
  readonly doc: PDFKit.PDFDocument;
  private readonly left = 40;
  private readonly bottom: number;

  constructor(title: string) {
    this.doc = new PDFDocument({ size: 'A4', margin: 40, info: { Title: title, Creator: 'konvergensi' } });
    this.bottom = this.doc.page.height - 50;
  }

  heading(text: string, size = 13): void {
    this.ensure(40);
    this.doc.moveDown(0.6).font('Helvetica-Bold').fontSize(size).text(printable(text), this.left);
    this.doc.moveDown(0.3).font('Helvetica').fontSize(9);
  }

  paragraph(text: string): void {
    this.doc.font('Helvetica').fontSize(9).text(printable(text), this.left, undefined, { width: 515 });
    this.doc.moveDown(0.2);
  }

  private ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  private line(cells: readonly string[], columns: readonly Column[], bold: boolean): void {
    this.doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
    const heights = cells.map((cell, i) =>
      this.doc.heightOfString(printable(cell), { width: (columns[i]?.width ?? 60) - 4 }),
    );
    const height = Math.max(10, ...heights) + 3;
    this.ensure(height);
    const y = this.doc.y;
    let x = this.left;
    cells.forEach((cell, i) => {
      const column = columns[i];
      const width = (column?.width ?? 60) - 4;
      this.doc.text(printable(cell), x + 2, y, { width, align: column?.align ?? 'left' });
      x += column?.width ?? 60;
    });
    this.doc.x = this.left;
    this.doc.y = y + height;
    this.doc
      .moveTo(this.left, this.doc.y - 1)
      .lineTo(x, this.doc.y - 1)
      .lineWidth(0.3)
      .strokeColor('#999999')
      .stroke();
  }

  table(columns: readonly Column[], rows: readonly (readonly string[])[]): void {
    this.line(
      columns.map((c) => c.title),
      columns,
      true,
    );
    for (const row of rows) this.line(row, columns, false);
    this.doc.moveDown(0.4);
  }

  finish(): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
      this.doc.end();
    });
  }
}

const indicatorColumns: readonly Column[] = [
  { title: 'Kode', width: 85 },
  { title: 'Nama indikator', width: 185 },
  { title: 'Penyebut', width: 50, align: 'right' },
  { title: 'Pembilang', width: 50, align: 'right' },
  { title: 'Capaian', width: 55, align: 'right' },
  { title: 'Penjelasan', width: 90 },
];

/** A questioned value in "Catatan": its warnings and the officer's confirmation, or that none came yet. */
export const noteLine = (note: ReportNote): string[] => [
  note.code,
  note.warnings.join(' '),
  note.confirmationNote === null ? 'Belum dikonfirmasi' : `Dikonfirmasi: ${note.confirmationNote}`,
];

/** One indicator's cells in the PDF: the printed achievement, with the two-decimal value beside a coarser one. */
export const indicatorLine = (row: ReportRow): string[] => [
  row.code,
  row.name,
  row.denominator === null ? '' : String(row.denominator),
  row.numerator === null ? '' : String(row.numerator),
  row.detail ? `${row.display} (${row.detail})` : row.display,
  row.explanation,
];

/**
 * The semester report as a PDF with the sections of the seed reports: summary, TPPS activities,
 * indicator blocks 1–3, the convergence actions' status, the AKS stages, the budget by unit and
 * funding source, the lokus list, and the gaps.
 */
export function renderSemesterReportPdf(report: SemesterReport): Promise<Buffer> {
  const semester = semesterRoman(report.semester);
  const w = new Writer(`Laporan Semester ${semester} Tahun ${report.year} ${report.regency.name}`);
  w.doc
    .font('Helvetica-Bold')
    .fontSize(15)
    .text('LAPORAN PENYELENGGARAAN PERCEPATAN PENURUNAN STUNTING', { align: 'center' });
  w.doc
    .fontSize(12)
    .text(printable(`${report.regency.name.toUpperCase()} - SEMESTER ${semester} TAHUN ${report.year}`), {
      align: 'center',
    });
  w.doc.font('Helvetica').fontSize(8).text(`Disusun dari data per ${report.generatedAt}`, { align: 'center' });

  w.heading(`1. ${pdfSections.summary}`);
  for (const line of report.summary.text) w.paragraph(line);

  w.heading(`2. ${pdfSections.tpps}`);
  w.table(
    [
      { title: 'Kegiatan', width: 230 },
      { title: 'Penanggung jawab', width: 130 },
      { title: 'Waktu', width: 85 },
      { title: 'Status', width: 70 },
    ],
    report.tppsActivities.map((a) => [a.title, a.owner, a.period, a.status]),
  );

  w.heading(`3. ${pdfSections.indicators}`);
  for (const block of report.blocks) {
    w.heading(block.title, 11);
    for (const section of block.sections) {
      if (section.rows.length === 0) continue;
      w.heading(section.title, 9);
      // Sub-rows follow their indicator, as the form prints them.
      w.table(indicatorColumns, section.rows.flatMap((row) => [row, ...row.subRows]).map(indicatorLine));
    }
  }
  if (report.coverage.length > 0) {
    w.heading('Tabel 1.1 Cakupan Layanan', 11);
    w.table(indicatorColumns, report.coverage.map(indicatorLine));
  }

  w.heading(`4. ${pdfSections.actions}`);
  if (report.actions === null) w.paragraph('Siklus aksi konvergensi tahun ini belum dibuat.');
  else
    w.table(
      [
        { title: 'Aksi', width: 40 },
        { title: 'Judul', width: 260 },
        { title: 'Status', width: 80 },
        { title: 'Tahapan selesai', width: 135 },
      ],
      report.actions.map((a) => [String(a.number), a.title, a.statusLabel, `${a.stagesDone} dari ${a.stagesTotal}`]),
    );

  w.heading(`5. ${pdfSections.aks}`);
  if (report.audits.length === 0) w.paragraph('Belum ada Audit Kasus Stunting yang tercatat untuk periode ini.');
  for (const audit of report.audits) {
    w.paragraph(
      `Audit semester ${semesterRoman(audit.semester === 2 ? 2 : 1)} (${audit.templateCode}): ${audit.status}`,
    );
    w.table(
      [
        { title: 'Tahap', width: 380 },
        { title: 'Status', width: 135 },
      ],
      audit.stages.map((s) => [s.title, s.state]),
    );
  }

  w.heading(`6. ${pdfSections.budget}`);
  w.table(
    [
      { title: 'Unit', width: 175 },
      { title: 'Kegiatan', width: 50, align: 'right' },
      { title: 'Anggaran', width: 110, align: 'right' },
      ...planningDocuments.map((d) => ({ title: planningDocumentLabel[d], width: 45, align: 'right' as const })),
    ],
    [...report.budget.units, { unitName: 'JUMLAH', ...report.budget.total }].map((u) => [
      u.unitName,
      String(u.activities),
      rupiah(u.budget),
      ...planningDocuments.map((d) => String(u.documents[d].included)),
    ]),
  );
  w.table(
    [
      { title: 'Sumber dana', width: 300 },
      { title: 'Anggaran', width: 215, align: 'right' },
    ],
    fundingSources.map((s) => [fundingSourceLabel[s], rupiah(report.budget.total.budgetBySource[s])]),
  );

  w.heading(`7. ${pdfSections.lokus}`);
  w.paragraph(report.lokus.description);
  if (report.lokus.villages.length > 0)
    w.table(
      [
        { title: 'No', width: 30 },
        { title: 'Desa/Kelurahan', width: 250 },
        { title: 'Kecamatan', width: 235 },
      ],
      report.lokus.villages.map((v, i) => [String(i + 1), v.name, v.district ?? '']),
    );

  w.heading(`8. ${pdfSections.gaps}`);
  if (report.gaps.length === 0) w.paragraph('Tidak ada kekurangan data.');
  else
    w.table(
      [
        { title: 'Unit', width: 160 },
        { title: 'Jumlah', width: 45, align: 'right' },
        { title: 'Kode indikator', width: 310 },
      ],
      report.gapsByUnit.map((g) => [g.unitName, String(g.codes.length), g.codes.join(', ')]),
    );

  w.heading(`9. ${pdfSections.notes}`);
  if (report.notes.length === 0) w.paragraph('Tidak ada nilai yang diberi peringatan kewajaran data.');
  else
    w.table(
      [
        { title: 'Kode', width: 85 },
        { title: 'Peringatan', width: 250 },
        { title: 'Konfirmasi', width: 180 },
      ],
      report.notes.map(noteLine),
    );
  return w.finish();
}
