import type { UserRole } from '@konvergensi/contracts';
import type { Principal } from '../auth/principal';
import {
  canAnalyseCases,
  canApproveAksReport,
  canReadAudit,
  canRecordCases,
  canRunAudit,
  canSeeCaseIdentities,
  canSignOffCases,
} from './aks-access';

const principal = (roles: UserRole[], regencyCode: string | null, provinceCode: string | null = null): Principal => ({
  userId: 'u',
  username: 'u',
  displayName: 'U',
  email: 'u@x.test',
  roles,
  regencyCode,
  provinceCode,
  unitId: null,
  delegatedUnits: [],
});

describe('AKS access policy', () => {
  it('shows case identities to the AKS technical team and expert panel of the regency only', () => {
    expect(canSeeCaseIdentities(principal(['aks_technical'], '18.72'), '18.72')).toBe(true);
    expect(canSeeCaseIdentities(principal(['aks_expert'], '18.72'), '18.72')).toBe(true);
    expect(canSeeCaseIdentities(principal(['aks_expert'], '14.72'), '18.72')).toBe(false);
    for (const role of ['tpps_chair', 'tpps_secretary', 'opd_officer', 'opd_head'] as UserRole[])
      expect(canSeeCaseIdentities(principal([role], '18.72'), '18.72')).toBe(false);
    expect(canSeeCaseIdentities(principal(['province_viewer'], null, '18'), '18.72')).toBe(false);
    expect(canSeeCaseIdentities(principal(['system_admin'], null), '18.72')).toBe(false);
  });

  it('lets everyone who may read the regency see the aggregates', () => {
    expect(canReadAudit(principal(['province_viewer'], null, '18'), '18.72')).toBe(true);
    expect(canReadAudit(principal(['system_admin'], null), '18.72')).toBe(true);
    expect(canReadAudit(principal(['tpps_chair'], '14.72'), '18.72')).toBe(false);
  });

  it('splits the work: technical team records, experts sign off, the chair approves the report', () => {
    const technical = principal(['aks_technical'], '18.72');
    const expert = principal(['aks_expert'], '18.72');
    const secretary = principal(['tpps_secretary'], '18.72');
    expect([canRecordCases(technical, '18.72'), canRecordCases(expert, '18.72')]).toEqual([true, false]);
    expect([canSignOffCases(technical, '18.72'), canSignOffCases(expert, '18.72')]).toEqual([false, true]);
    expect([canAnalyseCases(technical, '18.72'), canAnalyseCases(secretary, '18.72')]).toEqual([true, false]);
    expect([canRunAudit(secretary, '18.72'), canRunAudit(expert, '18.72')]).toEqual([true, false]);
    expect(canApproveAksReport(principal(['tpps_chair'], '18.72'), '18.72')).toBe(true);
    expect(canApproveAksReport(principal(['system_admin'], null), '18.72')).toBe(false);
  });
});
