import { coverageClass, defaultCoverageBoundaries, focusVillages, prevalenceClass } from './focus-villages';

describe('coverageClass', () => {
  it('calls coverage above 90% adequate, as 004 Tabel 1.2 prints', () => {
    expect(coverageClass(90.01)).toBe('adequate');
    expect(coverageClass(90)).toBe('nearlyAdequate');
  });

  it('uses the assumed, configurable boundaries below that', () => {
    expect(coverageClass(70)).toBe('nearlyAdequate');
    expect(coverageClass(69.99)).toBe('low');
    expect(coverageClass(49)).toBe('veryLow');
    expect(defaultCoverageBoundaries.provenance.lowFrom.source).toBe('assumed');
    expect(coverageClass(49, { ...defaultCoverageBoundaries, lowFrom: 40 })).toBe('low');
    expect(() => coverageClass(Number.NaN)).toThrow(RangeError);
  });
});

describe('prevalenceClass', () => {
  it('grades prevalence against the average and the significance margin', () => {
    expect(prevalenceClass(19, 12)).toBe('veryHigh');
    expect(prevalenceClass(13, 12)).toBe('high');
    expect(prevalenceClass(12, 12)).toBe('low');
    expect(prevalenceClass(5, 12)).toBe('veryLow');
  });
});

const low = { a: 30, b: 40, c: 95 };
const mostlyLow = { a: 30, b: 40, c: 60, d: 95 };
const fine = { a: 95, b: 92, c: 40 };

describe('focusVillages', () => {
  const villages = [
    { id: 'Desa 1', prevalence: 30, cases: 40, mainCoverage: mostlyLow },
    { id: 'Desa 2', prevalence: 35, cases: 35, mainCoverage: low },
    { id: 'Desa 3', prevalence: 30, cases: 50, mainCoverage: mostlyLow },
    { id: 'Desa 4', prevalence: 5, cases: 5, mainCoverage: mostlyLow },
    { id: 'Desa 5', prevalence: 40, cases: 60, mainCoverage: fine },
    { id: 'Desa 6', prevalence: 5, cases: 5, mainCoverage: fine },
  ];

  it('keeps villages above average on prevalence and cases with most main indicators low', () => {
    const result = focusVillages(villages);
    expect(result.averagePrevalence).toBeCloseTo(24.1667, 3);
    expect(result.eligible.map((v) => v.id)).toEqual(['Desa 3', 'Desa 1', 'Desa 2']);
  });

  it('orders by low main indicators, then prevalence, then cases', () => {
    const [first, second, third] = focusVillages(villages).eligible;
    expect(first?.lowMainIndicators).toBe(3);
    expect(second?.lowMainIndicators).toBe(3);
    expect(first?.cases).toBeGreaterThan(second?.cases ?? 0);
    expect(third?.lowMainIndicators).toBe(2);
  });

  it('limits the selection by count, share of villages or budget', () => {
    expect(focusVillages(villages, { limit: { kind: 'count', count: 1 } }).selected.map((v) => v.id)).toEqual([
      'Desa 3',
    ]);
    expect(focusVillages(villages, { limit: { kind: 'share', share: 0.34 } }).selected).toHaveLength(2);
    const budget = focusVillages(villages, {
      limit: { kind: 'budget', budget: 100, costs: { 'Desa 3': 80, 'Desa 1': 30, 'Desa 2': 20 } },
    });
    expect(budget.selected.map((v) => v.id)).toEqual(['Desa 3', 'Desa 2']);
  });

  it('can count "nearly adequate" as low and accept any criterion when a regency reads the guide so', () => {
    const strict = focusVillages(villages, { lowClasses: ['veryLow', 'low', 'nearlyAdequate'], criteria: 'any' });
    expect(strict.eligible.map((v) => v.id)).toContain('Desa 5');
  });

  it('returns nothing for no villages', () => {
    expect(focusVillages([]).eligible).toEqual([]);
  });
});
