import { calendarInstant, compressInstant, compressionFromSnapshot, compressionSnapshot } from './time-compression';

describe('compressInstant', () => {
  const origin = new Date('2026-02-20T03:00:00Z');

  it('leaves instants untouched without compression', () => {
    const t = new Date('2026-02-27T16:59:59Z');
    expect(compressInstant(t, undefined)).toBe(t);
  });

  it('maps one real day after the origin to the configured seconds after it', () => {
    const dayLater = new Date(origin.getTime() + 86_400_000);
    expect(compressInstant(dayLater, { origin, secondsPerDay: 2 }).getTime() - origin.getTime()).toBe(2000);
  });

  it('keeps the order of instants, so a ladder stays a ladder', () => {
    const steps = [1, 3, 8, 12].map((d) => new Date(origin.getTime() + d * 86_400_000));
    const compressed = steps.map((s) => compressInstant(s, { origin, secondsPerDay: 1 }).getTime());
    expect([...compressed].sort((a, b) => a - b)).toEqual(compressed);
  });
});

describe('compressed years', () => {
  const origin = new Date('2026-11-22T10:00:00Z');
  const virtualOrigin = new Date('2027-01-01T00:00:00+07:00');
  const compression = { origin, secondsPerDay: 1, virtualOrigin };

  it('starts a played year now: its first instant maps to the origin', () => {
    expect(compressInstant(virtualOrigin, compression).toISOString()).toBe(origin.toISOString());
  });

  it('reads the calendar day back from the wall clock, the inverse of compressing', () => {
    const march = new Date('2027-03-01T08:00:00+07:00');
    const wall = compressInstant(march, compression);
    expect(Math.abs(calendarInstant(wall, compression).getTime() - march.getTime())).toBeLessThan(86_400);
  });

  it('travels through JSON and back unchanged', () => {
    const back = compressionFromSnapshot(compressionSnapshot(compression));
    expect(back).toEqual(compression);
  });
});
