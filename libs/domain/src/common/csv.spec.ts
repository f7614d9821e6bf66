import { csvCell, looksLikeFormula, neutraliseCsvValue } from './csv';

describe('CSV cells', () => {
  it('neutralises a formula start behind leading spaces, tabs and carriage returns', () => {
    expect([' =x', '  =1+1', '\t=x', '\r=x', ' \t+62', '   @SUM(A1)', ' -5'].map(neutraliseCsvValue)).toEqual([
      "' =x",
      "'  =1+1",
      "'\t=x",
      "'\r=x",
      "' \t+62",
      "'   @SUM(A1)",
      "' -5",
    ]);
  });

  it('leaves ordinary text, inner formula signs and blank values untouched', () => {
    expect(['Jl. Uji', 'a=b', '  teks', '', '   '].map(neutraliseCsvValue)).toEqual([
      'Jl. Uji',
      'a=b',
      '  teks',
      '',
      '   ',
    ]);
    expect(looksLikeFormula('x + y')).toBe(false);
  });

  it('quotes every cell, doubles quotes and writes null and undefined as empty cells', () => {
    expect([' ="1"', 7.5, null, undefined, 'kata "kutip"'].map((value) => csvCell(value))).toEqual([
      `"' =""1"""`,
      '"7.5"',
      '""',
      '""',
      '"kata ""kutip"""',
    ]);
  });
});
