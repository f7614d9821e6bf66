import { findIndicator } from './catalogue';
import { evaluateIndicator, type IndicatorInput } from './evaluate';
import { plausibilityWarnings, previousSemester, regionBoundOf, type PreviousValue } from './plausibility';

const metro = { regencyName: 'Kota Metro', villages: 22, districts: 5 };

function warningsOf(code: string, input: IndicatorInput, previous?: { input: IndicatorInput; semester?: 1 | 2 }) {
  const match = findIndicator(code);
  if (!match) throw new Error(`unknown code ${code}`);
  const value = evaluateIndicator(code, input);
  if (!value.ok) throw new Error(value.issues.map((i) => i.message).join(' '));
  let before: PreviousValue | undefined;
  if (previous) {
    const earlier = evaluateIndicator(code, previous.input);
    if (!earlier.ok) throw new Error('invalid previous value');
    before = { year: 2025, semester: previous.semester ?? 2, value: earlier.value };
  }
  return plausibilityWarnings(match.indicator, match.code.kind, input, value.value, {
    region: metro,
    ...(before ? { previous: before } : {}),
  });
}

describe('plausibility warnings', () => {
  it('warns when a count of kelurahan passes the regency’s own number of villages', () => {
    expect(warningsOf('Pilar 1. A5', { kind: 'count', value: 30 })).toEqual([
      {
        code: 'EXCEEDS_VILLAGE_COUNT',
        message: '30 melebihi jumlah desa/kelurahan Kota Metro (22) menurut data wilayah.',
      },
    ]);
    expect(warningsOf('Pilar 1. A5', { kind: 'count', value: 22 })).toEqual([]);
  });

  it('bounds the counts of kecamatan by the regency’s kecamatan, and both parts of Dumai’s village percentages', () => {
    expect(warningsOf('Pilar 1. A3_a', { kind: 'count', value: 6 }).map((w) => w.code)).toEqual([
      'EXCEEDS_DISTRICT_COUNT',
    ]);
    expect(
      warningsOf('Blok 2A Indikator 5', { kind: 'fraction', numerator: 20, denominator: 36 }).map((w) => w.code),
    ).toEqual(['EXCEEDS_VILLAGE_COUNT']);
  });

  it('knows which indicators count villages or kecamatan from the names the forms print', () => {
    const bound = (code: string) => {
      const match = findIndicator(code);
      return match ? regionBoundOf(match.indicator) : 'unknown';
    };
    expect(bound('Pilar 1. B1')).toBe('villages');
    expect(bound('Pilar 3. A6')).toBe('villages');
    expect(bound('Pilar 1. A3_b')).toBe('districts');
    expect(bound('Pilar 2. B4')).toBeUndefined();
    expect(bound('Pilar 3. A7')).toBeUndefined();
  });

  it('warns, instead of refusing, when a percentage’s numerator passes its denominator, but not for a rate', () => {
    expect(warningsOf('Pilar 3. A7', { kind: 'fraction', numerator: 2100, denominator: 2084 })).toEqual([
      {
        code: 'NUMERATOR_EXCEEDS_DENOMINATOR',
        message: 'Pembilang (2.100) lebih besar dari penyebut (2.084): capaian di atas 100%.',
      },
    ]);
    expect(warningsOf('Blok 2C Indikator 20', { kind: 'fraction', numerator: 77, denominator: 12 })).toEqual([]);
  });

  it('warns of a jump from the semester before far outside the usual, and not of an ordinary change', () => {
    const a7 = (numerator: number) => ({ kind: 'fraction' as const, numerator, denominator: 2084 });
    expect(warningsOf('Pilar 3. A7', a7(1990), { input: a7(930) })).toEqual([
      {
        code: 'SEMESTER_JUMP',
        message: 'Berubah dari 44,63 (semester 2 2025) menjadi 95,49: selisih 50,86 poin, jauh di luar kebiasaan.',
      },
    ]);
    expect(warningsOf('Pilar 3. A7', a7(1300), { input: a7(930) })).toEqual([]);
    const villages = (value: number) => ({ kind: 'count' as const, value });
    expect(warningsOf('Pilar 2. B4', villages(158), { input: villages(12) }).map((w) => w.code)).toEqual([
      'SEMESTER_JUMP',
    ]);
    // A small count may triple without being odd, and a start from zero is no jump.
    expect(warningsOf('Pilar 2. B4', villages(9), { input: villages(2) })).toEqual([]);
    expect(warningsOf('Pilar 2. B4', villages(158), { input: villages(0) })).toEqual([]);
  });

  it('has nothing to say about Ya/Tidak answers and data not available', () => {
    expect(warningsOf('Pilar 1. A3', { kind: 'yesNo', value: true, count: 9 })).toEqual([]);
    expect(warningsOf('Pilar 1. A5', { kind: 'notAvailable', reason: 'belum didata' })).toEqual([]);
  });

  it('finds the semester before across the turn of the year', () => {
    expect(previousSemester(2026, 1)).toEqual({ year: 2025, semester: 2 });
    expect(previousSemester(2026, 2)).toEqual({ year: 2026, semester: 1 });
  });
});
