import {
  calendarDaysBetween,
  duePhrase,
  formatBytes,
  formatDate,
  formatNumber,
  formatPercent,
  localDayOf,
  workingDaysBetween,
} from './format';

describe('Indonesian formatting', () => {
  it('groups thousands with dots and decimals with a comma in Indonesian, the other way in English', () => {
    expect(formatNumber('id', 1234567.5)).toBe('1.234.567,5');
    expect(formatNumber('en', 1234567.5)).toBe('1,234,567.5');
    expect(formatPercent('id', 44.63)).toBe('44,6%');
    expect(formatBytes('id', 1536)).toBe('1,5 KB');
  });

  it('writes dates with Indonesian month names in the regency zone', () => {
    // 17:30 UTC is already the next day in Jakarta (UTC+7).
    expect(formatDate('id', '2026-02-27T17:30:00Z', 'Asia/Jakarta')).toBe('28 Februari 2026');
    expect(localDayOf(new Date('2026-02-27T17:30:00Z'), 'Asia/Jakarta')).toBe('2026-02-28');
    expect(localDayOf(new Date('2026-02-27T16:30:00Z'), 'Asia/Jayapura')).toBe('2026-02-28');
  });

  it('counts working days Monday to Friday, skipping given holidays', () => {
    // Friday 2026-11-20 → Wednesday 2026-11-25: Mon, Tue, Wed.
    expect(workingDaysBetween('2026-11-20', '2026-11-25')).toBe(3);
    expect(workingDaysBetween('2026-11-20', '2026-11-25', new Set(['2026-11-24']))).toBe(2);
    expect(calendarDaysBetween('2026-11-20', '2026-11-25')).toBe(5);
  });
});

describe('due phrase', () => {
  const now = new Date('2026-11-20T03:00:00Z'); // Friday 10.00 in Jakarta

  it('says how many working days are left', () => {
    expect(duePhrase('id', '2026-11-25T16:59:59Z', now)).toEqual({ state: 'soon', text: '3 hari kerja lagi' });
    expect(duePhrase('id', '2026-12-04T16:59:59Z', now)).toEqual({ state: 'later', text: '10 hari kerja lagi' });
    expect(duePhrase('en', '2026-12-04T16:59:59Z', now).text).toBe('10 working days left');
  });

  it('says "hari ini" on the due day and names the next working day over a weekend', () => {
    expect(duePhrase('id', '2026-11-20T16:59:59Z', now).text).toBe('hari ini');
    expect(duePhrase('id', '2026-11-22T16:59:59Z', now).text).toBe('hari kerja berikutnya');
  });

  it('counts calendar days of lateness once the due instant has passed', () => {
    expect(duePhrase('id', '2026-11-18T16:59:59Z', now)).toEqual({ state: 'overdue', text: 'terlambat 2 hari' });
    expect(duePhrase('en', '2026-11-18T16:59:59Z', now).text).toBe('2 days late');
    // Due earlier today and already past: still one day late, never "0 days".
    expect(duePhrase('id', '2026-11-20T02:00:00Z', now).text).toBe('terlambat 1 hari');
  });

  it('says nothing is running for a closed task', () => {
    expect(duePhrase('id', '2026-11-18T16:59:59Z', now, { closed: true }).state).toBe('closed');
  });
});
