import {
  ParentClosePolicy,
  getExternalWorkflowHandle,
  proxyActivities,
  setHandler,
  startChild,
  condition,
  workflowInfo,
} from '@temporalio/workflow';
import type { ActionProgress, ActionWorkflowInput, CycleActivities, StageRun } from '@konvergensi/contracts';
import { actionProgressQuery, codesCompletedSignal, taskClosedSignal, taskWorkflowId } from '@konvergensi/contracts';
import { sleepUntil } from './clock';
import { taskWorkflow } from './task.workflow';

const { actionStarted, actionFinished, openStageRound, closeStage } = proxyActivities<CycleActivities>({
  startToCloseTimeout: '1 minute',
  // No attempt limit: while PostgreSQL is away the action waits; it must not skip a stage.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * One convergence action of one year: walks its stages in order. A stage waits for what it
 * requires (stages of this or another action, told by the cycle), opens a task per owning and
 * participating unit for each of its rounds, and closes when every task is closed (approved, or
 * cancelled; a reassigned task is followed to its successor). Then the next stage opens.
 */
export async function actionWorkflow(input: ActionWorkflowInput): Promise<void> {
  const completed = new Set(input.completed);
  const openTasks = new Set<string>();
  // A successor may close before its predecessor's notice arrives; remember it so it is not awaited.
  const closedEarly = new Set<string>();
  let currentStage: StageRun | null = null;
  const self = workflowInfo().workflowId;

  setHandler(codesCompletedSignal, ({ codes }) => {
    for (const code of codes) completed.add(code);
  });
  setHandler(taskClosedSignal, ({ taskId, status, replacedByTaskId }) => {
    if (!openTasks.delete(taskId)) closedEarly.add(taskId);
    if (status === 'reassigned' && replacedByTaskId && !closedEarly.delete(replacedByTaskId))
      openTasks.add(replacedByTaskId);
  });
  setHandler(actionProgressQuery, (): ActionProgress => ({
    currentStage: currentStage?.code ?? null,
    openTaskIds: [...openTasks],
    waitingFor: currentStage ? currentStage.requires.filter((code) => !completed.has(code)) : [],
    completed: [...completed],
  }));

  const announce = async (codes: string[]) => {
    for (const code of codes) completed.add(code);
    const parent = workflowInfo().parent;
    if (parent) await getExternalWorkflowHandle(parent.workflowId).signal(codesCompletedSignal, { codes });
  };

  await actionStarted({ actionId: input.action.actionId });
  for (const stage of input.action.stages) {
    currentStage = stage;
    await condition(() => stage.requires.every((code) => completed.has(code)));
    for (const [round, opensAt] of stage.rounds.entries()) {
      await sleepUntil(opensAt);
      const tasks = await openStageRound({ cycleId: input.cycleId, stageId: stage.stageId, round });
      for (const task of tasks) {
        if (!closedEarly.delete(task.taskId)) openTasks.add(task.taskId);
        await startChild(taskWorkflow, {
          workflowId: taskWorkflowId(task.taskId),
          // A task is the unit's own work: it outlives a cancelled or reset action.
          parentClosePolicy: ParentClosePolicy.ABANDON,
          args: [{ ...task, notifyWorkflowId: self }],
        });
      }
    }
    await condition(() => openTasks.size === 0);
    await closeStage({ cycleId: input.cycleId, stageId: stage.stageId });
    await announce([stage.code]);
  }
  currentStage = null;
  await actionFinished({ actionId: input.action.actionId });
  await announce([input.action.code]);
}
