import type { Principal } from '../auth/principal';
import { canReadRegency, hasRole } from '../tenancy/access-policy';

/**
 * Who may see what of an audit, as pure functions.
 *
 * - Aggregates (stages, counts, the recap by kecamatan and group, the report, the facts): whoever
 *   may read the regency (its people, province viewers, the system admin).
 * - Case identities (shown masked, each read logged): only the AKS technical team and expert panel
 *   of that regency. Not the TPPS chair or secretary, not unit staff, not province viewers and not
 *   the system admin, who manages accounts but has no part in the audit.
 * - Exporting full identities: only the AKS lead, the technical-team member the audit's roster
 *   flags as lead (checked against the roster by the caller).
 */
export function canSeeCaseIdentities(principal: Principal, regencyCode: string): boolean {
  return principal.regencyCode === regencyCode && hasRole(principal, 'aks_technical', 'aks_expert');
}

/** Entering and measuring cases: the technical team of the regency. */
export function canRecordCases(principal: Principal, regencyCode: string): boolean {
  return principal.regencyCode === regencyCode && hasRole(principal, 'aks_technical');
}

/** Findings, causes and recommendations: both AKS teams of the regency. */
export function canAnalyseCases(principal: Principal, regencyCode: string): boolean {
  return canSeeCaseIdentities(principal, regencyCode);
}

/** Signing a case's analysis off: the expert panel of the regency. */
export function canSignOffCases(principal: Principal, regencyCode: string): boolean {
  return principal.regencyCode === regencyCode && hasRole(principal, 'aks_expert');
}

/** Starting an audit, its roster, documents, follow-up plan and stages: the secretary or the technical team. */
export function canRunAudit(principal: Principal, regencyCode: string): boolean {
  return principal.regencyCode === regencyCode && hasRole(principal, 'tpps_secretary', 'aks_technical');
}

/** Approving the AKS report: the TPPS chair. */
export function canApproveAksReport(principal: Principal, regencyCode: string): boolean {
  return principal.regencyCode === regencyCode && hasRole(principal, 'tpps_chair');
}

export function canReadAudit(principal: Principal, regencyCode: string): boolean {
  return canReadRegency(principal, regencyCode);
}
