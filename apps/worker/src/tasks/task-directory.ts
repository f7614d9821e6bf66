import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@konvergensi/config';
import type { IndonesianTimeZone } from '@konvergensi/domain';
import type { TaskNoticeData } from '@konvergensi/notifications';
import { RegionRecord, TaskRecord, UnitRecord } from '@konvergensi/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, DATA_SOURCE } from '../tokens';

export interface Recipient {
  userId: string | null;
  email: string;
}

export interface TaskContext {
  task: TaskRecord;
  unit: UnitRecord;
  regency: RegionRecord;
  timeZone: IndonesianTimeZone;
  escalationDelivery: 'digest' | 'immediate';
}

/** Who receives what about a task: read from the records, never from workflow inputs. */
@Injectable()
export class TaskDirectory {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async context(taskId: string, manager: EntityManager = this.dataSource.manager): Promise<TaskContext> {
    const task = await manager.getRepository(TaskRecord).findOneByOrFail({ id: taskId });
    const unit = await manager.getRepository(UnitRecord).findOneByOrFail({ id: task.assigneeUnitId });
    const regency = await manager.getRepository(RegionRecord).findOneByOrFail({ code: task.regencyCode });
    const [setting] = (await manager.query(
      `SELECT escalation_delivery FROM escalation_setting WHERE regency_code = $1`,
      [task.regencyCode],
    )) as {
      escalation_delivery: 'digest' | 'immediate';
    }[];
    return {
      task,
      unit,
      regency,
      timeZone: (regency.timeZone ?? 'Asia/Jakarta') as IndonesianTimeZone,
      escalationDelivery: setting?.escalation_delivery ?? 'digest',
    };
  }

  noticeData(context: TaskContext, extra: Partial<TaskNoticeData> = {}): TaskNoticeData {
    return {
      taskId: context.task.id,
      taskTitle: context.task.title,
      unitName: context.unit.name,
      regencyName: context.regency.name,
      dueAt: context.task.dueAt,
      timeZone: context.timeZone,
      taskUrl: `${this.config.APP_BASE_URL}/tugas/${context.task.id}`,
      ...extra,
    };
  }

  /** The unit's officers, its substitutes on duty today, and the unit's own address. */
  async unitStaff(unitId: string, manager: EntityManager = this.dataSource.manager): Promise<Recipient[]> {
    const rows = (await manager.query(
      `SELECT DISTINCT u.id, u.email FROM app_user u JOIN role_assignment r ON r.user_id = u.id
        WHERE u.unit_id = $1 AND u.active AND r.role = 'opd_officer'
       UNION
       SELECT DISTINCT s.id, s.email FROM task_delegation d
         JOIN app_user s ON s.id = d.substitute_user_id
         JOIN unit du ON du.id = d.unit_id
         JOIN region r ON r.code = du.regency_code
        WHERE d.unit_id = $1 AND d.revoked_at IS NULL AND s.active
          -- Leave periods are days of the regency's own calendar.
          AND (now() AT TIME ZONE COALESCE(r.time_zone, 'Asia/Jakarta'))::date BETWEEN d.starts_on AND d.ends_on`,
      [unitId],
    )) as { id: string; email: string }[];
    const unit = await manager.getRepository(UnitRecord).findOneBy({ id: unitId });
    const recipients: Recipient[] = rows.map((row) => ({ userId: row.id, email: row.email }));
    if (unit?.email && !recipients.some((r) => r.email === unit.email))
      recipients.push({ userId: null, email: unit.email });
    return recipients;
  }

  async unitHeads(unitId: string, manager: EntityManager = this.dataSource.manager): Promise<Recipient[]> {
    return this.usersWhere(manager, `u.unit_id = $1 AND r.role = 'opd_head'`, [unitId]);
  }

  async regencyRole(
    regencyCode: string,
    role: 'tpps_secretary' | 'tpps_chair',
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Recipient[]> {
    return this.usersWhere(manager, `u.regency_code = $1 AND r.role = $2`, [regencyCode, role]);
  }

  private async usersWhere(manager: EntityManager, where: string, params: unknown[]): Promise<Recipient[]> {
    const rows = (await manager.query(
      `SELECT DISTINCT u.id, u.email FROM app_user u JOIN role_assignment r ON r.user_id = u.id WHERE u.active AND ${where} ORDER BY u.email`,
      params,
    )) as { id: string; email: string }[];
    return rows.map((row) => ({ userId: row.id, email: row.email }));
  }
}
