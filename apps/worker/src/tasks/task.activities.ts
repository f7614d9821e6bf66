import { Inject, Injectable } from '@nestjs/common';
import {
  taskWorkflowId,
  type LadderStep,
  type TaskActivities,
  type TaskTransitionRecord,
  type TaskWorkflowInput,
} from '@konvergensi/contracts';
import { enqueueMail, renderTaskNotice, type TaskNoticeKind } from '@konvergensi/notifications';
import { EscalationNoticeRecord, EvidenceFileRecord, SubmissionRecord, TaskRecord } from '@konvergensi/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import { In, IsNull } from 'typeorm';
import { DATA_SOURCE } from '../tokens';
import { TaskDirectory, type Recipient, type TaskContext } from './task-directory';

/** Which notice each transition sends, and to whom. */
const transitionNotices: Record<TaskTransitionRecord['kind'], { notice: TaskNoticeKind; to: 'unit' | 'secretary' }> = {
  submitted: { notice: 'submitted', to: 'secretary' },
  approved: { notice: 'approved', to: 'unit' },
  returned: { notice: 'returned', to: 'unit' },
  extension_requested: { notice: 'extension_requested', to: 'secretary' },
  extension_approved: { notice: 'extension_approved', to: 'unit' },
  extension_rejected: { notice: 'extension_rejected', to: 'unit' },
  reassigned: { notice: 'reassigned', to: 'unit' },
  cancelled: { notice: 'cancelled', to: 'unit' },
};

const closingStatuses = ['approved', 'cancelled', 'reassigned'];

/**
 * The task workflow's I/O. Every write is keyed (event idempotency key per task, outbox key per
 * notice and recipient), so a retried activity or a worker killed half-way changes nothing twice.
 */
