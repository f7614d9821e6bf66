import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  approveTaskUpdate,
  cancelTaskUpdate,
  decideExtensionUpdate,
  requestExtensionUpdate,
  returnTaskUpdate,
  submitTaskUpdate,
} from '@konvergensi/contracts';
import {
  ActionRecord,
  EvidenceFileRecord,
  RegionRecord,
  StageRecord,
  TaskRecord,
  UnitRecord,
} from '@konvergensi/persistence';
import { In, type DataSource, type SelectQueryBuilder } from 'typeorm';
import { z } from 'zod';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { schemaFor } from '../common/openapi';
import { idParams, localDateSchema, regencyCodeSchema, unitCodeSchema } from '../common/schemas';
import { canActAsAssignee, canCoordinate, canDecideSubmission, hasRole, isSystemAdmin } from '../tenancy/access-policy';
import { CycleTaskRules } from './cycle-task-rules.service';
import { DATA_SOURCE } from '../tokens';
import { actorOf, idempotencyHeaderDoc, requireIdempotencyKey } from './task-requests';
import { TaskCommands } from './task-commands.service';
import { TaskOperations } from './task-operations.service';
import { presentTask } from './task-presenter';
import { TaskScheduler } from './task-scheduler.service';

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
  /** Only the tasks the caller may approve or return (the approval queue). */
  decidable: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

