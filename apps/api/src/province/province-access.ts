import type { Principal } from '../auth/principal';
import { hasRole, isSystemAdmin, regencyInProvince } from '../tenancy/access-policy';

/**
 * Who may see a province's side-by-side view: the system admin and that province's viewers.
 * A viewer of another province is answered as if the province did not exist; regency staff,
 * who know their own province, are simply refused.
 */
export function provinceAccess(principal: Principal, provinceCode: string): 'allowed' | 'forbidden' | 'hidden' {
  if (isSystemAdmin(principal)) return 'allowed';
  if (!hasRole(principal, 'province_viewer')) return 'forbidden';
  return principal.provinceCode === provinceCode ? 'allowed' : 'hidden';
}

/** Final grades of a regency's assessment: the system admin or a viewer of the regency's province. */
export function canGradeRegency(principal: Principal, regencyCode: string): boolean {
  if (isSystemAdmin(principal)) return true;
  return (
    hasRole(principal, 'province_viewer') &&
    principal.provinceCode !== null &&
    regencyInProvince(regencyCode, principal.provinceCode)
  );
}
