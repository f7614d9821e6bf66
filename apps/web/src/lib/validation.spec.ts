import {
  entryKindOf,
  entryWarnings,
  fractionPreview,
  parseIndonesianNumber,
  payloadsOf,
  toPayload,
  validateEntry,
  validateSubRow,
} from './validation';

describe('reading numbers typed the Indonesian way', () => {
  it('reads dots as thousands and a comma as the decimal mark', () => {
    expect(parseIndonesianNumber('1.234')).toBe(1234);
    expect(parseIndonesianNumber('1.234.567,25')).toBe(1234567.25);
    expect(parseIndonesianNumber('12,5')).toBe(12.5);
    expect(parseIndonesianNumber(' 930 ')).toBe(930);
  });

  it('accepts a pasted English decimal and refuses text', () => {
    expect(parseIndonesianNumber('12.5')).toBe(12.5);
    expect(parseIndonesianNumber('dua')).toBeNaN();
    expect(parseIndonesianNumber('')).toBeNaN();
    expect(parseIndonesianNumber('1,2,3')).toBeNaN();
  });
});

describe('validating an indicator value as it is typed', () => {
  const messages = (draft: Parameters<typeof validateEntry>[0]) =>
    validateEntry(draft).map((i) => `${i.field}:${i.message}`);

  it('accepts a percentage whose numerator does not exceed its denominator', () => {
    expect(messages({ code: 'Pilar 3. A7', kind: 'fraction', numerator: '930', denominator: '2.084' })).toEqual([]);
    expect(toPayload({ code: ' Pilar 3. A7 ', kind: 'fraction', numerator: '930', denominator: '2.084' })).toEqual({
      code: 'Pilar 3. A7',
      numerator: 930,
      denominator: 2084,
    });
    expect(fractionPreview('930', '2.084')).toBe(44.63);
  });

  it('warns of, but still sends, a numerator above the denominator, with the note that confirms it', () => {
    const draft = { code: 'X', kind: 'fraction' as const, numerator: '12', denominator: '10' };
    expect(messages(draft)).toEqual([]);
    expect(entryWarnings(draft, { ratio: false }).map((w) => w.message)).toEqual(['warningNumeratorExceeds']);
    expect(entryWarnings(draft, { ratio: true })).toEqual([]);
    expect(toPayload({ ...draft, note: ' sasaran proyeksi ' })).toEqual({
      code: 'X',
      numerator: 12,
      denominator: 10,
      note: 'sasaran proyeksi',
    });
    expect(toPayload({ ...draft, note: '  ' })).toEqual({ code: 'X', numerator: 12, denominator: 10 });
    expect(messages({ ...draft, note: 'x'.repeat(501) })).toEqual(['note:validationNoteTooLong']);
  });

  it('refuses negative, fractional and missing counts', () => {
    expect(messages({ code: 'X', kind: 'count', count: '-3' })).toEqual(['count:validationNegative']);
    expect(messages({ code: 'X', kind: 'count', count: '2,5' })).toEqual(['count:validationNotWhole']);
    expect(messages({ code: 'X', kind: 'count', count: '' })).toEqual(['count:validationRequired']);
    expect(messages({ code: '', kind: 'count', count: 'abc' })).toEqual([
      'code:validationCodeRequired',
      'count:validationNotANumber',
    ]);
  });

  it('keeps percentages between 0 and 100 and asks for a yes/no answer', () => {
    expect(messages({ code: 'X', kind: 'percent', percent: '100,5' })).toEqual(['percent:validationPercentRange']);
    expect(messages({ code: 'X', kind: 'percent', percent: '99,5' })).toEqual([]);
    expect(messages({ code: 'X', kind: 'yesNo', answer: '' })).toEqual(['answer:validationChoose']);
    expect(toPayload({ code: 'X', kind: 'yesNo', answer: 'Ya' })).toEqual({ code: 'X', answer: 'Ya' });
    expect(toPayload({ code: 'X', kind: 'yesNo', answer: '' })).toBeUndefined();
  });
});

