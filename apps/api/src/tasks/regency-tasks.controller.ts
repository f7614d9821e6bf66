import { Body, Controller, Headers, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TaskRecord, UnitRecord } from '@konvergensi/persistence';
import { randomUUID } from 'node:crypto';
import { In, type DataSource } from 'typeorm';
import { z } from 'zod';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { deterministicUuid } from '../idempotency/request-fingerprint';
import { ApiError } from '../common/api-error';
import { schemaFor } from '../common/openapi';
import { localDateSchema, regencyParams, unitCodeSchema } from '../common/schemas';
import { canReadTask } from '../tenancy/access-policy';
import { RegencyAccess } from '../tenancy/regency-access.service';
import { DATA_SOURCE } from '../tokens';
import { idempotencyHeaderDoc, requireIdempotencyKey } from './task-requests';
import { TaskCommands } from './task-commands.service';
import { TaskScheduler } from './task-scheduler.service';
import { TaskOperations } from './task-operations.service';

const createTaskBody = z.strictObject({
  title: z.string().trim().min(3).max(200),
  description: z.string().trim().max(5000).default(''),
  unitCode: unitCodeSchema,
  dueDate: localDateSchema,
  deliverables: z
    .array(
      z.strictObject({
        kind: z.enum(['document', 'data_table', 'signature', 'minutes']),
        title: z.string().trim().min(2).max(200),
      }),
    )
    .max(20)
    .default([]),
});

const bulkReassignBody = z.strictObject({
  taskIds: z.array(z.uuid()).min(1).max(200),
  unitCode: unitCodeSchema,
  reason: z.string().trim().min(3).max(2000),
});

const coordinators = ['tpps_secretary', 'tpps_chair'] as const;

/** Tasks handed out at TPPS coordination meetings, and reassignment of many tasks at once. */
@ApiTags('tasks')
@ApiBearerAuth()
@Controller('api/v1/regencies/:code/tasks')
export class RegencyTasksController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly regencies: RegencyAccess,
    private readonly scheduler: TaskScheduler,
    private readonly commands: TaskCommands,
    private readonly tasks: TaskOperations,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiHeader({
    ...idempotencyHeaderDoc,
    required: false,
    description:
      'Recommended: one value per intended task. A repeat with the same key (after a timeout or a 503) answers the task of the first attempt instead of creating a second.',
  })
  @ApiBody({ schema: schemaFor(createTaskBody) })
  @ApiOperation({
    summary: 'Creates an ad-hoc task for a unit (TPPS secretary or chair); it runs on the same workflow as cycle tasks',
  })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: regencyParams }) params: z.infer<typeof regencyParams>,
    @Body({ schema: createTaskBody }) body: z.infer<typeof createTaskBody>,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const requestId = key === undefined ? undefined : requireIdempotencyKey(key, 'create-task');
    const regency = await this.regencies.writable(principal, params.code, coordinators);
    const unit = await this.dataSource
      .getRepository(UnitRecord)
      .findOneBy({ regencyCode: regency.code, code: body.unitCode, active: true });
    if (!unit)
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'UNIT_NOT_FOUND',
        `Unit ${body.unitCode} tidak ada di kabupaten/kota ini.`,
      );
    const schedule = await this.scheduler.scheduleFor(regency, body.dueDate);
    const taskId = requestId ? deterministicUuid('ad-hoc-task', principal.userId, requestId) : randomUUID();
    await this.commands.start({
      taskId,
      regencyCode: regency.code,
      kind: 'ad_hoc',
      title: body.title,
      description: body.description,
      deliverables: body.deliverables,
      assigneeUnitId: unit.id,
      schedule,
      createdBy: principal.userId,
    });
    return this.tasks.detail(await this.tasks.readable(principal, taskId), principal);
  }

  @Post('reassign')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(idempotencyHeaderDoc)
  @ApiBody({ schema: schemaFor(bulkReassignBody) })
  @ApiOperation({ summary: 'Reassigns many tasks to one unit (e.g. after a mutasi); answers a result per task' })
  async reassignMany(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: regencyParams }) params: z.infer<typeof regencyParams>,
    @Body({ schema: bulkReassignBody }) body: z.infer<typeof bulkReassignBody>,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const batchKey = requireIdempotencyKey(key, 'reassign-many');
    await this.regencies.writable(principal, params.code, coordinators);
    const found = await this.dataSource.getRepository(TaskRecord).findBy({ id: In(body.taskIds) });
    const results = [];
    for (const taskId of [...new Set(body.taskIds)]) {
      const task = found.find((t) => t.id === taskId);
      if (!task || task.regencyCode !== params.code || !canReadTask(principal, task)) {
        results.push({ taskId, ok: false, code: 'TASK_NOT_FOUND', message: 'Tugas tidak ditemukan.' });
        continue;
      }
      try {
        const state = await this.tasks.reassign(principal, task, body.unitCode, body.reason, `${batchKey}:${taskId}`);
        results.push({ taskId, ok: true, status: state.status, newTaskId: state.reassignedToTaskId });
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        const response = error.getResponse() as { code: string; message: string };
        results.push({ taskId, ok: false, code: response.code, message: response.message });
      }
    }
    return { results, reassigned: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length };
  }
}
