import { regencyUnits } from '../roles/units';
import { indicatorCatalogue } from './catalogue';
import { semesterCollectionPlan, semesterReportIndicators, subRowsOf, unitOwing } from './collection-plan';
import { derivedIndicators } from './evaluate';

const metro = regencyUnits('18.72').map((u) => ({ code: u.code, name: u.name, roles: u.roles }));
const dumai = regencyUnits('14.72').map((u) => ({ code: u.code, name: u.name, roles: u.roles }));

describe('semesterCollectionPlan', () => {
  it('gives each non-derived report indicator to exactly one unit of Kota Metro', () => {
    const plan = semesterCollectionPlan(metro);
    const asked = plan.units.flatMap((u) => u.indicatorCodes);
    const expected = semesterReportIndicators()
      .filter((i) => i.derived === undefined)
      .map((i) => i.code);
    expect(new Set(asked).size).toBe(asked.length);
    expect([...asked, ...plan.unassigned.map((u) => u.indicatorCode)].sort()).toEqual([...expected].sort());
    expect(plan.unassigned).toEqual([]);
  });

  it('asks Dinas Kesehatan for the midwives row and the family-planning office for family-planning rows', () => {
    const plan = semesterCollectionPlan(metro);
    expect(unitOwing(plan, 'Pilar 1. A5')?.unitCode).toBe('DINKES');
    const familyPlanning = semesterReportIndicators().find((i) => i.responsible.value === 'FAMILY_PLANNING');
    expect(familyPlanning).toBeDefined();
    expect(unitOwing(plan, familyPlanning?.code ?? '')?.unitCode).toBe('P3AP2KB');
  });

  it('leaves the indicators derived from the stunting case audit out of every unit task', () => {
    const plan = semesterCollectionPlan(metro);
    const derived = derivedIndicators(indicatorCatalogue).map((i) => i.code);
    expect(derived.length).toBeGreaterThan(0);
    expect(plan.derivedIndicatorCodes).toEqual(expect.arrayContaining(derived.filter((c) => !c.includes('_'))));
    for (const code of derived) expect(unitOwing(plan, code)).toBeUndefined();
  });

  it("sends both roles of Dumai's merged social and village-empowerment office to that one unit", () => {
    const plan = semesterCollectionPlan(dumai);
    const village = semesterReportIndicators().find((i) => i.responsible.value === 'PMD' && i.derived === undefined);
    const social = semesterReportIndicators().find((i) => i.responsible.value === 'DINSOS' && i.derived === undefined);
    expect(unitOwing(plan, village?.code ?? '')?.unitCode).toBe('DINSOS_PM');
    expect(unitOwing(plan, social?.code ?? '')?.unitCode).toBe('DINSOS_PM');
  });

  it('lists indicators whose role no unit plays as unassigned instead of dropping them', () => {
    const plan = semesterCollectionPlan(metro.filter((u) => u.code !== 'DINKES'));
    expect(plan.unassigned).toEqual(expect.arrayContaining([{ indicatorCode: 'Pilar 1. A5', role: 'DINKES' }]));
    expect(plan.units.find((u) => u.unitCode === 'DINKES')).toBeUndefined();
  });

  it('excludes Tabel 1.1 coverage rows and sub-rows from the semester report', () => {
    const codes = semesterReportIndicators().map((i) => i.code);
    expect(codes.some((c) => c.startsWith('Tabel 1.1'))).toBe(false);
    expect(codes).not.toContain('Pilar 1. A3_a');
    expect(codes).toContain('Pilar 1. A3');
  });

  it('finds the rows printed beneath a parent, in the order of the form, and none beneath a plain row', () => {
    expect(subRowsOf('Pilar 1. A3').map((i) => i.code)).toEqual(['Pilar 1. A3_a', 'Pilar 1. A3_b']);
    expect(subRowsOf('Pilar 2. C1_a').map((i) => i.code)).toEqual(['Pilar 2. C1_b']);
    expect(subRowsOf('Pilar 3. A7')).toEqual([]);
    for (const indicator of semesterReportIndicators())
      for (const row of subRowsOf(indicator.code)) expect(row.parent).toBe(indicator.code);
  });
});
