import { dueInstant, localDateOf, startInstant, zoneAbbreviation } from './deadline';
import { formatDateId, formatDateTimeId, monthNameId, relativeDuePhrase } from './format-id';
import { indonesianWorkingDayRules } from './holidays';

const rules = indonesianWorkingDayRules();

describe('due dates', () => {
  it('end at 23:59:59 local time: WIB is UTC+7', () => {
    expect(dueInstant('2026-02-27', 'Asia/Jakarta').toISOString()).toBe('2026-02-27T16:59:59.000Z');
  });

  it('end earlier in absolute time further east: WITA UTC+8, WIT UTC+9', () => {
    expect(dueInstant('2026-02-27', 'Asia/Makassar').toISOString()).toBe('2026-02-27T15:59:59.000Z');
    expect(dueInstant('2026-02-27', 'Asia/Jayapura').toISOString()).toBe('2026-02-27T14:59:59.000Z');
  });

  it('start at local midnight', () => {
    expect(startInstant('2026-01-01', 'Asia/Jakarta').toISOString()).toBe('2025-12-31T17:00:00.000Z');
  });

  it('read "today" in the regency zone, not the machine zone', () => {
    const instant = new Date('2026-02-27T18:30:00Z');
    expect(localDateOf(instant, 'Asia/Jakarta')).toBe('2026-02-28');
    expect(localDateOf(new Date('2026-02-27T16:30:00Z'), 'Asia/Jayapura')).toBe('2026-02-28');
  });

  it('abbreviate the three Indonesian zones', () => {
    expect(zoneAbbreviation('Asia/Jakarta')).toBe('WIB');
    expect(zoneAbbreviation('Asia/Pontianak')).toBe('WIB');
    expect(zoneAbbreviation('Asia/Makassar')).toBe('WITA');
    expect(zoneAbbreviation('Asia/Jayapura')).toBe('WIT');
  });
});

describe('Indonesian date text', () => {
  it('formats a due instant for mail', () => {
    expect(formatDateTimeId(dueInstant('2026-02-27', 'Asia/Jakarta'), 'Asia/Jakarta')).toBe(
      'Jumat, 27 Februari 2026 pukul 23.59 WIB',
    );
    expect(formatDateTimeId(new Date('2026-08-17T00:05:00Z'), 'Asia/Makassar')).toBe(
      'Senin, 17 Agustus 2026 pukul 08.05 WITA',
    );
  });

  it('formats a calendar day', () => {
    expect(formatDateId('2024-07-12')).toBe('Jumat, 12 Juli 2024');
    expect(formatDateId('2023-06-19')).toBe('Senin, 19 Juni 2023');
  });

  it('names months and refuses month 13', () => {
    expect(monthNameId(2)).toBe('Februari');
    expect(() => monthNameId(13)).toThrow(RangeError);
  });

  it('says how far a due date is in working days, or how late in calendar days', () => {
    expect(relativeDuePhrase('2026-03-04', '2026-02-27', rules)).toBe('3 hari kerja lagi');
    expect(relativeDuePhrase('2026-02-27', '2026-02-27', rules)).toBe('hari ini batas waktunya');
    expect(relativeDuePhrase('2026-02-27', '2026-03-01', rules)).toBe('terlambat 2 hari');
    expect(relativeDuePhrase('2026-03-01', '2026-02-28', rules)).toBe('kurang dari 1 hari kerja lagi');
  });
});
