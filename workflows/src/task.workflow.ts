import {
  ApplicationFailure,
  ParentClosePolicy,
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  patched,
  proxyActivities,
  setHandler,
  startChild,
} from '@temporalio/workflow';
import type {
  ApproveTaskInput,
  CancelTaskInput,
  DecideExtensionInput,
  LadderStep,
  ReassignTaskInput,
  RequestExtensionInput,
  ReturnTaskInput,
  SubmitTaskInput,
  TaskActivities,
  TaskActor,
  TaskSchedule,
  TaskState,
  TaskTransitionRecord,
  TaskWorkflowInput,
} from '@konvergensi/contracts';
import {
  approveTaskUpdate,
  cancelTaskUpdate,
  decideExtensionUpdate,
  reassignTaskUpdate,
  requestExtensionUpdate,
  returnTaskUpdate,
  submitTaskUpdate,
  taskClosedSignal,
  taskStateQuery,
  taskWorkflowId,
} from '@konvergensi/contracts';
// The task-lifecycle entry point alone: the package root would pull the holiday calendar
// (date-holidays and moment's locales) into the workflow bundle.
import {
  isClosed,
  ladderRuns,
  refuseTransition,
  statusAfter,
  type TaskAction,
} from '@konvergensi/domain/task-lifecycle';