@Injectable()
export class TaskActivitiesProvider implements TaskActivities {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly directory: TaskDirectory,
  ) {}

  async openTask(input: TaskWorkflowInput): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager
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
        .execute();
      if (
        !(await this.recordEvent(manager, input.taskId, 'created', 'created', input.createdBy, null, {
          dueDate: input.schedule.dueDate,
        }))
      )
        return;
      const context = await this.directory.context(input.taskId, manager);
      await this.notify(
        manager,
        context,
        'assigned',
        'assigned',
        await this.directory.unitStaff(context.unit.id, manager),
      );
    });
  }

  async recordTaskTransition(record: TaskTransitionRecord): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const recorded = await this.recordEvent(
        manager,
        record.taskId,
        record.kind,
        record.requestId,
        record.actor.userId,
        record.actor.onBehalfOfUserId,
        record.payload,
      );
      if (!recorded) return;
      await manager.getRepository(TaskRecord).update(record.taskId, {
        status: record.status,
        ...(closingStatuses.includes(record.status) ? { closedAt: new Date() } : {}),
        ...(record.schedule ? { dueAt: new Date(record.schedule.dueAt), escalationLevel: 0 } : {}),
      });
      if (record.kind === 'submitted') await this.recordSubmission(manager, record);
      const context = await this.directory.context(record.taskId, manager);
      const { notice, to } = transitionNotices[record.kind];
      const recipients =
        to === 'unit'
          ? await this.directory.unitStaff(context.unit.id, manager)
          : await this.directory.regencyRole(context.regency.code, 'tpps_secretary', manager);
      const note = [record.payload.note, record.payload.reason].find(
        (v): v is string => typeof v === 'string' && v.length > 0,
      );
      const requestedDueDate =
        typeof record.payload.requestedDueDate === 'string' ? record.payload.requestedDueDate : undefined;
      await this.notify(manager, context, notice, `${record.kind}:${record.requestId}`, recipients, {
        note,
        requestedDueDate,
      });
    });
  }

  async fireLadderStep({
    taskId,
    step,
    generation,
  }: {
    taskId: string;
    step: LadderStep;
    generation: number;
  }): Promise<void> {
    const stepKey = `ladder:g${generation}:${step.kind}:${step.ordinal}`;
    await this.dataSource.transaction(async (manager) => {
      if (
        !(await this.recordEvent(manager, taskId, `ladder_${step.kind}`, stepKey, null, null, {
          level: step.level,
          ordinal: step.ordinal,
          generation,
          at: step.at,
        }))
      )
        return;
      await manager.query(
        `UPDATE task SET escalation_level = GREATEST(escalation_level, $2), updated_at = now() WHERE id = $1`,
        [taskId, step.level],
      );
      const context = await this.directory.context(taskId, manager);
      const unitStaff = () => this.directory.unitStaff(context.unit.id, manager);
      switch (step.kind) {
        case 'reminder':
          return this.notify(manager, context, 'reminder', stepKey, await unitStaff());
        case 'overdue':
          await this.notify(manager, context, 'overdue', stepKey, await unitStaff());
          return this.escalate(
            manager,
            context,
            'overdue',
            stepKey,
            step.level,
            await this.directory.unitHeads(context.unit.id, manager),
          );
        case 'secretary':
          return this.escalate(
            manager,
            context,
            'escalation_secretary',
            stepKey,
            step.level,
            await this.directory.regencyRole(context.regency.code, 'tpps_secretary', manager),
          );
        case 'chair':
          return this.escalate(
            manager,
            context,
            'escalation_chair',
            stepKey,
            step.level,
            await this.directory.regencyRole(context.regency.code, 'tpps_chair', manager),
          );
      }
    });
  }

  /** Heads and TPPS officers: one mail now, or a line in tomorrow's digest, per regency setting. */
  private async escalate(
    manager: EntityManager,
    context: TaskContext,
    notice: TaskNoticeKind,
    key: string,
    level: number,
    recipients: Recipient[],
  ): Promise<void> {
    if (context.escalationDelivery === 'immediate') return this.notify(manager, context, notice, key, recipients);
    for (const recipient of recipients) {
      if (!recipient.userId) continue;
      await manager
        .createQueryBuilder()
        .insert()
        .into(EscalationNoticeRecord)
        .values({
          idempotencyKey: `task:${context.task.id}:${key}:${recipient.userId}`,
          regencyCode: context.regency.code,
          taskId: context.task.id,
          recipientUserId: recipient.userId,
          stepKind: notice,
          level,
        })
        .orIgnore()
        .execute();
    }
  }

  private async notify(
    manager: EntityManager,
    context: TaskContext,
    notice: TaskNoticeKind,
    key: string,
    recipients: Recipient[],
    extra: { note?: string; requestedDueDate?: string } = {},
  ): Promise<void> {
    const mail = renderTaskNotice(notice, this.directory.noticeData(context, extra));
    for (const recipient of recipients) {
      await enqueueMail(manager, {
        idempotencyKey: `task:${context.task.id}:${key}:${recipient.email}`,
        to: [recipient.email],
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        attachments: mail.attachments,
        category: `task_${notice}`,
        taskId: context.task.id,
      });
    }
  }

  /** Inserts the event unless its key exists; false means this step was already recorded. */
  private async recordEvent(
    manager: EntityManager,
    taskId: string,
    kind: string,
    idempotencyKey: string,
    actorUserId: string | null,
    onBehalfOfUserId: string | null,
    payload: Record<string, unknown>,
  ): Promise<boolean> {
    const inserted = (await manager.query(
      `INSERT INTO task_event (task_id, kind, idempotency_key, actor_user_id, on_behalf_of_user_id, occurred_at, payload)
       VALUES ($1, $2, $3, $4, $5, now(), $6::jsonb)
       ON CONFLICT ON CONSTRAINT uq_task_event_idempotency DO NOTHING
       RETURNING id`,
      [taskId, kind, idempotencyKey, actorUserId, onBehalfOfUserId, JSON.stringify(payload)],
    )) as unknown[];
    return inserted.length > 0;
  }

  private async recordSubmission(manager: EntityManager, record: TaskTransitionRecord): Promise<void> {
    const submission = await manager.getRepository(SubmissionRecord).save({
      taskId: record.taskId,
      submittedBy: record.actor.userId,
      note: typeof record.payload.note === 'string' ? record.payload.note : '',
    });
    const evidenceIds = Array.isArray(record.payload.evidenceIds) ? (record.payload.evidenceIds as string[]) : [];
    if (evidenceIds.length > 0) {
      await manager
        .getRepository(EvidenceFileRecord)
        .update(
          { id: In(evidenceIds), taskId: record.taskId, submissionId: IsNull() },
          { submissionId: submission.id },
        );
    }
  }
}
