import { formatDateTime, messages, translate } from './messages';

describe('message catalogue', () => {
  it('speaks Bahasa Indonesia by default and English on request', () => {
    expect(translate('id', 'serviceDown')).toBe('tidak tersedia');
    expect(translate('en', 'serviceDown')).toBe('unavailable');
  });

  it('has an English string for every Indonesian key', () => {
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.id).sort());
  });

  it('fills named values into a message', () => {
    expect(translate('id', 'dueWorkingDaysLeft', { n: 3 })).toBe('3 hari kerja lagi');
    expect(translate('en', 'dueLate', { n: 2 })).toBe('2 days late');
  });

  it('formats an instant the Indonesian way in the regency time zone', () => {
    const text = formatDateTime('id', new Date('2026-02-27T16:59:00Z'), 'Asia/Jakarta');
    expect(text).toContain('27 Februari 2026');
    expect(text).toContain('23.59');
  });
});
