import type { EntityManager } from 'typeorm';
import { ActionRecord, CycleRecord, StageRecord } from '../entities/cycle.entity';
import { UnitRecord } from '../entities/unit.entity';

/** The parts of a resolved cycle plan the records keep (libs/domain's CyclePlan satisfies it). */
export interface CyclePlanRecords {
  templateId: string;
  templateVersion: string;
  actions: {
    code: string;
    number: number;
    title: { id: string };
    responsibleUnitCode: string | null;
    window: { start: string; end: string };
    stages: { code: string; order: number; title: { id: string }; ownerUnitCode: string | null }[];
  }[];
}

export interface StoredCycle {
  cycle: CycleRecord;
  actionIds: Map<string, string>;
  stageIds: Map<string, string>;
}

/**
 * Writes a cycle, its eight actions and their stages from a resolved plan, and carries last
 * year's unresolved Aksi 8 recommendations into it. Runs inside the caller's transaction; the
 * unique (regency, year) constraint makes a second writer fail instead of writing a twin.
 */
export async function insertCycle(
  manager: EntityManager,
  input: {
    regencyCode: string;
    year: number;
    plan: CyclePlanRecords;
    clock: CycleRecord['clock'];
    workflowId: string;
    createdBy: string | null;
  },
): Promise<StoredCycle> {
  const units = await manager.getRepository(UnitRecord).findBy({ regencyCode: input.regencyCode });
  const unitId = (code: string | null) => (code ? (units.find((u) => u.code === code)?.id ?? null) : null);
  const cycle = await manager.getRepository(CycleRecord).save({
    regencyCode: input.regencyCode,
    year: input.year,
    templateVersion: `${input.plan.templateId}@${input.plan.templateVersion}`,
    templateSnapshot: input.plan as unknown as Record<string, unknown>,
    clock: input.clock,
    workflowId: input.workflowId,
    createdBy: input.createdBy,
  });
  const actionIds = new Map<string, string>();
  const stageIds = new Map<string, string>();
  for (const action of input.plan.actions) {
    const row = await manager.getRepository(ActionRecord).save({
      cycleId: cycle.id,
      code: action.code,
      sequence: action.number,
      title: action.title.id,
      responsibleUnitId: unitId(action.responsibleUnitCode),
      windowStart: action.window.start,
      windowEnd: action.window.end,
    });
    actionIds.set(action.code, row.id);
    for (const stage of action.stages) {
      const stageRow = await manager.getRepository(StageRecord).save({
        actionId: row.id,
        code: stage.code,
        sequence: stage.order,
        title: stage.title.id,
        ownerUnitId: unitId(stage.ownerUnitCode),
      });
      stageIds.set(stage.code, stageRow.id);
    }
  }
  await manager.query(
    `INSERT INTO review_recommendation (cycle_id, unit_id, text, carried_from_id, created_by)
     SELECT $1, r.unit_id, r.text, r.id, NULL
       FROM review_recommendation r JOIN cycle c ON c.id = r.cycle_id
      WHERE c.regency_code = $2 AND c.year = $3 AND r.resolved_at IS NULL
     ON CONFLICT ON CONSTRAINT uq_review_recommendation_carried DO NOTHING`,
    [cycle.id, input.regencyCode, input.year - 1],
  );
  return { cycle, actionIds, stageIds };
}
