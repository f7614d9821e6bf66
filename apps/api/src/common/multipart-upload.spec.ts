import { safeFileName } from './multipart-upload';

describe('safeFileName', () => {
  it('drops NUL, CR/LF and other control characters', () => {
    expect(safeFileName('bukti\u0000.exe.png')).toBe('bukti.exe.png');
    expect(safeFileName('baris\r\nbaru.pdf')).toBe('barisbaru.pdf');
  });

  it('drops bidirectional overrides that make "invoice\u202Egnp.exe" look like a PNG', () => {
    expect(safeFileName('invoice\u202Egnp.exe')).toBe('invoicegnp.exe');
    expect(safeFileName('a\u2066b\u2069c\u200F.pdf')).toBe('abc.pdf');
  });

  it('stores names in Unicode NFC', () => {
    expect(safeFileName('Dinke\u0301s.pdf')).toBe('Dink\u00e9s.pdf');
  });

  it('keeps only the last path segment and folds blanks', () => {
    expect(safeFileName('..\\..\\laporan   akhir.pdf')).toBe('laporan akhir.pdf');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
  });

  it('caps a long name at 200 characters and keeps its extension', () => {
    const name = safeFileName(`${'a'.repeat(500)}.xlsx`);
    expect([...name]).toHaveLength(200);
    expect(name.endsWith('.xlsx')).toBe(true);
  });

  it('falls back when nothing printable is left', () => {
    expect(safeFileName('\u202E\u0000')).toBe('berkas');
    expect(safeFileName('..')).toBe('berkas');
    expect(safeFileName('', 'dokumen')).toBe('dokumen');
  });
});
