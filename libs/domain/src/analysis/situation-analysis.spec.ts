import { situationAnalysis } from './situation-analysis';

describe('situationAnalysis', () => {
  const villages = ['A', 'B', 'C', 'D'];
  const health = [
    { villageCode: 'A', prevalence: 30, cases: 40, coverage: {} },
    { villageCode: 'B', prevalence: 10, cases: 5, coverage: {} },
    { villageCode: 'C', prevalence: 12, cases: 8, coverage: {} },
  ];
  const sector = [
    { villageCode: 'A', prevalence: null, cases: null, coverage: { '1': 40, '2': 30, '3': 95 } },
    { villageCode: 'B', prevalence: null, cases: null, coverage: { '1': 95, '2': 92, '3': 91 } },
  ];

  it('merges the health office prevalence with the sector offices coverage of the same village', () => {
    const result = situationAnalysis([...health, ...sector], villages);
    const a = result.focus.eligible.find((v) => v.id === 'A');
    expect(a).toMatchObject({ prevalence: 30, cases: 40, lowMainIndicators: 2, assessedMainIndicators: 3 });
  });

  it('proposes as focus village the one above average on prevalence and cases with most indicators low', () => {
    const result = situationAnalysis([...health, ...sector], villages);
    expect(result.focus.selected.map((v) => v.id)).toEqual(['A']);
    expect(result.hotspots.separateAnalysis).toEqual(['A']);
  });

  it('counts villages without prevalence and cases as not reported', () => {
    const result = situationAnalysis(sector, villages);
    expect({ reported: result.villagesReported, total: result.villagesTotal, focus: result.focus.selected }).toEqual({
      reported: 0,
      total: 4,
      focus: [],
    });
  });
});
