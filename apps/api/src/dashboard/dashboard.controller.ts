import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  localDateOf,
  calendarDaysBetween,
  portalMilestoneLabel,
  portalMilestones,
  type IndonesianTimeZone,
  type PortalMilestone,
} from '@konvergensi/domain';
import { CycleRecord } from '@konvergensi/persistence';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { regencyParams, yearSchema } from '../common/schemas';
import { CycleViews } from '../cycles/cycle-views.service';
import { RegencyAccess } from '../tenancy/regency-access.service';
import { DATA_SOURCE } from '../tokens';

const dashboardQuery = z.strictObject({ year: yearSchema.optional() });

interface UnitRow {
  unit_code: string;
  unit_name: string;
  open_tasks: string;
  overdue_tasks: string;
  closed_tasks: string;
  closed_on_time: string;
}

interface EscalationRow {
  id: string;
  title: string;
  unit_code: string;
  unit_name: string;
  due_at: Date;
  escalation_level: number;
  status: string;
}

/** What TPPS leadership reads at a glance: the year's actions, who is late, what has escalated. */
@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('api/v1/regencies/:code/dashboard')
export class DashboardController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly regencies: RegencyAccess,
    private readonly cycles: CycleViews,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Per-action status of the year, overdue tasks and on-time rate by unit, open escalations' })
  async dashboard(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: regencyParams }) params: z.infer<typeof regencyParams>,
    @Query({ schema: dashboardQuery }) query: z.infer<typeof dashboardQuery>,
  ) {
    const regency = await this.regencies.readable(principal, params.code);
    const zone = (regency.timeZone ?? 'Asia/Jakarta') as IndonesianTimeZone;
    const now = new Date();
    const year =
      query.year ??
      (
        await this.dataSource
          .getRepository(CycleRecord)
          .findOne({ where: { regencyCode: regency.code }, order: { year: 'DESC' } })
      )?.year;
    const cycle = year === undefined ? undefined : await this.cycles.view(regency, year, now);

    const units: UnitRow[] = await this.dataSource.query(
      `SELECT u.code AS unit_code, u.name AS unit_name,
              count(*) FILTER (WHERE t.status IN ('open', 'returned', 'submitted')) AS open_tasks,
              count(*) FILTER (WHERE t.status IN ('open', 'returned') AND t.due_at < $2) AS overdue_tasks,
              count(*) FILTER (WHERE t.status = 'approved') AS closed_tasks,
              count(*) FILTER (WHERE t.status = 'approved' AND t.closed_at <= t.due_at) AS closed_on_time
         FROM unit u JOIN task t ON t.assignee_unit_id = u.id AND t.regency_code = $1
        WHERE u.regency_code = $1
        GROUP BY u.code, u.name
        ORDER BY overdue_tasks DESC, u.code`,
      [regency.code, now],
    );
    const escalations: EscalationRow[] = await this.dataSource.query(
      `SELECT t.id, t.title, u.code AS unit_code, u.name AS unit_name, t.due_at, t.escalation_level, t.status
         FROM task t JOIN unit u ON u.id = t.assignee_unit_id
        WHERE t.regency_code = $1 AND t.status IN ('open', 'returned') AND t.escalation_level >= 2
        ORDER BY t.escalation_level DESC, t.due_at ASC
        LIMIT 200`,
      [regency.code],
    );
    const today = localDateOf(now, zone);
    // The Aksi Bangda milestones the secretary recorded, so leadership sees what is filed nationally.
    const milestones: { action_id: string; milestone: PortalMilestone; reached_on: string }[] = cycle
      ? await this.dataSource.query(
          `SELECT action_id, milestone, to_char(reached_on, 'YYYY-MM-DD') AS reached_on
             FROM portal_milestone WHERE action_id = ANY($1::uuid[])`,
          [cycle.actions.map((a) => a.id)],
        )
      : [];
    return {
      regencyCode: regency.code,
      regencyName: regency.name,
      year: year ?? null,
      actions:
        cycle?.actions.map(({ stages: _stages, ...action }) => ({
          ...action,
          portalMilestones: portalMilestones
            .map((code) => milestones.find((m) => m.action_id === action.id && m.milestone === code))
            .filter((m) => m !== undefined)
            .map((m) => ({
              milestone: m.milestone,
              label: portalMilestoneLabel[m.milestone],
              reachedOn: m.reached_on,
            })),
        })) ?? [],
      units: units.map((row) => ({
        code: row.unit_code,
        name: row.unit_name,
        openTasks: Number(row.open_tasks),
        overdueTasks: Number(row.overdue_tasks),
        closedTasks: Number(row.closed_tasks),
        onTimeRate:
          Number(row.closed_tasks) > 0
            ? Math.round((Number(row.closed_on_time) / Number(row.closed_tasks)) * 1000) / 10
            : null,
      })),
      openEscalations: escalations.map((row) => ({
        taskId: row.id,
        title: row.title,
        unit: { code: row.unit_code, name: row.unit_name },
        dueAt: new Date(row.due_at).toISOString(),
        daysLate: Math.max(0, calendarDaysBetween(localDateOf(new Date(row.due_at), zone), today)),
        escalationLevel: row.escalation_level,
      })),
    };
  }
}
