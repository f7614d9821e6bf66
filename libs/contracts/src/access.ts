/**
 * The roles a person can hold in the system (access roles), as opposed to the organisational
 * roles of libs/domain that say which unit does which work.
 */
export const userRoles = [
  'system_admin',
  /** Ketua TPPS */
  'tpps_chair',
  /** Sekretaris TPPS (Bappeda or the family-planning office, per regency) */
  'tpps_secretary',
  /** Petugas OPD */
  'opd_officer',
  /** Kepala OPD */
  'opd_head',
  /** Tim teknis AKS */
  'aks_technical',
  /** Tim pakar AKS */
  'aks_expert',
  /** Pemantau provinsi: read-only across the province's regencies */
  'province_viewer',
] as const;

export type UserRole = (typeof userRoles)[number];

export const regencyLeadershipRoles: readonly UserRole[] = ['tpps_chair', 'tpps_secretary'];
export const unitRoles: readonly UserRole[] = ['opd_officer', 'opd_head'];
export const aksRoles: readonly UserRole[] = ['aks_technical', 'aks_expert'];
/** Roles whose sessions have idle and absolute limits: they administer, or see AKS identities. */
export const privilegedRoles: readonly UserRole[] = ['system_admin', ...aksRoles];

/** What GET /api/v1/me answers. */
export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  email: string;
  roles: UserRole[];
  /** Kemendagri code of the user's regency; null for system admins and province viewers. */
  regencyCode: string | null;
  /** Province code for province viewers. */
  provinceCode: string | null;
  unit: { id: string; code: string; name: string } | null;
}
