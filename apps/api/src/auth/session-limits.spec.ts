import { sessionEnd, sessionLimitsFor } from './session-limits';

const settings = { idleMinutes: 30, absoluteHours: 12 };
const at = (iso: string) => new Date(iso);

describe('session limits', () => {
  it('apply to administrators and the AKS teams, who see identities, and to no one else', () => {
    expect(sessionLimitsFor(['system_admin'], settings)).toEqual({ idleMs: 1_800_000, absoluteMs: 43_200_000 });
    expect(sessionLimitsFor(['aks_technical'], settings)).not.toBeNull();
    expect(sessionLimitsFor(['opd_officer', 'aks_expert'], settings)).not.toBeNull();
    expect(sessionLimitsFor(['tpps_chair', 'opd_head'], settings)).toBeNull();
  });

  it('end a session idle for the idle limit, and any session at its absolute lifetime', () => {
    const limits = sessionLimitsFor(['system_admin'], settings);
    const started = at('2027-01-04T08:00:00Z');
    expect(
      sessionEnd({ startedAt: started, lastSeenAt: at('2027-01-04T08:10:00Z') }, limits, at('2027-01-04T08:39:59Z')),
    ).toBeUndefined();
    expect(
      sessionEnd({ startedAt: started, lastSeenAt: at('2027-01-04T08:10:00Z') }, limits, at('2027-01-04T08:40:00Z')),
    ).toBe('idle');
    expect(
      sessionEnd({ startedAt: started, lastSeenAt: at('2027-01-04T19:59:00Z') }, limits, at('2027-01-04T20:00:00Z')),
    ).toBe('lifetime');
  });

  it('never end a session of a role without limits', () => {
    expect(
      sessionEnd({ startedAt: at('2020-01-01T00:00:00Z'), lastSeenAt: at('2020-01-01T00:00:00Z') }, null, new Date()),
    ).toBeUndefined();
  });
});