describe('entering what the forms print beside a plain value', () => {
  const messages = (draft: Parameters<typeof validateEntry>[0]) =>
    validateEntry(draft).map((i) => `${i.field}:${i.message}`);

  it('records "data tidak tersedia" with its reason in place of any value', () => {
    const draft = { code: 'Pilar 3. A7', kind: 'fraction' as const, notAvailable: true, reason: '  survei belum ada ' };
    expect(messages(draft)).toEqual([]);
    expect(toPayload(draft)).toEqual({ code: 'Pilar 3. A7', notAvailable: true, reason: 'survei belum ada' });
  });

  it('asks for the reason, and for one the API keeps, when the data is not available', () => {
    expect(messages({ code: 'X', kind: 'count', notAvailable: true, reason: '  ' })).toEqual([
      'reason:validationReasonRequired',
    ]);
    expect(messages({ code: 'X', kind: 'count', notAvailable: true, reason: 'a'.repeat(501) })).toEqual([
      'reason:validationReasonTooLong',
    ]);
  });

  it('sends a Ya with the times it took place, and refuses a Tidak that took place', () => {
    expect(toPayload({ code: 'Blok 2A Indikator 2', kind: 'yesNo', answer: 'Ya', timesHeld: '6' })).toEqual({
      code: 'Blok 2A Indikator 2',
      answer: 'Ya',
      count: 6,
    });
    expect(messages({ code: 'X', kind: 'yesNo', answer: 'Tidak', timesHeld: '2' })).toEqual([
      'timesHeld:validationAnswerContradictsCount',
    ]);
    expect(messages({ code: 'X', kind: 'yesNo', answer: 'Tidak', timesHeld: '0' })).toEqual([]);
    expect(messages({ code: 'X', kind: 'yesNo', answer: 'Ya', timesHeld: '1,5' })).toEqual([
      'timesHeld:validationNotWhole',
    ]);
  });

  it('sends the sub-rows that are filled in after their parent and leaves blank ones out', () => {
    const subRow = (code: string, count: string) => ({ code, kind: 'count' as const, count });
    const draft = {
      code: 'Pilar 1. A3',
      kind: 'yesNo' as const,
      answer: 'Ya' as const,
      subRows: [subRow('Pilar 1. A3_a', '5'), subRow('Pilar 1. A3_b', ' ')],
    };
    expect(payloadsOf(draft)).toEqual([
      { code: 'Pilar 1. A3', answer: 'Ya' },
      { code: 'Pilar 1. A3_a', count: 5 },
    ]);
    expect(validateSubRow(subRow('Pilar 1. A3_b', ''))).toEqual([]);
    expect(validateSubRow(subRow('Pilar 1. A3_b', '-1')).map((i) => i.message)).toEqual(['validationNegative']);
    expect(payloadsOf({ ...draft, subRows: [subRow('Pilar 1. A3_a', 'lima')] })).toBeUndefined();
    expect(payloadsOf({ ...draft, answer: '' })).toBeUndefined();
  });
});

describe('typing an indicator of the catalogue', () => {
  it('asks a numerator and a denominator for percentages and rates, where only a rate may exceed', () => {
    expect(entryKindOf('percentage')).toEqual({ kind: 'fraction', ratio: false, scale: 100 });
    expect(entryKindOf('ratePerThousand')).toEqual({ kind: 'fraction', ratio: true, scale: 1000 });
    const draft = { code: 'X', numerator: '12', denominator: '10' };
    const { kind, ratio } = entryKindOf('percentage');
    expect(entryWarnings({ ...draft, kind }, { ratio }).map((i) => i.message)).toEqual(['warningNumeratorExceeds']);
    const rate = entryKindOf('ratePerThousand');
    expect(entryWarnings({ ...draft, kind: rate.kind }, { ratio: rate.ratio })).toEqual([]);
    expect(fractionPreview('12', '10', rate.scale)).toBe(1200);
  });

  it('asks one figure in 0–100 for a direct percentage, a whole number for a count and a choice for yes/no', () => {
    expect(entryKindOf('directPercentage').kind).toBe('percent');
    expect(entryKindOf('count').kind).toBe('count');
    expect(entryKindOf('yesNo').kind).toBe('yesNo');
  });
});
