import {
  derivedIndicators,
  derivedInput,
  evaluateIndicator,
  evaluateIndicatorKind,
  percentage,
  printedDecimalsOf,
} from './evaluate';
import { indicatorCatalogue } from './catalogue';

describe('evaluateIndicatorKind', () => {
  it('answers a yes/no indicator with Ya or Tidak', () => {
    const yes = evaluateIndicatorKind('yesNo', { kind: 'yesNo', value: true });
    const no = evaluateIndicatorKind('yesNo', { kind: 'yesNo', value: false });
    expect(yes.ok && yes.value.display).toBe('Ya');
    expect(no.ok && no.value.display).toBe('Tidak');
  });

  it('prints counts with a thousands dot', () => {
    const result = evaluateIndicatorKind('count', { kind: 'count', value: 47432 });
    expect(result.ok && result.value.display).toBe('47.432');
  });

  it('rejects negative and fractional counts with stable codes and Indonesian messages', () => {
    const result = evaluateIndicatorKind('count', { kind: 'count', value: -1.5 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((i) => i.code)).toEqual(['NEGATIVE_VALUE', 'NOT_AN_INTEGER']);
    expect(!result.ok && result.issues[0]?.message).toBe('Jumlah tidak boleh negatif (-1,50).');
  });

  it('computes a percentage above 100 when the numerator passes the denominator (a warning elsewhere)', () => {
    const result = evaluateIndicatorKind('percentage', { kind: 'fraction', numerator: 5, denominator: 4 });
    expect(result).toMatchObject({ ok: true, value: { status: 'computed', value: 125, display: '125' } });
  });

  it('allows a numerator above the denominator for a rate per 1.000', () => {
    const result = evaluateIndicatorKind('ratePerThousand', { kind: 'fraction', numerator: 5, denominator: 4 });
    expect(result).toMatchObject({ ok: true, value: { status: 'computed', value: 1250 } });
  });

  it('rejects fractional parts of a percentage', () => {
    const result = evaluateIndicatorKind('percentage', { kind: 'fraction', numerator: 1.5, denominator: 4 });
    expect(!result.ok && result.issues[0]?.code).toBe('NOT_AN_INTEGER');
  });

  it('returns "tidak dapat dihitung" for a zero denominator instead of failing', () => {
    const result = evaluateIndicatorKind('percentage', { kind: 'fraction', numerator: 0, denominator: 0 });
    expect(result).toEqual({
      ok: true,
      value: { status: 'notComputable', reason: 'zeroDenominator', display: 'tidak dapat dihitung' },
    });
  });

  it('rounds half up at two decimals (1 of 8 is 12,50; 1 of 3 is 33,33; 2 of 3 is 66,67)', () => {
    const eighth = percentage(1, 8);
    expect(eighth.ok && eighth.value.display).toBe('12,50');
    const third = percentage(1, 3);
    const twoThirds = percentage(2, 3);
    expect(third.ok && third.value.display).toBe('33,33');
    expect(twoThirds.ok && twoThirds.value.display).toBe('66,67');
  });

  it('rejects a direct percentage outside 0-100', () => {
    const result = evaluateIndicatorKind('directPercentage', { kind: 'directPercentage', value: 120 });
    expect(!result.ok && result.issues[0]?.code).toBe('PERCENTAGE_OUT_OF_RANGE');
  });

  it('rejects input of the wrong shape for the kind', () => {
    const result = evaluateIndicatorKind('percentage', { kind: 'count', value: 3 });
    expect(!result.ok && result.issues[0]).toEqual({
      code: 'WRONG_INPUT_KIND',
      message: 'Indikator ini diisi dengan pembilang dan penyebut, bukan angka/jumlah.',
    });
  });

  it('answers Ya with how many times the event was held, as Dumai reports six coordination meetings', () => {
    const result = evaluateIndicatorKind('yesNo', { kind: 'yesNo', value: true, count: 6 });
    expect(result.ok && result.value).toEqual({ status: 'yesNo', value: true, count: 6, display: 'Ya (6 kali)' });
  });

  it('refuses Tidak with times held, but accepts Tidak with zero times', () => {
    const contradiction = evaluateIndicatorKind('yesNo', { kind: 'yesNo', value: false, count: 2 });
    expect(!contradiction.ok && contradiction.issues.map((i) => i.code)).toEqual(['ANSWER_CONTRADICTS_COUNT']);
    const none = evaluateIndicatorKind('yesNo', { kind: 'yesNo', value: false, count: 0 });
    expect(none.ok && none.value.display).toBe('Tidak');
  });

  it('refuses a negative or fractional count of times', () => {
    const result = evaluateIndicatorKind('yesNo', { kind: 'yesNo', value: true, count: -1 });
    expect(!result.ok && result.issues.map((i) => i.code)).toEqual(['NEGATIVE_VALUE']);
  });

  it('declares data not available for any kind, keeping the trimmed reason', () => {
    for (const kind of ['yesNo', 'count', 'percentage'] as const) {
      const result = evaluateIndicatorKind(kind, { kind: 'notAvailable', reason: '  belum ada pendataan desa ' });
      expect(result.ok && result.value).toEqual({
        status: 'notAvailable',
        reason: 'belum ada pendataan desa',
        display: 'data tidak tersedia',
      });
    }
  });

  it('refuses data not available without a reason, or with a reason longer than 500 characters', () => {
    const empty = evaluateIndicatorKind('count', { kind: 'notAvailable', reason: '   ' });
    expect(!empty.ok && empty.issues.map((i) => i.code)).toEqual(['NOT_AVAILABLE_REASON_REQUIRED']);
    const long = evaluateIndicatorKind('count', { kind: 'notAvailable', reason: 'x'.repeat(501) });
    expect(!long.ok && long.issues.map((i) => i.code)).toEqual(['NOT_AVAILABLE_REASON_TOO_LONG']);
  });
});

describe('evaluateIndicator', () => {
  it('uses the kind of the code it is given: Metro counts villages with a midwife, Dumai reports 35 of 36', () => {
    expect(evaluateIndicator('Pilar 1. A5', { kind: 'count', value: 22 }).ok).toBe(true);
    const dumai = evaluateIndicator('Blok 2A Indikator 5', { kind: 'fraction', numerator: 35, denominator: 36 });
    // 003 §F prints "97%": Dumai's blocks show no decimals; the two-decimal value stays beside it.
    expect(dumai.ok && dumai.value).toMatchObject({ display: '97', value: 97.22 });
  });

  it('displays at the decimals the caller prints, half up, and a whole value without decimals', () => {
    const at = (decimals: number, numerator: number, denominator: number) => {
      const result = evaluateIndicatorKind('percentage', { kind: 'fraction', numerator, denominator }, { decimals });
      return result.ok ? result.value : undefined;
    };
    expect(at(1, 39, 557)).toMatchObject({ display: '7,0', value: 7 });
    expect(at(0, 1, 8)).toMatchObject({ display: '13', value: 12.5, exact: 12.5 });
    expect(at(2, 1, 3)?.display).toBe('33,33');
    expect(at(2, 4, 4)?.display).toBe('100');
    expect(at(1, 0, 5)?.display).toBe('0');
    expect(evaluateIndicatorKind('directPercentage', { kind: 'directPercentage', value: 4.6 })).toMatchObject({
      ok: true,
      value: { display: '4,60', exact: 4.6 },
    });
  });

  it('keeps the exact value of a percentage and a rate beside the rounded one', () => {
    const result = evaluateIndicatorKind('ratePerThousand', { kind: 'fraction', numerator: 77, denominator: 12593 });
    expect(result.ok && result.value).toMatchObject({ status: 'computed', value: 6.11, display: '6,11' });
    expect(result.ok && result.value.status === 'computed' ? result.value.exact : NaN).toBeCloseTo(6.11451, 5);
    expect(printedDecimalsOf('Pilar 3. A7')).toBe(2);
    expect(printedDecimalsOf('RAN PASTI Operasional 12')).toBe(1);
    expect(printedDecimalsOf('blok 1a indikator 2')).toBe(0);
    expect(printedDecimalsOf('Blok 3B Indikator 29')).toBe(1);
  });

  it('reports an unknown code', () => {
    const result = evaluateIndicator('Pilar 9. Z1', { kind: 'count', value: 1 });
    expect(!result.ok && result.issues[0]).toEqual({
      code: 'UNKNOWN_INDICATOR',
      message: 'Kode indikator tidak dikenal: Pilar 9. Z1.',
    });
  });
});

describe('derivedInput', () => {
  const semester1 = { hasAuditTeam: true, auditsHeld: 0, auditsFollowedUp: 0, auditsDisseminated: 0 };
  const dumaiJune = { hasAuditTeam: true, auditsHeld: 1, auditsFollowedUp: 1, auditsDisseminated: 0 };

  it('reproduces Metro semester 1: team Ya, zero audits', () => {
    expect(derivedInput('RAN PASTI Operasional 39', semester1)).toEqual({
      ok: true,
      value: { kind: 'yesNo', value: true },
    });
    expect(derivedInput('RAN PASTI Operasional 40', semester1)).toEqual({
      ok: true,
      value: { kind: 'count', value: 0 },
    });
    expect(derivedInput('Pilar 5. A8', semester1)).toEqual({ ok: true, value: { kind: 'yesNo', value: false } });
  });

  it('reproduces Dumai June 2023: one audit of two held and followed up, none disseminated', () => {
    expect(derivedInput('Blok 3B Indikator 5', dumaiJune)).toEqual({
      ok: true,
      value: { kind: 'fraction', numerator: 1, denominator: 2 },
    });
    expect(derivedInput('Blok 3B Indikator 7', dumaiJune)).toEqual({
      ok: true,
      value: { kind: 'fraction', numerator: 0, denominator: 2 },
    });
  });

  it('caps audits beyond the yearly target of two at the target', () => {
    const result = derivedInput('RAN PASTI Operasional 41', { ...dumaiJune, auditsFollowedUp: 3 });
    expect(result).toEqual({ ok: true, value: { kind: 'count', value: 3 } });
    const dumai = derivedInput('Blok 3B Indikator 6', { ...dumaiJune, auditsFollowedUp: 3 });
    expect(dumai).toEqual({ ok: true, value: { kind: 'fraction', numerator: 2, denominator: 2 } });
  });

  it('refuses indicators that are entered by hand, and unknown codes', () => {
    expect(!derivedInput('Pilar 3. A7', semester1).ok).toBe(true);
    expect(!derivedInput('nope', semester1).ok).toBe(true);
  });

  it('marks exactly the audit-team, audit-held, follow-up, dissemination and baduta-audit indicators as derived', () => {
    expect(derivedIndicators(indicatorCatalogue).map((i) => i.code)).toEqual([
      'Pilar 5. A8',
      'RAN PASTI Operasional 39',
      'RAN PASTI Operasional 40',
      'RAN PASTI Operasional 41',
      'RAN PASTI Operasional 42',
    ]);
  });
});
