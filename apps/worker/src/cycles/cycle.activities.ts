import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from '@konvergensi/logging';
import type { CycleActivities, TaskDeliverable, TaskWorkflowInput } from '@konvergensi/contracts';
import {
  calendarInstant,
  compressionFromSnapshot,
  dueAfter,
  indonesianMonthNames,
  localDateOf,
  nextWorkingDay,
  regencyCalendar,
  taskScheduleFor,
  type CyclePlan,
  type CyclePlanAction,
  type CyclePlanStage,
} from '@konvergensi/domain';
import {
  ActionRecord,
  CycleRecord,
  StageRecord,
  UnitRecord,
  loadRegencyCalendarSettings,
  uuidFromKey,
} from '@konvergensi/persistence';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE, LOGGER } from '../tokens';
import { StageOutputs } from './stage-outputs';

const deliverableKind: Record<CyclePlanStage['deliverables'][number]['kind'], TaskDeliverable['kind']> = {
  document: 'document',
  dataTable: 'data_table',
  signature: 'signature',
  minutes: 'minutes',
};

/**
 * The cycle workflows' I/O: the read model of cycles, actions and stages, and the tasks a stage
 * opens. Writes are conditional or keyed, so a retried activity changes nothing twice.
 */
@Injectable()
export class CycleActivitiesProvider implements CycleActivities {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly outputs: StageOutputs,
  ) {}

  async cycleStarted({ cycleId }: { cycleId: string }): Promise<void> {
    await this.dataSource.query(`UPDATE cycle SET status = 'in_progress' WHERE id = $1 AND status = 'not_started'`, [
      cycleId,
    ]);
  }

  async cycleFinished({ cycleId }: { cycleId: string }): Promise<void> {
    await this.dataSource.query(`UPDATE cycle SET status = 'done' WHERE id = $1`, [cycleId]);
  }

  async actionStarted({ actionId }: { actionId: string }): Promise<void> {
    await this.dataSource.query(
      `UPDATE cycle_action SET status = 'in_progress' WHERE id = $1 AND status = 'not_started'`,
      [actionId],
    );
  }

  async actionFinished({ actionId }: { actionId: string }): Promise<void> {
    await this.dataSource.query(`UPDATE cycle_action SET status = 'done' WHERE id = $1`, [actionId]);
  }

  async openStageRound({
    cycleId,
    stageId,
    round,
  }: {
    cycleId: string;
    stageId: string;
    round: number;
  }): Promise<TaskWorkflowInput[]> {
    const cycle = await this.dataSource.getRepository(CycleRecord).findOneByOrFail({ id: cycleId });
    const stageRow = await this.dataSource.getRepository(StageRecord).findOneByOrFail({ id: stageId });
    const actionRow = await this.dataSource.getRepository(ActionRecord).findOneByOrFail({ id: stageRow.actionId });
    const plan = cycle.templateSnapshot as unknown as CyclePlan;
    const action = plan.actions.find((a) => a.code === actionRow.code);
    const stage = action?.stages.find((s) => s.code === stageRow.code);
    if (!action || !stage) throw new Error(`stage ${stageRow.code} is not in the cycle's plan`);

    const calendar = regencyCalendar(await loadRegencyCalendarSettings(this.dataSource, cycle.regencyCode));
    const compression = compressionFromSnapshot(cycle.clock);
    const today = localDateOf(calendarInstant(new Date(), compression), calendar.zone);
    const window = stage.window ?? action.window;
    const late = today > window.end;
    const dueDate = nextWorkingDay(
      dueAfter(today, stage.duration ?? { amount: 10, unit: 'workingDays' }, calendar.rules),
      calendar.rules,
    );
    const schedule = taskScheduleFor(dueDate, calendar, compression);

    const units = await this.dataSource
      .getRepository(UnitRecord)
      .findBy({ regencyCode: cycle.regencyCode, active: true });
    const unitByCode = new Map(units.map((u) => [u.code, u]));
    const assignees = [...new Set([stage.ownerUnitCode, ...stage.participantUnitCodes])]
      .filter((code): code is string => code !== null)
      .map((code) => unitByCode.get(code))
      .filter((unit): unit is UnitRecord => unit !== undefined);

    await this.dataSource.query(
      `UPDATE action_stage
          SET status = CASE WHEN status = 'not_started' THEN $2 ELSE status END,
              opened_at = COALESCE(opened_at, now()),
              due_at = GREATEST(COALESCE(due_at, $3::timestamptz), $3::timestamptz)
        WHERE id = $1`,
      [stageId, late ? 'late' : 'in_progress', schedule.dueAt],
    );
    if (assignees.length === 0) {
      this.logger.warn({ cycleId, stage: stage.code }, 'stage has no unit mapped to its roles; it closes at once');
    }
    const carried = round === 0 ? await this.outputs.briefingFor(cycle, action, stage) : '';
    return assignees.map((unit) => ({
      taskId: uuidFromKey(`stage:${stageId}:round:${round}:unit:${unit.id}`),
      regencyCode: cycle.regencyCode,
      kind: 'cycle',
      title: titleOf(action, stage, round, today),
      description: descriptionOf(action, stage, unit.code === stage.ownerUnitCode, late, carried),
      deliverables: stage.deliverables.map((d) => ({ kind: deliverableKind[d.kind], title: d.title.id })),
      assigneeUnitId: unit.id,
      schedule,
      createdBy: null,
      cycleId,
      stageId,
    }));
  }

  async closeStage({ cycleId, stageId }: { cycleId: string; stageId: string }): Promise<void> {
    await this.dataSource.query(
      `UPDATE action_stage SET status = 'done', closed_at = COALESCE(closed_at, now()) WHERE id = $1`,
      [stageId],
    );
    await this.outputs.stageClosed(cycleId, stageId);
  }
}

function titleOf(action: CyclePlanAction, stage: CyclePlanStage, round: number, today: string): string {
  const base = `Aksi ${action.number} — ${stage.title.id}`;
  if ((stage.recurrence?.kind ?? 'once') === 'once') return base;
  const month = indonesianMonthNames[Number(today.slice(5, 7)) - 1];
  return `${base} (putaran ${round + 1}, ${month} ${today.slice(0, 4)})`;
}

function descriptionOf(
  action: CyclePlanAction,
  stage: CyclePlanStage,
  owner: boolean,
  late: boolean,
  carried: string,
): string {
  const lines = [
    `${action.title.id}: tahap "${stage.title.id}".`,
    owner
      ? 'Unit Anda adalah pemilik tahap ini: siapkan keluaran tahap dan setujui kiriman unit peserta.'
      : 'Unit Anda adalah peserta tahap ini: kirimkan masukan unit Anda.',
  ];
  if (stage.deliverables.length > 0)
    lines.push(`Keluaran yang diminta: ${stage.deliverables.map((d) => d.title.id).join('; ')}.`);
  if (late) lines.push('Tahap ini dibuka setelah jendela waktunya lewat dan tercatat terlambat.');
  if (carried) lines.push(carried);
  return lines.join('\n');
}
