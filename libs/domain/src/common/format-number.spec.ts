import { formatNumberId, parseNumberId, roundHalfUp } from './format-number';

describe('formatNumberId', () => {
  it('uses a decimal comma and a thousands dot', () => {
    expect(formatNumberId(44.63, 2)).toBe('44,63');
    expect(formatNumberId(47432)).toBe('47.432');
    expect(formatNumberId(1234567.891, 2)).toBe('1.234.567,89');
    expect(formatNumberId(-2.5, 1)).toBe('-2,5');
    expect(formatNumberId(-0.001, 2)).toBe('0,00');
  });

  it('refuses infinity', () => {
    expect(() => formatNumberId(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('roundHalfUp', () => {
  it('rounds halves away from zero as on paper', () => {
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(-1.005, 2)).toBe(-1.01);
    expect(roundHalfUp(34.5, 0)).toBe(35);
    expect(roundHalfUp(1e-7, 2)).toBe(0);
    expect(() => roundHalfUp(Number.NaN, 2)).toThrow(RangeError);
  });
});

describe('parseNumberId', () => {
  it('reads thousands dots and a decimal comma, and a pasted English decimal', () => {
    expect(parseNumberId('47.432')).toBe(47432);
    expect(parseNumberId('1.234.567,25')).toBe(1234567.25);
    expect(parseNumberId('44,63')).toBe(44.63);
    expect(parseNumberId(' 930 ')).toBe(930);
    expect(parseNumberId('12.5')).toBe(12.5);
  });

  it('reads anything else as no number', () => {
    for (const text of ['', 'NA', '1,2,3', '6 kali', '#DIV/0!']) expect(parseNumberId(text)).toBeNaN();
  });
});
