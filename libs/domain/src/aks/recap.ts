import { aksTargetGroups, type AksTargetGroup } from './target-groups';

export interface AksRecapRow {
  kecamatan: string;
  counts: Record<AksTargetGroup, number>;
  total: number;
}

export interface AksRecap {
  groups: readonly AksTargetGroup[];
  rows: AksRecapRow[];
  total: AksRecapRow;
}

const zeroCounts = (): Record<AksTargetGroup, number> =>
  Object.fromEntries(aksTargetGroups.map((g) => [g, 0])) as Record<AksTargetGroup, number>;

/**
 * 003's "Tabel Rekapitulasi Keluarga Berisiko dan atau Anak Stunting yang di Audit": cases per
 * kecamatan and target group with a TOTAL row. Kecamatan appear in the given order (the regency's
 * own), those with no case are left out as in 003; counts only, never identities.
 */
export function aksRecap(
  cases: readonly { kecamatan: string; targetGroup: AksTargetGroup }[],
  kecamatanOrder: readonly string[] = [],
): AksRecap {
  const byKecamatan = new Map<string, Record<AksTargetGroup, number>>();
  for (const c of cases) {
    const counts = byKecamatan.get(c.kecamatan) ?? zeroCounts();
    counts[c.targetGroup] += 1;
    byKecamatan.set(c.kecamatan, counts);
  }
  const rank = (name: string) => {
    const index = kecamatanOrder.indexOf(name);
    return index === -1 ? kecamatanOrder.length : index;
  };
  const rows = [...byKecamatan.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b, 'id'))
    .map(([kecamatan, counts]) => ({
      kecamatan,
      counts,
      total: Object.values(counts).reduce((sum, n) => sum + n, 0),
    }));
  const totalCounts = zeroCounts();
  for (const row of rows) for (const g of aksTargetGroups) totalCounts[g] += row.counts[g];
  return {
    groups: aksTargetGroups,
    rows,
    total: { kecamatan: 'TOTAL', counts: totalCounts, total: rows.reduce((sum, r) => sum + r.total, 0) },
  };
}
