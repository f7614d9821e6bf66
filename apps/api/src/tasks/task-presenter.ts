import { HttpStatus } from '@nestjs/common';
import type { TaskRecord, UnitRecord } from '@konvergensi/persistence';
import { ApiError } from '../common/api-error';

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
