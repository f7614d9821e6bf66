import {
  defaultProvincialRubric,
  gradeFor,
  overallGrade,
  prefillRubric,
  rubricFor,
  type Rubric,
  type RubricIndicator,
} from './rubric';

describe('provincial rubric', () => {
  it('grades each of the eight actions by four written rules', () => {
    expect(new Set(defaultProvincialRubric.indicators.map((i) => i.actionCode)).size).toBe(8);
    expect(defaultProvincialRubric.indicators).toHaveLength(32);
    for (const indicator of defaultProvincialRubric.indicators) expect(indicator.rule).toMatch(/^A: .*D: /);
  });

  it('marks every rule as assumed, because the seeds name the assessment but print no rubric', () => {
    expect(defaultProvincialRubric.provenance.source).toBe('seed');
    expect(defaultProvincialRubric.indicators.every((i) => i.provenance.source === 'assumed')).toBe(true);
  });

  it('picks the latest rubric that starts on or before the assessment year', () => {
    const later: Rubric = { ...defaultProvincialRubric, id: 'baru', fromYear: 2027 };
    expect(rubricFor(2026, [defaultProvincialRubric, later])?.id).toBe(defaultProvincialRubric.id);
    expect(rubricFor(2027, [defaultProvincialRubric, later])?.id).toBe('baru');
    expect(rubricFor(2019, [defaultProvincialRubric, later])).toBeUndefined();
  });

  it('gives the grade of the first band a value falls in, otherwise D', () => {
    const share = defaultProvincialRubric.indicators.find((i) => i.code === 'AKSI_1.TAHAPAN') as RubricIndicator;
    expect([1, 0.8, 0.75, 0.5, 0.49, 0].map((v) => gradeFor(share, v))).toEqual(['A', 'B', 'B', 'C', 'D', 'D']);
    const late = defaultProvincialRubric.indicators.find((i) => i.code === 'AKSI_1.KETEPATAN') as RubricIndicator;
    expect([0, 1, 2, 3].map((v) => gradeFor(late, v))).toEqual(['A', 'B', 'C', 'D']);
  });

  it('pre-fills the grades of an action from its facts and leaves actions without facts ungraded', () => {
    const prefilled = prefillRubric(defaultProvincialRubric, [
      { actionCode: 'AKSI_1', stageShare: 0.75, lateStages: 1, portalMilestones: 4, approvedDeliverables: 0 },
    ]);
    const aksi1 = prefilled.filter((p) => p.actionCode === 'AKSI_1').map((p) => [p.indicatorCode, p.value, p.grade]);
    expect(aksi1).toEqual([
      ['AKSI_1.TAHAPAN', 0.75, 'B'],
      ['AKSI_1.KETEPATAN', 1, 'B'],
      ['AKSI_1.PELAPORAN', 4, 'A'],
      ['AKSI_1.DOKUMEN', 0, 'D'],
    ]);
    expect(prefilled.find((p) => p.indicatorCode === 'AKSI_8.TAHAPAN')).toMatchObject({ value: null, grade: null });
  });

  it('averages grade points into an overall grade, halves rounding up', () => {
    expect(overallGrade(['A', 'B', null])).toEqual({ grade: 'A', points: 3.5 });
    expect(overallGrade(['B', 'C', 'C'])).toEqual({ grade: 'C', points: 2.33 });
    expect(overallGrade([null])).toBeNull();
  });
});
