import { holidaysIn, indonesianWorkingDayRules, nationalHolidays } from './holidays';

describe('national holidays', () => {
  it('lists Indonesian public holidays by local date, including Idul Fitri 2024', () => {
    const dates = nationalHolidays(2024).map((h) => h.date);
    expect(dates).toEqual(
      expect.arrayContaining(['2024-01-01', '2024-04-10', '2024-04-11', '2024-08-17', '2024-12-25']),
    );
    expect(nationalHolidays(2024).every((h) => h.source === 'national')).toBe(true);
  });

  it('names 27 Rajab Isra Mikraj rather than the library\'s "Maulid"', () => {
    expect(nationalHolidays(2026).find((h) => h.date === '2026-01-16')?.name).toBe('Isra Mikraj Nabi Muhammad');
  });

  it('rejects an absurd year', () => {
    expect(() => nationalHolidays(1800)).toThrow(RangeError);
  });
});

describe('joint-leave overrides', () => {
  const overrides = [
    { date: '2024-04-08', action: 'add' as const, name: 'Cuti bersama Idul Fitri', decree: 'SKB 3 Menteri (contoh)' },
    { date: '2024-05-01', action: 'remove' as const, name: 'Hari Buruh dipindahkan', decree: 'contoh' },
    { date: '2025-01-02', action: 'add' as const, name: 'lain tahun', decree: 'contoh' },
  ];

  it('adds a decreed day and removes a cancelled one, within the year only', () => {
    const list = holidaysIn(2024, overrides);
    expect(list.find((h) => h.date === '2024-04-08')).toEqual({
      date: '2024-04-08',
      name: 'Cuti bersama Idul Fitri',
      source: 'override',
      decree: 'SKB 3 Menteri (contoh)',
    });
    expect(list.some((h) => h.date === '2024-05-01')).toBe(false);
    expect(list.some((h) => h.date === '2025-01-02')).toBe(false);
    expect([...list].sort((a, b) => a.date.localeCompare(b.date))).toEqual(list);
  });

  it('makes the working-day rules follow the overrides', () => {
    const rules = indonesianWorkingDayRules({ overrides });
    expect(rules.isHoliday('2024-04-08')).toBe(true);
    expect(rules.isHoliday('2024-05-01')).toBe(false);
    expect(rules.isHoliday('2024-04-10')).toBe(true);
  });

  it('rejects a malformed override date', () => {
    expect(() => holidaysIn(2024, [{ date: '2024-4-8', action: 'add', name: 'x', decree: 'y' }])).toThrow(RangeError);
  });
});
