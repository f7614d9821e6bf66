import {
  csvCell,
  escapeHtml,
  indexCsv,
  indexHtml,
  safeArchiveName,
  uniquePath,
  type PortalIndexRow,
} from './portal-index';

const row: PortalIndexRow = {
  stageOrder: 1,
  stageCode: 'AKSI_1.T1',
  stageTitle: 'Menetapkan Tujuan',
  unitCode: 'DINKES',
  unitName: 'Dinas Kesehatan',
  taskId: '00000000-0000-4000-8000-000000000001',
  taskTitle: '=HYPERLINK("http://contoh.invalid","klik")',
  fileName: '<img src=x onerror=alert(1)>.pdf',
  archivePath: '01_AKSI_1.T1/DINKES/_img src=x onerror=alert(1)_.pdf',
  mediaType: 'application/pdf',
  sizeBytes: 1234,
  sha256: 'a'.repeat(64),
  approvedAt: '2026-03-01T02:00:00.000Z',
  approvedBy: 'Sekretaris TPPS',
};

describe('portal export index', () => {
  it('keeps archive names free of path separators, control and direction characters and leading dots', () => {
    expect(safeArchiveName('../../etc/passwd')).toBe('_.._etc_passwd');
    expect(safeArchiveName('laporan\u202Efdp.exe')).toBe('laporan_fdp.exe');
    expect(safeArchiveName('a\\b:c*d?e"f<g>h|i')).toBe('a_b_c_d_e_f_g_h_i');
    expect(safeArchiveName('...')).toBe('berkas');
  });

  it('numbers repeated archive paths before the extension', () => {
    const taken = new Set<string>();
    expect(
      ['x/notulen.pdf', 'x/notulen.pdf', 'x/NOTULEN.pdf', 'x/tanpa-ekstensi', 'x/tanpa-ekstensi'].map((p) =>
        uniquePath(p, taken),
      ),
    ).toEqual(['x/notulen.pdf', 'x/notulen (2).pdf', 'x/NOTULEN (3).pdf', 'x/tanpa-ekstensi', 'x/tanpa-ekstensi (2)']);
  });

  it('neutralises cells a spreadsheet would run as a formula and doubles quotes', () => {
    expect(['=1+1', '+62', '-5', '@SUM(A1)', '\t=x', '  =x', 'aman', 'kata "kutip"', null].map(csvCell)).toEqual([
      `"'=1+1"`,
      `"'+62"`,
      `"'-5"`,
      `"'@SUM(A1)"`,
      `"'\t=x"`,
      `"'  =x"`,
      '"aman"',
      '"kata ""kutip"""',
      '""',
    ]);
  });

  it('writes one CSV line per file after the header', () => {
    const csv = indexCsv([row]);
    const lines = csv
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://contoh.invalid"",""klik"")"`);
    expect(lines[1]).toContain(`"${'a'.repeat(64)}"`);
  });

  it('escapes every text of the HTML index and allows no scripts', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&\``)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;',
    );
    const html = indexHtml(
      {
        regencyName: 'Kota <b>Metro</b>',
        regencyCode: '18.72',
        year: 2026,
        actionCode: 'AKSI_1',
        actionTitle: 'Analisis Situasi',
        generatedAt: '2026-03-02T00:00:00.000Z',
      },
      [row],
    );
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;.pdf');
    expect(html).toContain("default-src 'none'");
  });
});
