import { PlannedActivityRecord, UnitRecord } from '@konvergensi/persistence';
import { planningDocuments, type PlannedActivity, type PlanningDocument } from '@konvergensi/reporting';
import type { EntityManager } from 'typeorm';

/** The status and reference columns of each planning document. */
export const columns: Record<
  PlanningDocument,
  { status: keyof PlannedActivityRecord; reference: keyof PlannedActivityRecord }
> = {
  rkpd: { status: 'rkpdStatus', reference: 'rkpdReference' },
  renja: { status: 'renjaStatus', reference: 'renjaReference' },
  kuaPpas: { status: 'kuaPpasStatus', reference: 'kuaPpasReference' },
  rka: { status: 'rkaStatus', reference: 'rkaReference' },
};

/** The stored row as libs/reporting reads it. */
export function plannedActivityOf(
  record: PlannedActivityRecord,
  unit: { code: string; name: string },
): PlannedActivity {
  const tracking = Object.fromEntries(
    planningDocuments.map((d) => [
      d,
      { status: record[columns[d].status] as string, reference: record[columns[d].reference] as string | null },
    ]),
  ) as unknown as PlannedActivity['tracking'];
  return {
    id: record.id,
    unitCode: unit.code,
    unitName: unit.name,
    name: record.name,
    intervention: record.intervention,
    target: record.target,
    location: record.location,
    budget: record.budget,
    fundingSource: record.fundingSource,
    tracking,
  };
}

/** Every planned activity of a regency's year with its unit. */
export async function loadPlannedActivities(
  manager: EntityManager,
  regencyCode: string,
  year: number,
): Promise<PlannedActivity[]> {
  const [records, units] = await Promise.all([
    manager.getRepository(PlannedActivityRecord).find({ where: { regencyCode, year }, order: { createdAt: 'ASC' } }),
    manager.getRepository(UnitRecord).findBy({ regencyCode }),
  ]);
  const byId = new Map(units.map((u) => [u.id, u]));
  return records.map((r) => plannedActivityOf(r, byId.get(r.unitId) ?? { code: '?', name: '?' }));
}
