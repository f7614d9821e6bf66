import { Inject, Injectable } from '@nestjs/common';
import {
  calendarInstant,
  compressionFromSnapshot,
  localDateOf,
  regencyCalendar,
  type CyclePlan,
  type RegencyCalendar,
  type TaskState,
  type WorkStatus,
} from '@konvergensi/domain';
import {
  ActionRecord,
  CycleRecord,
  loadRegencyCalendarSettings,
  PortalMilestoneRecord,
  StageRecord,
  UnitRecord,
  type PortalMilestoneCode,
  type RegionRecord,
} from '@konvergensi/persistence';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '../tokens';

export interface CycleTask {
  id: string;
  title: string;
  stageId: string | null;
  unitCode: string;
  unitName: string;
  status: TaskState;
  dueAt: Date;
  escalationLevel: number;
  approvedAt: Date | null;
  approvedBy: string | null;
}

export interface CycleMilestone {
  actionId: string;
  milestone: PortalMilestoneCode;
  reachedOn: string;
  note: string;
  recordedBy: { userId: string; displayName: string };
  recordedAt: Date;
}

/** Everything the status, portal and province reads know about one regency's year, loaded once. */
export interface CycleFacts {
  regency: RegionRecord;
  calendar: RegencyCalendar;
  /** The calendar instant of the read: the wall clock, or the cycle's compressed clock in tests and demos. */
  now: Date;
  today: string;
  /** True when the cycle plays on a compressed clock; every instant below is then a calendar instant. */
  compressed: boolean;
  cycle: CycleRecord;
  plan: CyclePlan;
  actions: ActionRecord[];
  stages: StageRecord[];
  units: Map<string, UnitRecord>;
  tasks: CycleTask[];
  milestones: CycleMilestone[];
  /** Approved evidence files per action id (what the portal export would contain). */
  approvedFilesByAction: Map<string, number>;
}

interface TaskRow {
  id: string;
  title: string;
  stage_id: string | null;
  unit_code: string;
  unit_name: string;
  status: TaskState;
  due_at: Date;
  escalation_level: number;
  approved_at: Date | null;
  approved_by: string | null;
  closed_at: Date | null;
}

/**
 * Loads a cycle's records as the workflows keep them (actions, stages, tasks with their approval
 * events, portal milestones). The pure rules of libs/domain/src/status turn them into status.
 */
@Injectable()
export class CycleFactsLoader {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async load(regency: RegionRecord, year: number, now = new Date()): Promise<CycleFacts | undefined> {
    const cycle = await this.dataSource.getRepository(CycleRecord).findOneBy({ regencyCode: regency.code, year });
    if (!cycle) return undefined;
    const calendar = regencyCalendar(await loadRegencyCalendarSettings(this.dataSource, regency.code));
    // A year played fast stores wall-clock instants; the rules reason in calendar days, so every
    // instant is read back onto the year's calendar first.
    const clock = compressionFromSnapshot(cycle.clock);
    const onCalendar = <T extends Date | null>(instant: T): T =>
      (instant === null ? null : calendarInstant(instant, clock)) as T;
    const actions = await this.dataSource
      .getRepository(ActionRecord)
      .find({ where: { cycleId: cycle.id }, order: { sequence: 'ASC' } });
    const stages = (
      await this.dataSource
        .getRepository(StageRecord)
        .createQueryBuilder('stage')
        .innerJoin(ActionRecord, 'action', 'action.id = stage.action_id')
        .where('action.cycle_id = :cycleId', { cycleId: cycle.id })
        .orderBy('stage.sequence', 'ASC')
        .getMany()
    ).map((stage) =>
      Object.assign(stage, {
        dueAt: onCalendar(stage.dueAt),
        openedAt: onCalendar(stage.openedAt),
        closedAt: onCalendar(stage.closedAt),
      }),
    );
    const units = new Map(
      (await this.dataSource.getRepository(UnitRecord).findBy({ regencyCode: regency.code })).map((u) => [u.id, u]),
    );
    // A task belongs to the cycle through its stage (workflow tasks) or its cycle id.
    const taskRows: TaskRow[] = await this.dataSource.query(
      `SELECT t.id, t.title, t.stage_id, u.code AS unit_code, u.name AS unit_name, t.status, t.due_at,
              t.escalation_level, t.closed_at, approval.occurred_at AS approved_at, approver.display_name AS approved_by
         FROM task t
         JOIN unit u ON u.id = t.assignee_unit_id
         LEFT JOIN LATERAL (
           SELECT e.occurred_at, e.actor_user_id FROM task_event e
            WHERE e.task_id = t.id AND e.kind = 'approved'
            ORDER BY e.occurred_at DESC LIMIT 1
         ) approval ON true
         LEFT JOIN app_user approver ON approver.id = approval.actor_user_id
        WHERE t.regency_code = $1
          AND (t.cycle_id = $2 OR t.stage_id = ANY($3::uuid[]))
        ORDER BY t.due_at, t.id`,
      [regency.code, cycle.id, stages.map((s) => s.id)],
    );
    const tasks = taskRows.map((row): CycleTask => ({
      id: row.id,
      title: row.title,
      stageId: row.stage_id,
      unitCode: row.unit_code,
      unitName: row.unit_name,
      status: row.status,
      dueAt: new Date(row.due_at),
      escalationLevel: row.escalation_level,
      approvedAt:
        row.status !== 'approved'
          ? null
          : row.approved_at
            ? new Date(row.approved_at)
            : row.closed_at
              ? new Date(row.closed_at)
              : null,
      approvedBy: row.status === 'approved' ? row.approved_by : null,
    }));
    const milestoneRows = await this.dataSource
      .getRepository(PortalMilestoneRecord)
      .createQueryBuilder('m')
      .leftJoinAndSelect('m.recorder', 'recorder')
      .where('m.action_id = ANY(:ids)', { ids: actions.map((a) => a.id) })
      .getMany();
    const milestones = milestoneRows.map((m): CycleMilestone => ({
      actionId: m.actionId,
      milestone: m.milestone,
      reachedOn: m.reachedOn,
      note: m.note,
      recordedBy: { userId: m.recordedBy, displayName: m.recorder?.displayName ?? '' },
      recordedAt: m.recordedAt,
    }));
    const fileRows: { action_id: string; files: string }[] = await this.dataSource.query(
      `SELECT s.action_id, count(f.id) AS files
         FROM evidence_file f
         JOIN task t ON t.id = f.task_id AND t.status = 'approved'
         JOIN action_stage s ON s.id = t.stage_id
        WHERE s.id = ANY($1::uuid[]) AND t.regency_code = $2
        GROUP BY s.action_id`,
      [stages.map((s) => s.id), regency.code],
    );
    const calendarNow = calendarInstant(now, clock);
    return {
      regency,
      calendar,
      now: calendarNow,
      today: localDateOf(calendarNow, calendar.zone),
      compressed: clock !== undefined,
      cycle,
      plan: cycle.templateSnapshot as unknown as CyclePlan,
      actions,
      stages,
      units,
      tasks,
      milestones,
      approvedFilesByAction: new Map(fileRows.map((r) => [r.action_id, Number(r.files)])),
    };
  }
}

/** The status of every action and stage code of a cycle, for dependency look-ups. */
export function statusByCode(
  actions: readonly { code: string; status: WorkStatus }[],
  stages: readonly { code: string; status: WorkStatus }[],
): (code: string) => WorkStatus | undefined {
  const map = new Map<string, WorkStatus>();
  for (const a of actions) map.set(a.code, a.status);
  for (const s of stages) map.set(s.code, s.status);
  return (code) => map.get(code);
}
