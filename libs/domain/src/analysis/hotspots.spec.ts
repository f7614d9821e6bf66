import { significanceThreshold, stuntingHotspots, unweightedMean } from './hotspots';

describe('significanceThreshold (004 §Aksi 1 langkah 2 worked examples)', () => {
  it('turns an average prevalence of 12% into a threshold of 18%', () => {
    expect(significanceThreshold(12)).toBe(18);
  });

  it('turns an average of 54 cases into a threshold of 81', () => {
    expect(significanceThreshold(54)).toBe(81);
  });

  it('turns an average of 23% into 34,5% (the guide prints "> 35%")', () => {
    expect(significanceThreshold(23)).toBe(34.5);
  });

  it('takes another margin when a regency configures one', () => {
    expect(significanceThreshold(12, 0.25)).toBe(15);
    expect(() => significanceThreshold(12, -0.1)).toThrow(RangeError);
  });
});

describe('unweightedMean', () => {
  it('averages areas without weighting them by population', () => {
    expect(unweightedMean([10, 20, 30])).toBe(20);
    expect(() => unweightedMean([])).toThrow(RangeError);
  });
});

/** 15 kecamatan averaging 12%: five above average, three (13, 14, 15) above 18%, as Gambar 1.2. */
const gambar12 = [6, 7, 8, 9, 9, 10, 10, 10, 11, 11, 14, 16, 19, 20, 20];

describe('stuntingHotspots', () => {
  it('makes the three significant kecamatan of Gambar 1.2 candidates for their own analysis', () => {
    const areas = gambar12.map((p, i) => ({ id: `Kecamatan ${i + 1}`, prevalence: p }));
    const result = stuntingHotspots(areas);
    expect(result.prevalence?.average).toBe(12);
    expect(result.prevalence?.aboveAverage).toHaveLength(5);
    expect(result.separateAnalysis).toEqual(['Kecamatan 13', 'Kecamatan 14', 'Kecamatan 15']);
    expect(result.decision).toBe('separateAnalyses');
  });

  it('gives an area significant on prevalence and cases its own analysis and puts one-measure hotspots on a watch-list', () => {
    const areas = [
      { id: 'A', prevalence: 30, cases: 200 },
      { id: 'B', prevalence: 30, cases: 10 },
      { id: 'C', prevalence: 10, cases: 200 },
      { id: 'D', prevalence: 10, cases: 10 },
      { id: 'E', prevalence: 10, cases: 10 },
      { id: 'F', prevalence: 10, cases: 10 },
    ];
    const result = stuntingHotspots(areas);
    expect(result.separateAnalysis).toEqual(['A']);
    expect(result.watchList).toEqual(['B', 'C']);
  });

  it('recommends a watch-list when areas are significant on one measure only', () => {
    const result = stuntingHotspots([
      { id: 'A', prevalence: 30, cases: 10 },
      { id: 'B', prevalence: 10, cases: 10 },
      { id: 'C', prevalence: 10, cases: 10 },
      { id: 'D', prevalence: 10, cases: 10 },
    ]);
    expect(result.decision).toBe('watchList');
  });

  it('recommends a general analysis only when nothing is significant, however many are above average (Gambar 1.4)', () => {
    const result = stuntingHotspots([20, 21, 22, 23, 24, 25, 26].map((p, i) => ({ id: String(i), prevalence: p })));
    expect(result.prevalence?.aboveAverage).toHaveLength(3);
    expect(result.decision).toBe('generalOnly');
  });
});
