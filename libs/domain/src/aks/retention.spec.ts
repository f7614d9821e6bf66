import {
  aksIdentityRetention,
  identityErasureDueAt,
  isIdentityErasureDue,
  isValidRetentionMonths,
  retentionCutoff,
} from './retention';

describe('AKS identity retention', () => {
  it('keeps identities two years after the report by default, within 1 to 120 months', () => {
    expect(aksIdentityRetention.defaultMonths).toBe(24);
    expect([0, 1, 24, 120, 121, 1.5, -3].map(isValidRetentionMonths)).toEqual([
      false,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('falls due the given calendar months after the report was submitted', () => {
    expect(identityErasureDueAt(new Date('2026-07-15T03:00:00Z'), 24)?.toISOString()).toBe('2028-07-15T03:00:00.000Z');
    expect(identityErasureDueAt(new Date('2027-01-31T00:00:00Z'), 1)?.toISOString()).toBe('2027-02-28T00:00:00.000Z');
  });

  it('never falls due for an audit whose report was not submitted', () => {
    expect(identityErasureDueAt(null, 24)).toBeNull();
    expect(isIdentityErasureDue(null, 1, new Date('2100-01-01T00:00:00Z'))).toBe(false);
  });

  it('is due at the instant itself and after, not a moment before', () => {
    const submitted = new Date('2026-01-10T00:00:00Z');
    expect(isIdentityErasureDue(submitted, 6, new Date('2026-07-09T23:59:59Z'))).toBe(false);
    expect(isIdentityErasureDue(submitted, 6, new Date('2026-07-10T00:00:00Z'))).toBe(true);
  });

  it('puts the cutoff where an audit submitted then is exactly due', () => {
    const now = new Date('2028-03-01T08:00:00Z');
    const cutoff = retentionCutoff(24, now);
    expect(cutoff.toISOString()).toBe('2026-03-01T08:00:00.000Z');
    expect(isIdentityErasureDue(cutoff, 24, now)).toBe(true);
  });

  it('refuses a retention outside the allowed range', () => {
    expect(() => retentionCutoff(0, new Date())).toThrow(RangeError);
    expect(() => identityErasureDueAt(new Date(), 121)).toThrow(RangeError);
  });
});
