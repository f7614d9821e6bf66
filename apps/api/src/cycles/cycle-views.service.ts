import { Inject, Injectable } from '@nestjs/common';
import {
  actionProgress,
  localDateOf,
  stageStatus,
  workStatusLabel,
  type CyclePlan,
  type IndonesianTimeZone,
} from '@konvergensi/domain';
import { ActionRecord, CycleRecord, StageRecord, UnitRecord, type RegionRecord } from '@konvergensi/persistence';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '../tokens';

// Status rules (belum mulai/berjalan/terlambat/selesai, share of stages done) live in
// libs/domain/src/status so this view, the status read and the province view agree.
export { effectiveStatus, workStatusLabel } from '@konvergensi/domain';

/** The read model of a cycle: actions with status and progress, and their stages. */
@Injectable()
export class CycleViews {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async view(regency: RegionRecord, year: number, now = new Date()) {
    const cycle = await this.dataSource.getRepository(CycleRecord).findOneBy({ regencyCode: regency.code, year });
    if (!cycle) return undefined;
    const today = localDateOf(now, (regency.timeZone ?? 'Asia/Jakarta') as IndonesianTimeZone);
    const actions = await this.dataSource
      .getRepository(ActionRecord)
      .find({ where: { cycleId: cycle.id }, order: { sequence: 'ASC' } });
    const stages = await this.dataSource
      .getRepository(StageRecord)
      .createQueryBuilder('stage')
      .innerJoin(ActionRecord, 'action', 'action.id = stage.action_id')
      .where('action.cycle_id = :cycleId', { cycleId: cycle.id })
      .orderBy('stage.sequence', 'ASC')
      .getMany();
    const units = await this.dataSource.getRepository(UnitRecord).findBy({ regencyCode: regency.code });
    const unitCode = (id: string | null) => (id ? (units.find((u) => u.id === id)?.code ?? null) : null);
    const plan = cycle.templateSnapshot as unknown as CyclePlan;
    return {
      id: cycle.id,
      regencyCode: cycle.regencyCode,
      year: cycle.year,
      templateVersion: cycle.templateVersion,
      unmappedRoles: plan.unmappedRoles ?? [],
      actions: actions.map((action) => {
        const own = stages.filter((s) => s.actionId === action.id);
        const progress = actionProgress(
          { code: action.code, status: action.status, windowEnd: action.windowEnd, stages: own },
          now,
          today,
        );
        return {
          id: action.id,
          code: action.code,
          number: action.sequence,
          title: action.title,
          responsibleUnitCode: unitCode(action.responsibleUnitId),
          window: { start: action.windowStart, end: action.windowEnd },
          status: progress.status,
          statusLabel: progress.label,
          progress: {
            stagesDone: progress.stagesDone,
            stagesTotal: progress.stagesTotal,
            percent: progress.percent,
          },
          stages: own.map((stage) => {
            const status = stageStatus(stage, now);
            return {
              id: stage.id,
              code: stage.code,
              order: stage.sequence,
              title: stage.title,
              ownerUnitCode: unitCode(stage.ownerUnitId),
              status,
              statusLabel: workStatusLabel[status],
              dueAt: stage.dueAt?.toISOString() ?? null,
            };
          }),
        };
      }),
    };
  }
}
