import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { reassignTaskUpdate } from '@konvergensi/contracts';
import { StageRecord, TaskEventRecord, TaskRecord, UnitRecord, uuidFromKey } from '@konvergensi/persistence';
import type { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import {
  canActAsAssignee,
  canCoordinate,
  canDecideSubmission,
  canReadTask,
  type TaskScope,
} from '../tenancy/access-policy';
import { DATA_SOURCE } from '../tokens';
import { actorOf } from './task-requests';
import { TaskCommands } from './task-commands.service';
import { presentTask, taskNotFound } from './task-presenter';

/** Task reads and the reassignment shared by the single and the bulk endpoint. */
@Injectable()
export class TaskOperations {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly commands: TaskCommands,
  ) {}

  /** Tasks of other tenants answer 404 exactly like ids that do not exist. */
  async readable(principal: Principal, id: string): Promise<TaskRecord & TaskScope> {
    const task = await this.dataSource.getRepository(TaskRecord).findOneBy({ id });
    if (!task) throw taskNotFound();
    const stage = task.stageId
      ? await this.dataSource.getRepository(StageRecord).findOneBy({ id: task.stageId })
      : null;
    const scoped = Object.assign(task, { stageOwnerUnitId: stage?.ownerUnitId ?? null });
    if (!canReadTask(principal, scoped)) throw taskNotFound();
    return scoped;
  }
  /**
   * A task with its event history (the audit trail) and what the caller may do with it, so the
   * web app shows exactly the actions the API would accept.
   */
  async detail(task: TaskRecord & TaskScope, principal: Principal) {
    const unit = await this.dataSource.getRepository(UnitRecord).findOneBy({ id: task.assigneeUnitId });
    const events = await this.dataSource
      .getRepository(TaskEventRecord)
      .find({ where: { taskId: task.id }, order: { occurredAt: 'ASC' } });
    return {
      ...presentTask(task, unit ?? undefined, new Date()),
      permissions: {
        canWork: canActAsAssignee(principal, task),
        canDecide: canDecideSubmission(principal, task),
        canCoordinate: canCoordinate(principal, task.regencyCode),
      },
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

  /** Reassigns one task; the new task's id derives from the request so a retry reuses it. */
  async reassign(principal: Principal, task: TaskRecord, unitCode: string, reason: string, requestId: string) {
    const unit = await this.dataSource
      .getRepository(UnitRecord)
      .findOneBy({ regencyCode: task.regencyCode, code: unitCode, active: true });
    if (!unit)
      throw new ApiError(HttpStatus.BAD_REQUEST, 'UNIT_NOT_FOUND', `Unit ${unitCode} tidak ada di kabupaten/kota ini.`);
    const newTaskId = uuidFromKey(`${task.id}:${requestId}`);
    const state = await this.commands.update(
      task.id,
      reassignTaskUpdate,
      { requestId, actor: actorOf(principal, task), newUnitId: unit.id, newTaskId, reason },
      requestId,
    );
    return { ...state, reassignedToTaskId: state.reassignedToTaskId ?? newTaskId };
  }
}
