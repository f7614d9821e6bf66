import { compressInstant } from './time-compression';

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
