import type { FormRow } from '@konvergensi/reporting';
import { readFormLine } from './form-import';

const row = (code: string, cells: Partial<Omit<FormRow, 'sheet' | 'row' | 'code'>> = {}): FormRow => ({
  sheet: 'Blok 2',
  row: 9,
  code,
  denominator: null,
  numerator: null,
  achievement: null,
  explanation: null,
  ...cells,
});

describe('reading a row of the national form', () => {
  it('reads the parts of a fraction, in numbers or in Indonesian notation', () => {
    expect(
      readFormLine(row('Pilar 3. A7', { denominator: '2.084', numerator: 930, achievement: 44.6 }), undefined),
    ).toMatchObject({
      kind: 'entry',
      entry: { code: 'Pilar 3. A7', numerator: 930, denominator: 2084 },
    });
  });

  it('reads Ya, Ya with its times, a bare "6 Kali", a count and a typed percentage from CAPAIAN', () => {
    const entry = (code: string, achievement: string | number) =>
      (readFormLine(row(code, { achievement }), undefined) as { entry?: unknown }).entry;
    expect(entry('Pilar 1. A2', 'Ya')).toEqual({ code: 'Pilar 1. A2', answer: 'Ya' });
    expect(entry('Pilar 1. A2', 'Ya (6 kali)')).toEqual({ code: 'Pilar 1. A2', answer: 'Ya', count: 6 });
    expect(entry('Blok 2A Indikator 2', '6 Kali')).toEqual({ code: 'Blok 2A Indikator 2', count: 6 });
    expect(entry('Pilar 1. A5', 22)).toEqual({ code: 'Pilar 1. A5', count: 22 });
    expect(entry('Pilar 3. B7', '4,60')).toEqual({ code: 'Pilar 3. B7', percent: 4.6 });
  });

  it('reads NA or a spreadsheet error as data not available, with the reason from PENJELASAN', () => {
    expect(
      readFormLine(
        row('Pilar 3. A9', { achievement: 'NA', explanation: 'Data tidak tersedia: Survei tidak dilaksanakan' }),
        undefined,
      ),
    ).toMatchObject({ kind: 'entry', entry: { notAvailable: true, reason: 'Survei tidak dilaksanakan' } });
    expect(readFormLine(row('Pilar 3. A9', { denominator: '#DIV/0!', numerator: 5 }), undefined)).toMatchObject({
      kind: 'invalid',
      issues: [{ code: 'NOT_AVAILABLE_BESIDE_VALUE' }],
    });
  });

  it('puts a value back under the code it was entered with: Dumai’s block code behind Metro’s row', () => {
    expect(readFormLine(row('Pilar 1. A5', { denominator: 36, numerator: 35 }), 'Blok 2A Indikator 5')).toMatchObject({
      kind: 'entry',
      entry: { code: 'Blok 2A Indikator 5', numerator: 35, denominator: 36 },
    });
    expect(readFormLine(row('Pilar 1. A2', { achievement: 'Ya (6 kali)' }), 'Blok 2A Indikator 2')).toMatchObject({
      entry: { code: 'Blok 2A Indikator 2', answer: 'Ya', count: 6 },
    });
  });

  it('skips blanks, section titles and values computed from the AKS, and names what it cannot read', () => {
    expect(readFormLine(row('Pilar 1. A5', { achievement: '-' }), undefined)).toMatchObject({
      kind: 'skipped',
      reason: 'blank',
    });
    expect(readFormLine(row('Blok 2A : Indikator Pilar 1'), undefined)).toMatchObject({
      kind: 'skipped',
      reason: 'heading',
    });
    expect(readFormLine(row('RAN PASTI Operasional 39', { achievement: 'Ya' }), undefined)).toMatchObject({
      kind: 'skipped',
      reason: 'derived',
    });
    expect(readFormLine(row('Pilar 9. Z1', { achievement: 3 }), undefined)).toMatchObject({
      kind: 'invalid',
      issues: [{ code: 'UNKNOWN_INDICATOR', message: 'Blok 2 baris 9 (Pilar 9. Z1): kode indikator tidak dikenal.' }],
    });
    expect(readFormLine(row('Pilar 1. A5', { achievement: 'banyak' }), undefined)).toMatchObject({
      issues: [{ code: 'UNREADABLE_ACHIEVEMENT' }],
    });
    expect(readFormLine(row('Pilar 3. A7_a', { achievement: 2084 }), undefined)).toMatchObject({
      issues: [{ code: 'SUB_ROW_CODE' }],
    });
    expect(readFormLine(row('Pilar 3. A7', { numerator: 5 }), undefined)).toMatchObject({
      issues: [{ code: 'NOT_A_NUMBER' }],
    });
  });
});
