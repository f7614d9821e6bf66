/**
 * The audited target groups of 003 tahap 2 (catin, bumil, busui/bufas, baduta/balita), as the CSV
 * column `kelompok_sasaran` names them.
 */
export const aksTargetGroups = ['catin', 'ibu_hamil', 'ibu_nifas_menyusui', 'baduta', 'balita'] as const;
export type AksTargetGroup = (typeof aksTargetGroups)[number];

/** Column headings of 003's recap table (CATIN, BUMIL, BUFAS, BADUTA) plus balita. */
export const aksTargetGroupLabels: Record<AksTargetGroup, string> = {
  catin: 'Catin',
  ibu_hamil: 'Bumil',
  ibu_nifas_menyusui: 'Bufas/Busui',
  baduta: 'Baduta',
  balita: 'Balita',
};

export function isAksTargetGroup(value: string): value is AksTargetGroup {
  return (aksTargetGroups as readonly string[]).includes(value);
}
