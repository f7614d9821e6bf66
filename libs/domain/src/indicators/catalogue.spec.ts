import { findIndicator, indicatorCatalogue, mainCoverageIndicators, normaliseIndicatorCode } from './catalogue';
import { coverageIndicators } from './coverage-catalogue';
import { reportIndicators } from './report-catalogue';

const allCodes = indicatorCatalogue.flatMap((i) => i.codes.map((c) => c.code));

describe('indicator catalogue', () => {
  it('holds the 73 numbered Metro indicators (45 in Blok 2, 28 in Blok 3)', () => {
    const metro = reportIndicators.filter((i) => i.codes.some((c) => c.format === 'form') && i.parent === undefined);
    expect(metro).toHaveLength(73);
    expect(metro.filter((i) => i.codes[0]?.block.startsWith('2'))).toHaveLength(45);
  });

  it('holds the 104 Dumai indicators with the block sizes of 003', () => {
    const dumai = indicatorCatalogue.flatMap((i) => i.codes).filter((c) => c.format === 'block');
    expect(dumai).toHaveLength(104);
    const perBlock = Object.fromEntries(
      ['1A', '1B', '2A', '2B', '2C', '2D', '2E', '3A', '3B'].map((b) => [b, dumai.filter((c) => c.block === b).length]),
    );
    expect(perBlock).toEqual({ '1A': 9, '1B': 11, '2A': 9, '2B': 11, '2C': 16, '2D': 7, '2E': 7, '3A': 4, '3B': 30 });
  });

  it('gives 29 Dumai indicators no Metro counterpart', () => {
    expect(reportIndicators.filter((i) => i.codes.every((c) => c.format === 'block'))).toHaveLength(29);
  });

  it('holds the 28 coverage indicators of Tabel 1.1: 20 main, 5 supplementary, 3 special', () => {
    expect(coverageIndicators).toHaveLength(28);
    expect(mainCoverageIndicators).toHaveLength(20);
    expect(coverageIndicators.filter((i) => i.starred).map((i) => i.code)).toEqual([
      'Tabel 1.1 A.5',
      'Tabel 1.1 A.6',
      'Tabel 1.1 A.8',
      'Tabel 1.1 A.10',
      'Tabel 1.1 B.1',
      'Tabel 1.1 B.5',
      'Tabel 1.1 C.3',
    ]);
  });

  it('never uses one printed code for two indicators', () => {
    expect(new Set(allCodes.map(normaliseIndicatorCode)).size).toBe(allCodes.length);
  });

  it('gives every indicator a known responsible role and every report code a block', () => {
    for (const i of indicatorCatalogue) {
      expect(i.responsible.value).toMatch(/^[A-Z_]+$/);
      expect(i.codes[0]?.code).toBe(i.code);
    }
  });
});

describe('findIndicator', () => {
  it("finds Metro's Pilar 3. A7 by its primary code regardless of spacing and case", () => {
    expect(findIndicator('pilar 3.a7')?.indicator.code).toBe('Pilar 3. A7');
  });

  it("finds the same indicator by Dumai's alias", () => {
    const match = findIndicator('Blok 2C Indikator 7');
    expect(match?.indicator.code).toBe('Pilar 3. A7');
    expect(match?.code.format).toBe('block');
  });

  it("maps both of Dumai's repeated codes to one indicator", () => {
    expect(findIndicator('Blok 1B Indikator 7')?.indicator).toBe(findIndicator('Blok 2C Indikator 16')?.indicator);
    expect(findIndicator('Blok 1B Indikator 1')?.indicator.code).toBe('Pilar 3. B6');
  });

  it("resolves Metro's sub-row codes to the numerator and denominator of their indicator", () => {
    expect(findIndicator('Pilar 3. A7_b')?.part).toBe('numerator');
    expect(findIndicator('Pilar 3. A7_a')?.part).toBe('denominator');
  });

  it('pairs RAN PASTI Operasional 39 with Dumai Blok 3B Indikator 4', () => {
    expect(findIndicator('RAN PASTI Operasional 39')?.indicator.aliases).toEqual(['Blok 3B Indikator 4']);
  });

  it('returns undefined for an unknown code', () => {
    expect(findIndicator('Blok 9Z Indikator 1')).toBeUndefined();
  });
});
