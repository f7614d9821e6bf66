import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@konvergensi/config';
import { taskWorkflowId, taskWorkflowType, type TaskState, type TaskWorkflowInput } from '@konvergensi/contracts';
import type { Logger } from '@konvergensi/logging';
import { TaskEventRecord, TaskRecord } from '@konvergensi/persistence';
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
  type WorkflowUpdateOptions,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { UpdateDefinition } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import { ApiError, workflowUnavailable } from '../common/api-error';
import { APP_CONFIG, DATA_SOURCE, LOGGER, TEMPORAL_CLIENT } from '../tokens';

/**
 * Sends the API's decisions to task workflows. The caller has already checked identity and unit;
 * the workflow's validators check the state, and their refusal comes back as 409 with the
 * workflow's own Indonesian message.
 */
@Injectable()
export class TaskCommands {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Records the task and starts its workflow; if the start fails the record is removed again.
   * Repeatable with the same task id (a retried creation with its Idempotency-Key): the row and the
   * workflow of the first attempt are kept and nothing is created twice.
   */
  async start(input: TaskWorkflowInput): Promise<void> {
    const inserted = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(TaskRecord)
      .values({
        id: input.taskId,
        regencyCode: input.regencyCode,
        kind: input.kind,
        cycleId: input.cycleId ?? null,
        stageId: input.stageId ?? null,
        title: input.title,
        description: input.description,
        assigneeUnitId: input.assigneeUnitId,
        status: 'open',
        dueAt: new Date(input.schedule.dueAt),
        deliverables: input.deliverables,
        workflowId: taskWorkflowId(input.taskId),
        createdBy: input.createdBy,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    const recordedNow = (inserted.raw as unknown[]).length > 0;
    try {
      await this.temporal.workflow.start(taskWorkflowType, {
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        workflowId: taskWorkflowId(input.taskId),
        args: [input],
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return;
      this.logger.error({ err: error, taskId: input.taskId }, 'starting the task workflow failed');
      if (recordedNow) await this.dataSource.getRepository(TaskRecord).delete({ id: input.taskId });
      throw workflowUnavailable();
    }
  }

  /**
   * Sends an Update with the idempotency key as its id: a repeated click gets the first answer
   * and changes nothing. When the workflow has closed since (the first click approved it), the
   * recorded event of that key proves the work was done, and the current state is answered.
   */
  async update<Arg>(
    taskId: string,
    definition: UpdateDefinition<TaskState, [Arg]>,
    arg: Arg,
    requestId: string,
  ): Promise<TaskState> {
    const handle = this.temporal.workflow.getHandle(taskWorkflowId(taskId));
    try {
      return await this.temporal.withDeadline(Date.now() + 15_000, () =>
        handle.executeUpdate(definition, { args: [arg], updateId: requestId } as WorkflowUpdateOptions & {
          args: [Arg];
        }),
      );
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) {
        const cause = error.cause;
        if (cause instanceof ApplicationFailure && cause.type) {
          throw new ApiError(HttpStatus.CONFLICT, cause.type, cause.message);
        }
        throw new ApiError(
          HttpStatus.CONFLICT,
          'TASK_STATE_CONFLICT',
          'Tindakan ini tidak dapat dilakukan pada keadaan tugas saat ini.',
        );
      }
      if (error instanceof WorkflowNotFoundError) return this.closedTaskAnswer(taskId, requestId);
      this.logger.error({ err: error, taskId }, 'task update failed');
      throw workflowUnavailable();
    }
  }

  private async closedTaskAnswer(taskId: string, requestId: string): Promise<TaskState> {
    const task = await this.dataSource.getRepository(TaskRecord).findOneBy({ id: taskId });
    const alreadyDone = await this.dataSource
      .getRepository(TaskEventRecord)
      .existsBy({ taskId, idempotencyKey: requestId });
    if (!task || !alreadyDone) {
      throw new ApiError(HttpStatus.CONFLICT, 'TASK_CLOSED', 'Tugas sudah ditutup dan tidak dapat diubah lagi.');
    }
    return {
      taskId: task.id,
      status: task.status,
      assigneeUnitId: task.assigneeUnitId,
      dueDate: task.dueAt.toISOString().slice(0, 10),
      dueAt: task.dueAt.toISOString(),
      escalationLevel: task.escalationLevel,
      firedSteps: [],
      pendingExtension: null,
      submissions: 0,
      reassignedToTaskId: null,
    };
  }
}
