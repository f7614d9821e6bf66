import { roundHalfUp } from '../common/format-number';
import { evaluateIndicator, notComputableText } from './evaluate';
import { dumaiAsfr, dumaiPercentageRows } from './fixtures/dumai-capaian';
import { metroPercentageRows, metroRowsThatDisagree } from './fixtures/metro-tabel-2';

/** "46,99" → { value: 46.99, decimals: 2 }; "99,6%" → { value: 99.6, decimals: 1 }. */
function parsePrinted(printed: string): { value: number; decimals: number } {
  const text = printed.replace('%', '');
  const [, fraction = ''] = text.split(',');
  return { value: Number(text.replace(',', '.')), decimals: fraction.length };
}

function computed(code: string, numerator: number, denominator: number): number | string {
  const result = evaluateIndicator(code, { kind: 'fraction', numerator, denominator });
  if (!result.ok) {
    throw new Error(`${code}: ${result.issues.map((i) => i.message).join('; ')}`);
  }
  return result.value.status === 'computed' ? result.value.value : result.value.display;
}

const disagreeing = new Set(metroRowsThatDisagree.map(([code]) => code));

describe('Kota Metro Tabel 2 (seed 000)', () => {
  it.each(metroPercentageRows.filter(([code]) => !disagreeing.has(code)))(
    '%s recomputes from %d and %d to the printed %s',
    (code, denominator, numerator, printed) => {
      const { value, decimals } = parsePrinted(printed);
      const result = computed(code, numerator, denominator);
      expect(typeof result).toBe('number');
      expect(roundHalfUp(result as number, decimals)).toBe(value);
    },
  );

  it.each(metroRowsThatDisagree)('%s prints %s for 0/0, the library returns "%s"', (code, _printed, library) => {
    const row = metroPercentageRows.find(([c]) => c === code);
    expect(row).toBeDefined();
    expect(computed(code, row?.[2] ?? -1, row?.[1] ?? -1)).toBe(library);
  });

  it.each(metroPercentageRows.filter(([code]) => !disagreeing.has(code)))(
    '%s from %d and %d is displayed exactly as the form prints it: %s',
    (code, denominator, numerator, printed) => {
      const result = evaluateIndicator(code, { kind: 'fraction', numerator, denominator });
      expect(result.ok && result.value.display).toBe(printed);
    },
  );

  it('prints Pilar 3. A7 the Indonesian way with two decimals', () => {
    const result = evaluateIndicator('Pilar 3. A7', { kind: 'fraction', numerator: 930, denominator: 2084 });
    expect(result.ok && result.value.display).toBe('44,63');
  });

  it('reads the typed-in unmet-need row Pilar 3. B7 "4,60%" as a direct percentage', () => {
    const result = evaluateIndicator('Pilar 3. B7', { kind: 'directPercentage', value: 4.6 });
    expect(result.ok && result.value.display).toBe('4,60');
  });
});

describe('Kota Dumai capaian indikator (seed 003)', () => {
  const computable = dumaiPercentageRows.filter(
    (row): row is readonly [string, number, number, string] =>
      typeof row[1] === 'number' && typeof row[2] === 'number' && row[1] > 0,
  );

  it.each(computable)('%s recomputes from %d and %d to the printed %s', (code, denominator, numerator, printed) => {
    const { value, decimals } = parsePrinted(printed);
    const result = computed(code, numerator, denominator);
    expect(roundHalfUp(result as number, decimals)).toBe(value);
  });

  it.each(computable)(
    '%s from %d and %d is displayed exactly as the table prints it: %s',
    (code, denominator, numerator, printed) => {
      const result = evaluateIndicator(code, { kind: 'fraction', numerator, denominator });
      expect(result.ok && `${result.value.display}%`).toBe(printed);
    },
  );

  it('Blok 3B Indikator 12 prints "0%" for 0/0; the library returns "tidak dapat dihitung"', () => {
    expect(computed('Blok 3B Indikator 12', 0, 0)).toBe(notComputableText);
  });

  it('Blok 2D Indikator 7 prints "#DIV/0!" for blank cells; the library returns "tidak dapat dihitung" for 0/0', () => {
    expect(computed('Blok 2D Indikator 7', 0, 0)).toBe(notComputableText);
  });

  it('Blok 3B Indikator 21 prints "#VALUE!" for "NA"; the library rejects a missing number with NOT_A_NUMBER', () => {
    const result = evaluateIndicator('Blok 3B Indikator 21', {
      kind: 'fraction',
      numerator: Number('NA'),
      denominator: Number('NA'),
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((i) => i.code)).toEqual(['NOT_A_NUMBER', 'NOT_A_NUMBER']);
  });

  it('Blok 2C Indikator 20 (ASFR) prints "6%" for 77 births per 12.593 women; the library shows 6 and keeps 6,11 per 1.000', () => {
    const result = evaluateIndicator('Blok 2C Indikator 20', {
      kind: 'fraction',
      numerator: dumaiAsfr.births,
      denominator: dumaiAsfr.women,
    });
    expect(result.ok && result.value).toMatchObject({ display: '6', value: 6.11 });
    expect(result.ok && result.value.status === 'computed' && result.value.exact).toBeCloseTo(6.1145, 4);
  });

  it('Blok 3B Indikator 16 prints "0%" for 59 of 12.855 households, which the library keeps as 0,46', () => {
    expect(computed('Blok 3B Indikator 16', 59, 12855)).toBe(0.46);
  });
});