const note = z.string().trim().max(2000).default('');
const reason = z.string().trim().min(3, 'alasan minimal 3 karakter').max(2000);
const submitBody = z.strictObject({ note, evidenceIds: z.array(z.uuid()).max(50).default([]) });
const approveBody = z.strictObject({ note });
const returnBody = z.strictObject({ reason });
const cancelBody = z.strictObject({ reason });
const reassignBody = z.strictObject({ unitCode: unitCodeSchema, reason });
const extensionRequestBody = z.strictObject({ requestedDueDate: localDateSchema, reason });
const extensionDecisionBody = z.strictObject({ approve: z.boolean(), note });

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
    // The tasks of the stages their unit owns: the owner reviews what the other units submit.
    scopes.push(
      '(task.regency_code = :regency AND task.stage_id IN (SELECT s.id FROM action_stage s WHERE s.owner_unit_id = :unitId))',
    );
  }
  if (principal.delegatedUnits.length > 0) {
    params.delegatedUnitIds = principal.delegatedUnits.map((d) => d.unitId);
    scopes.push('(task.regency_code = :regency AND task.assignee_unit_id IN (:...delegatedUnitIds))');
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
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly commands: TaskCommands,
    private readonly scheduler: TaskScheduler,
    private readonly tasks: TaskOperations,
    private readonly rules: CycleTaskRules,
  ) {}

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
    if (query.decidable) {
      const coordinates = principal.regencyCode !== null && canCoordinate(principal, principal.regencyCode);
      if (!coordinates && !isSystemAdmin(principal) && !hasRole(principal, 'opd_officer', 'opd_head')) {
        builder.andWhere('FALSE');
      } else if (!coordinates && !isSystemAdmin(principal)) {
        // Stage owners decide the other units' tasks of their stages, never their own unit's.
        builder.andWhere(
          'task.assignee_unit_id <> :ownUnit AND task.stage_id IN (SELECT s.id FROM action_stage s WHERE s.owner_unit_id = :ownUnit)',
          { ownUnit: principal.unitId ?? '00000000-0000-0000-0000-000000000000' },
        );
      }
    }
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
    return this.tasks.detail(await this.tasks.readable(principal, params.id), principal);
  }

  @Post(':id/submit')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(idempotencyHeaderDoc)
  @ApiBody({ schema: schemaFor(submitBody) })
  @ApiOperation({ summary: 'Submits the task with its evidence (unit officers and heads, or their substitute)' })
  async submit(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: idParams }) params: z.infer<typeof idParams>,
    @Body({ schema: submitBody }) body: z.infer<typeof submitBody>,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const requestId = requireIdempotencyKey(key, 'submit');
    const task = await this.tasks.readable(principal, params.id);
    if (!canActAsAssignee(principal, task)) throw forbiddenForTask();
    this.rules.checkSubmission(principal, task, body.evidenceIds);
    if (body.evidenceIds.length > 0) {
      const found = await this.dataSource
        .getRepository(EvidenceFileRecord)
        .countBy({ id: In(body.evidenceIds), taskId: task.id });
      if (found !== new Set(body.evidenceIds).size) {
        throw new ApiError(
          HttpStatus.BAD_REQUEST,
          'EVIDENCE_NOT_OF_TASK',
          'Ada berkas bukti yang bukan milik tugas ini.',
        );
      }
    }
    return this.commands.update(
      task.id,
      submitTaskUpdate,
      { requestId, actor: actorOf(principal, task), note: body.note, evidenceIds: body.evidenceIds },
      requestId,
    );
  }

  @Post(':id/extension-requests')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(idempotencyHeaderDoc)
  @ApiBody({ schema: schemaFor(extensionRequestBody) })
  @ApiOperation({ summary: 'Asks the TPPS secretary for a later due date (unit officers and heads)' })
  async requestExtension(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: idParams }) params: z.infer<typeof idParams>,
    @Body({ schema: extensionRequestBody }) body: z.infer<typeof extensionRequestBody>,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const requestId = requireIdempotencyKey(key, 'extension');
    const task = await this.tasks.readable(principal, params.id);
    if (!canActAsAssignee(principal, task)) throw forbiddenForTask();
    const regency = await this.dataSource.getRepository(RegionRecord).findOneByOrFail({ code: task.regencyCode });
    const proposedSchedule = await this.scheduler.scheduleFor(regency, body.requestedDueDate);
    return this.commands.update(
      task.id,
      requestExtensionUpdate,
      {
        requestId,
        actor: actorOf(principal, task),
        requestedDueDate: body.requestedDueDate,
        reason: body.reason,
        proposedSchedule,
      },
      requestId,
    );
  }

  @Post(':id/extension-requests/decision')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(idempotencyHeaderDoc)
  @ApiBody({ schema: schemaFor(extensionDecisionBody) })
  @ApiOperation({
    summary: 'Approves or refuses the pending extension request; approval moves every later step of the ladder',
  })
  async decideExtension(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: idParams }) params: z.infer<typeof idParams>,
    @Body({ schema: extensionDecisionBody }) body: z.infer<typeof extensionDecisionBody>,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const requestId = requireIdempotencyKey(key, 'decision');
    const task = await this.coordinatedTask(principal, params.id);
    return this.commands.update(
      task.id,
      decideExtensionUpdate,
      { requestId, actor: actorOf(principal, task), approve: body.approve, note: body.note },
      requestId,
    );
  }

  @Post(':id/approve')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(idempotencyHeaderDoc)
  @ApiBody({ schema: schemaFor(approveBody) })
  @ApiOperation({
    summary:
      'Approves the submission, which closes the task (TPPS secretary or chair, or the owner of its cycle stage)',
  })
  async approve(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: idParams }) params: z.infer<typeof idParams>,
    @Body({ schema: approveBody }) body: z.infer<typeof approveBody>,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const requestId = requireIdempotencyKey(key, 'approve');
    const task = await this.decidableTask(principal, params.id);
    await this.rules.checkApproval(task);
    return this.commands.update(
      task.id,
      approveTaskUpdate,
      { requestId, actor: actorOf(principal, task), note: body.note },
      requestId,
    );
  }

  @Post(':id/return')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(idempotencyHeaderDoc)
  @ApiBody({ schema: schemaFor(returnBody) })
  @ApiOperation({ summary: 'Returns the submission with a reason; the escalation ladder resumes' })
  async return(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: idParams }) params: z.infer<typeof idParams>,
    @Body({ schema: returnBody }) body: z.infer<typeof returnBody>,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const requestId = requireIdempotencyKey(key, 'return');
    const task = await this.decidableTask(principal, params.id);
    return this.commands.update(
      task.id,
      returnTaskUpdate,
      { requestId, actor: actorOf(principal, task), reason: body.reason },
      requestId,
    );
  }

  @Post(':id/reassign')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(idempotencyHeaderDoc)
  @ApiBody({ schema: schemaFor(reassignBody) })
  @ApiOperation({ summary: 'Gives the task to another unit: this task closes as reassigned, the unit gets a new one' })
  async reassign(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: idParams }) params: z.infer<typeof idParams>,
    @Body({ schema: reassignBody }) body: z.infer<typeof reassignBody>,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const requestId = requireIdempotencyKey(key, 'reassign');
    const task = await this.coordinatedTask(principal, params.id);
    return this.tasks.reassign(principal, task, body.unitCode, body.reason, requestId);
  }

  @Post(':id/cancel')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(idempotencyHeaderDoc)
  @ApiBody({ schema: schemaFor(cancelBody) })
  @ApiOperation({ summary: 'Cancels the task with a reason (TPPS secretary or chair)' })
  async cancel(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: idParams }) params: z.infer<typeof idParams>,
    @Body({ schema: cancelBody }) body: z.infer<typeof cancelBody>,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const requestId = requireIdempotencyKey(key, 'cancel');
    const task = await this.coordinatedTask(principal, params.id);
    return this.commands.update(
      task.id,
      cancelTaskUpdate,
      { requestId, actor: actorOf(principal, task), reason: body.reason },
      requestId,
    );
  }

  private async decidableTask(principal: Principal, id: string): Promise<TaskRecord> {
    const task = await this.tasks.readable(principal, id);
    if (!canDecideSubmission(principal, task)) throw forbiddenForTask();
    return task;
  }

  private async coordinatedTask(principal: Principal, id: string): Promise<TaskRecord> {
    const task = await this.tasks.readable(principal, id);
    if (!canCoordinate(principal, task.regencyCode)) throw forbiddenForTask();
    return task;
  }
}

function forbiddenForTask(): ApiError {
  return new ApiError(HttpStatus.FORBIDDEN, 'FORBIDDEN', 'Anda tidak berwenang melakukan tindakan ini pada tugas ini.');
}
