import { Inject, Injectable } from '@nestjs/common';
import { localDateOf, type CyclePlan, type IndonesianTimeZone } from '@konvergensi/domain';
import {
  ActionRecord,
  CycleRecord,
  StageRecord,
  UnitRecord,
  type RegionRecord,
  type WorkStatus,
} from '@konvergensi/persistence';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '../tokens';

/** Indonesian names of the work statuses the dashboards show. */
export const workStatusLabel: Record<WorkStatus, string> = {
  not_started: 'belum mulai',
  in_progress: 'berjalan',
  late: 'terlambat',
  done: 'selesai',
};

/** A stored status, made "late" when its window has closed before it was done. */
export function effectiveStatus(stored: WorkStatus, windowEnd: string, today: string): WorkStatus {
  if (stored === 'done' || stored === 'late') return stored;
  return today > windowEnd ? 'late' : stored;
}

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
        const done = own.filter((s) => s.status === 'done').length;
        const status = effectiveStatus(action.status, action.windowEnd, today);
        return {
          id: action.id,
          code: action.code,
          number: action.sequence,
          title: action.title,
          responsibleUnitCode: unitCode(action.responsibleUnitId),
          window: { start: action.windowStart, end: action.windowEnd },
          status,
          statusLabel: workStatusLabel[status],
          progress: {
            stagesDone: done,
            stagesTotal: own.length,
            percent: own.length ? Math.round((done / own.length) * 100) : 0,
          },
          stages: own.map((stage) => ({
            id: stage.id,
            code: stage.code,
            order: stage.sequence,
            title: stage.title,
            ownerUnitCode: unitCode(stage.ownerUnitId),
            status: stage.status,
            statusLabel: workStatusLabel[stage.status],
            dueAt: stage.dueAt?.toISOString() ?? null,
          })),
        };
      }),
    };
  }
}