const { openTask, recordTaskTransition, fireLadderStep } = proxyActivities<TaskActivities>({
  startToCloseTimeout: '30 seconds',
  // No attempt limit: while PostgreSQL is away the task waits; it must not lose a transition.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** The key of a ladder step within one schedule generation (an approved extension starts a new one). */
function stepKey(generation: number, step: LadderStep): string {
  return `g${generation}:${step.kind}:${step.ordinal}`;
}

function sortedSteps(schedule: TaskSchedule): LadderStep[] {
  return [...schedule.steps].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/**
 * One task for one unit with one deadline. Updates move it through its lifecycle (validators
 * refuse what the current state does not allow, so nothing is written); a ladder of durable
 * timers reminds and escalates while the unit owes the work. The state query tells where it is.
 */
export async function taskWorkflow(input: TaskWorkflowInput): Promise<TaskState> {
  let schedule = input.schedule;
  let generation = 0;
  let changed = false;
  const state: TaskState = {
    taskId: input.taskId,
    status: 'open',
    assigneeUnitId: input.assigneeUnitId,
    dueDate: schedule.dueDate,
    dueAt: schedule.dueAt,
    escalationLevel: 0,
    firedSteps: [],
    pendingExtension: null,
    submissions: 0,
    reassignedToTaskId: null,
  };
  let proposedSchedule: TaskSchedule | null = null;
  const snapshot = (): TaskState => ({ ...state, firedSteps: [...state.firedSteps] });

  const refuse = (action: TaskAction): void => {
    const refusal = refuseTransition(
      { status: state.status, pendingExtension: state.pendingExtension !== null },
      action,
    );
    if (refusal) throw ApplicationFailure.create({ type: refusal.code, message: refusal.message, nonRetryable: true });
  };

  /** Changes the state at once (so a concurrent Update is judged against it), then persists. */
  const transition = async (
    action: TaskAction,
    kind: TaskTransitionRecord['kind'],
    requestId: string,
    actor: TaskActor,
    payload: Record<string, unknown>,
    newSchedule?: TaskSchedule,
  ): Promise<TaskState> => {
    state.status = statusAfter(state.status, action);
    changed = true;
    await recordTaskTransition({
      taskId: input.taskId,
      requestId,
      kind,
      actor,
      status: state.status,
      payload,
      schedule: newSchedule,
    });
    return snapshot();
  };

  setHandler(taskStateQuery, snapshot);

  setHandler(
    submitTaskUpdate,
    async ({ requestId, actor, note, evidenceIds }) => {
      state.submissions += 1;
      return transition('submit', 'submitted', requestId, actor, { note, evidenceIds, submission: state.submissions });
    },
    { validator: (_update: SubmitTaskInput) => refuse('submit') },
  );

  setHandler(
    approveTaskUpdate,
    async ({ requestId, actor, note }) => transition('approve', 'approved', requestId, actor, { note }),
    {
      validator: (_update: ApproveTaskInput) => refuse('approve'),
    },
  );

  setHandler(
    returnTaskUpdate,
    async ({ requestId, actor, reason }) => transition('return', 'returned', requestId, actor, { reason }),
    {
      validator: (_update: ReturnTaskInput) => refuse('return'),
    },
  );

  setHandler(
    requestExtensionUpdate,
    async ({ requestId, actor, requestedDueDate, reason, proposedSchedule: proposal }) => {
      state.pendingExtension = { requestId, requestedDueDate, reason, requestedBy: actor.userId };
      proposedSchedule = proposal;
      return transition('requestExtension', 'extension_requested', requestId, actor, { requestedDueDate, reason });
    },
    {
      validator: ({ requestedDueDate }: RequestExtensionInput) => {
        refuse('requestExtension');
        if (requestedDueDate <= state.dueDate) {
          throw ApplicationFailure.create({
            type: 'EXTENSION_NOT_LATER',
            message: `Tanggal baru (${requestedDueDate}) harus setelah batas waktu saat ini (${state.dueDate}).`,
            nonRetryable: true,
          });
        }
      },
    },
  );

  setHandler(
    decideExtensionUpdate,
    async ({ requestId, actor, approve, note }) => {
      const pending = state.pendingExtension;
      state.pendingExtension = null;
      if (!approve || !proposedSchedule || !pending) {
        proposedSchedule = null;
        return transition('decideExtension', 'extension_rejected', requestId, actor, {
          note,
          requestedDueDate: pending?.requestedDueDate,
        });
      }
      // Every later step moves: a new generation of the ladder against the new due date.
      schedule = proposedSchedule;
      proposedSchedule = null;
      generation += 1;
      state.dueDate = schedule.dueDate;
      state.dueAt = schedule.dueAt;
      state.escalationLevel = 0;
      return transition(
        'decideExtension',
        'extension_approved',
        requestId,
        actor,
        { note, dueDate: schedule.dueDate },
        schedule,
      );
    },
    { validator: (_update: DecideExtensionInput) => refuse('decideExtension') },
  );

  setHandler(
    reassignTaskUpdate,
    async ({ requestId, actor, newUnitId, newTaskId, reason }) => {
      state.reassignedToTaskId = newTaskId;
      const result = await transition('reassign', 'reassigned', requestId, actor, { newUnitId, newTaskId, reason });
      // The new unit gets a task of its own (same work, same deadline) that outlives this one.
      await startChild(taskWorkflow, {
        workflowId: taskWorkflowId(newTaskId),
        parentClosePolicy: ParentClosePolicy.ABANDON,
        args: [{ ...input, taskId: newTaskId, assigneeUnitId: newUnitId, schedule, createdBy: actor.userId }],
      });
      return result;
    },
    {
      validator: ({ newUnitId }: ReassignTaskInput) => {
        refuse('reassign');
        if (newUnitId === state.assigneeUnitId) {
          throw ApplicationFailure.create({
            type: 'SAME_UNIT',
            message: 'Tugas sudah berada pada unit tersebut.',
            nonRetryable: true,
          });
        }
      },
    },
  );

  setHandler(
    cancelTaskUpdate,
    async ({ requestId, actor, reason }) => transition('cancel', 'cancelled', requestId, actor, { reason }),
    {
      validator: (_update: CancelTaskInput) => refuse('cancel'),
    },
  );

  await openTask(input);

  while (!isClosed(state.status)) {
    changed = false;
    const next = ladderRuns(state.status)
      ? sortedSteps(schedule).find((step) => !state.firedSteps.includes(stepKey(generation, step)))
      : undefined;
    if (!next) {
      await condition(() => changed);
      continue;
    }
    // The sandbox's Date.now() is the workflow task's deterministic time, replayed identically.
    // eslint-disable-next-line no-restricted-properties
    const wait = Math.max(0, Date.parse(next.at) - Date.now());
    const interrupted = wait > 0 ? await condition(() => changed, wait) : false;
    if (interrupted || !ladderRuns(state.status) || isClosed(state.status)) continue;
    // The schedule may have moved while the timer ran; only fire a step of the current one.
    if (!sortedSteps(schedule).some((step) => stepKey(generation, step) === stepKey(generation, next))) continue;
    state.firedSteps.push(stepKey(generation, next));
    state.escalationLevel = Math.max(state.escalationLevel, next.level);
    await fireLadderStep({ taskId: input.taskId, step: next, generation });
  }

  await condition(allHandlersFinished);
  // Tasks of a stage tell their action workflow; added after task workflows were already running.
  if (input.notifyWorkflowId && patched('notify-on-close')) {
    await getExternalWorkflowHandle(input.notifyWorkflowId)
      .signal(taskClosedSignal, {
        taskId: input.taskId,
        status: state.status,
        replacedByTaskId: state.reassignedToTaskId,
      })
      // The action may have been cancelled or reset; the task's own record is already complete.
      .catch(() => undefined);
  }
  return snapshot();
}
