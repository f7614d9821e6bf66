import { Body, Controller, Get, HttpStatus, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ActionRecord,
  RegionRecord,
  StageRecord,
  TaskEventRecord,
  TaskRecord,
  UnitRecord,
} from '@konvergensi/persistence';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { z } from 'zod';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { idParams, localDateSchema, regencyCodeSchema, unitCodeSchema } from '../common/schemas';
import { canActAsAssignee, canCoordinate, canReadTask, hasRole, isSystemAdmin } from '../tenancy/access-policy';
import { DATA_SOURCE } from '../tokens';

const taskStatuses = ['open', 'submitted', 'approved', 'returned', 'cancelled', 'reassigned'] as const;

const inboxQuery = z.strictObject({
  status: z
    .string()
    .transform((value) => value.split(',').map((s) => s.trim()))
    .pipe(z.array(z.enum(taskStatuses)).min(1))
    .optional(),
  action: z
    .string()
    .regex(/^AKSI_[1-8]$/, 'kode aksi AKSI_1 … AKSI_8')
    .optional(),
  unit: unitCodeSchema.optional(),
  /** Inclusive bounds on the due day (YYYY-MM-DD in the regency's zone). */
  regency: regencyCodeSchema.optional(),
  dueBefore: localDateSchema.optional(),
  dueAfter: localDateSchema.optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export const taskNotFound = (): ApiError =>
  new ApiError(HttpStatus.NOT_FOUND, 'TASK_NOT_FOUND', 'Tugas tidak ditemukan.');

/** What the inbox and the task page show of a task. */
export function presentTask(task: TaskRecord, unit: UnitRecord | undefined, now: Date) {
  const closed = ['approved', 'cancelled', 'reassigned'].includes(task.status);
  return {
    id: task.id,
    regencyCode: task.regencyCode,
    kind: task.kind,
    title: task.title,
    description: task.description,
    status: task.status,
    unit: unit ? { id: unit.id, code: unit.code, name: unit.name } : null,
    dueAt: task.dueAt.toISOString(),
    overdue: !closed && task.status !== 'submitted' && task.dueAt.getTime() < now.getTime(),
    escalationLevel: task.escalationLevel,
    deliverables: task.deliverables,
    cycleId: task.cycleId,
    stageId: task.stageId,
    createdAt: task.createdAt.toISOString(),
    closedAt: task.closedAt?.toISOString() ?? null,
  };
}

/**
 * Applies who-sees-what to a task query: the admin sees all, leadership and province viewers
 * their regencies, unit staff their unit, AKS auditors the audit's follow-up tasks.
 */
function scopeToCaller(query: SelectQueryBuilder<TaskRecord>, principal: Principal): SelectQueryBuilder<TaskRecord> {
  if (isSystemAdmin(principal)) return query;
  const scopes: string[] = [];
  const params: Record<string, unknown> = {
    regency: principal.regencyCode,
    unitId: principal.unitId,
    province: `${principal.provinceCode}.%`,
  };
  if (principal.regencyCode && hasRole(principal, 'tpps_chair', 'tpps_secretary'))
    scopes.push('task.regency_code = :regency');
  if (principal.regencyCode && principal.unitId && hasRole(principal, 'opd_officer', 'opd_head')) {
    scopes.push('(task.regency_code = :regency AND task.assignee_unit_id = :unitId)');
  }
  if (principal.regencyCode && hasRole(principal, 'aks_technical', 'aks_expert')) {
    scopes.push("(task.regency_code = :regency AND task.kind = 'aks_follow_up')");
  }
  if (principal.provinceCode && hasRole(principal, 'province_viewer')) scopes.push('task.regency_code LIKE :province');
  return query.andWhere(scopes.length ? `(${scopes.join(' OR ')})` : 'FALSE', params);
}

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('api/v1/tasks')
export class TasksController {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: "The caller's inbox, sorted by due date, with filters and pagination" })
  async inbox(
    @CurrentPrincipal() principal: Principal,
    @Query({ schema: inboxQuery }) query: z.infer<typeof inboxQuery>,
  ) {
    const now = new Date();
    let builder = this.dataSource
      .getRepository(TaskRecord)
      .createQueryBuilder('task')
      .leftJoinAndMapOne('task.assigneeUnit', UnitRecord, 'unit', 'unit.id = task.assignee_unit_id');
    builder = scopeToCaller(builder, principal);
    if (query.status) builder.andWhere('task.status IN (:...statuses)', { statuses: query.status });
    if (query.regency) builder.andWhere('task.regency_code = :filterRegency', { filterRegency: query.regency });
    if (query.unit) builder.andWhere('unit.code = :unitCode', { unitCode: query.unit });
    if (query.action) {
      builder
        .innerJoin(StageRecord, 'stage', 'stage.id = task.stage_id')
        .innerJoin(ActionRecord, 'action', 'action.id = stage.action_id')
        .andWhere('action.code = :actionCode', { actionCode: query.action });
    }
    // Date filters compare the due day as the regency reads it, in its own time zone.
    if (query.dueBefore || query.dueAfter)
      builder.innerJoin(RegionRecord, 'regency', 'regency.code = task.regency_code');
    const localDueDay = "(task.due_at AT TIME ZONE COALESCE(regency.time_zone, 'Asia/Jakarta'))::date";
    if (query.dueBefore) builder.andWhere(`${localDueDay} <= :dueBefore::date`, { dueBefore: query.dueBefore });
    if (query.dueAfter) builder.andWhere(`${localDueDay} >= :dueAfter::date`, { dueAfter: query.dueAfter });
    if (query.overdue !== undefined) {
      builder.andWhere(
        query.overdue
          ? "task.status IN ('open', 'returned') AND task.due_at < :now"
          : "NOT (task.status IN ('open', 'returned') AND task.due_at < :now)",
        { now },
      );
    }
    const [tasks, total] = await builder
      .orderBy('task.due_at', 'ASC')
      .addOrderBy('task.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return {
      items: tasks.map((task) => presentTask(task, task.assigneeUnit, now)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One task with its event history (the audit trail)' })
  async read(@CurrentPrincipal() principal: Principal, @Param({ schema: idParams }) params: z.infer<typeof idParams>) {
    const task = await this.readableTask(principal, params.id);
    const unit = await this.dataSource.getRepository(UnitRecord).findOneBy({ id: task.assigneeUnitId });
    const events = await this.dataSource
      .getRepository(TaskEventRecord)
      .find({ where: { taskId: task.id }, order: { occurredAt: 'ASC' } });
    return {
      ...presentTask(task, unit ?? undefined, new Date()),
      events: events.map((event) => ({
        id: event.id,
        kind: event.kind,
        actorUserId: event.actorUserId,
        onBehalfOfUserId: event.onBehalfOfUserId,
        occurredAt: event.occurredAt.toISOString(),
        payload: event.payload,
      })),
    };
  }

  @Post(':id/submit')
  @ApiOperation({ summary: 'Submits the task (hands over to the task workflow; 501 until it exists)' })
  async submit(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: idParams }) params: z.infer<typeof idParams>,
    @Body() _body: unknown,
  ) {
    const task = await this.readableTask(principal, params.id);
    if (!canActAsAssignee(principal, task)) throw forbiddenForTask();
    throw notYetAvailable();
  }

  @Post(':id/extension-requests')
  @ApiOperation({ summary: 'Asks for a later due date (hands over to the task workflow; 501 until it exists)' })
  async requestExtension(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: idParams }) params: z.infer<typeof idParams>,
    @Body() _body: unknown,
  ) {
    const task = await this.readableTask(principal, params.id);
    if (!canActAsAssignee(principal, task)) throw forbiddenForTask();
    throw notYetAvailable();
  }

  @Post(':id/approve')
  @ApiOperation({ summary: 'Approves the submission (task workflow; 501 until it exists)' })
  async approve(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: idParams }) params: z.infer<typeof idParams>,
    @Body() _body: unknown,
  ) {
    return this.coordinate(principal, params.id);
  }

  @Post(':id/return')
  @ApiOperation({ summary: 'Returns the submission with a reason (task workflow; 501 until it exists)' })
  async return(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: idParams }) params: z.infer<typeof idParams>,
    @Body() _body: unknown,
  ) {
    return this.coordinate(principal, params.id);
  }

  @Post(':id/reassign')
  @ApiOperation({ summary: 'Gives the task to another unit (task workflow; 501 until it exists)' })
  async reassign(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: idParams }) params: z.infer<typeof idParams>,
    @Body() _body: unknown,
  ) {
    return this.coordinate(principal, params.id);
  }

  private async coordinate(principal: Principal, id: string): Promise<never> {
    const task = await this.readableTask(principal, id);
    if (!canCoordinate(principal, task.regencyCode)) throw forbiddenForTask();
    throw notYetAvailable();
  }

  /** Tasks of other tenants answer 404 exactly like ids that do not exist. */
  private async readableTask(principal: Principal, id: string): Promise<TaskRecord> {
    const task = await this.dataSource.getRepository(TaskRecord).findOneBy({ id });
    if (!task || !canReadTask(principal, task)) throw taskNotFound();
    return task;
  }
}

function forbiddenForTask(): ApiError {
  return new ApiError(HttpStatus.FORBIDDEN, 'FORBIDDEN', 'Anda tidak berwenang melakukan tindakan ini pada tugas ini.');
}

function notYetAvailable(): ApiError {
  return new ApiError(
    HttpStatus.NOT_IMPLEMENTED,
    'TASK_WORKFLOW_NOT_AVAILABLE',
    'Tindakan ini dijalankan oleh alur kerja tugas, yang belum tersedia.',
  );
}
