import {
  ParentClosePolicy,
  condition,
  proxyActivities,
  setHandler,
  startChild,
  type ChildWorkflowHandle,
} from '@temporalio/workflow';
import type { ActionRun, AnnualCycleInput, CycleActivities, CycleProgress } from '@konvergensi/contracts';
import { actionWorkflowId, codesCompletedSignal, cycleProgressQuery } from '@konvergensi/contracts';
import { actionWorkflow } from './action.workflow';
import { sleepUntil } from './clock';

const { cycleStarted, cycleFinished } = proxyActivities<CycleActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * A regency's year of the eight convergence actions. Each action runs as a child workflow from
 * the day its window opens (at once when the year was started late) and once what it requires is
 * complete. Stages depend on stages of other actions (the rembuk needs the situation analysis),
 * so the cycle keeps the set of completed stage and action codes and passes every change on to
 * the running actions.
 */
export async function annualCycleWorkflow(input: AnnualCycleInput): Promise<CycleProgress> {
  const completed = new Set<string>();
  const running = new Map<string, ChildWorkflowHandle<typeof actionWorkflow>>();
  const waiting = new Set(input.actions.map((a) => a.code));

  const tellRunning = async (codes: string[]) => {
    for (const [code, handle] of running) {
      if (completed.has(code)) continue;
      // An action that finished meanwhile cannot take signals; it needs none.
      await handle.signal(codesCompletedSignal, { codes }).catch(() => undefined);
    }
  };
  setHandler(codesCompletedSignal, async ({ codes }) => {
    const fresh = codes.filter((code) => !completed.has(code));
    for (const code of fresh) completed.add(code);
    if (fresh.length > 0) await tellRunning(fresh);
  });
  const progress = (): CycleProgress => ({
    completed: [...completed].sort(),
    runningActions: [...running.keys()].filter((code) => !completed.has(code)),
    waitingActions: [...waiting],
  });
  setHandler(cycleProgressQuery, progress);

  const runAction = async (action: ActionRun) => {
    await sleepUntil(action.opensAt);
    await condition(() => action.requires.every((code) => completed.has(code)));
    const handle = await startChild(actionWorkflow, {
      workflowId: actionWorkflowId(input.regencyCode, input.year, action.code),
      parentClosePolicy: ParentClosePolicy.REQUEST_CANCEL,
      args: [
        { cycleId: input.cycleId, regencyCode: input.regencyCode, year: input.year, action, completed: [...completed] },
      ],
    });
    waiting.delete(action.code);
    running.set(action.code, handle);
    // Codes completed while the child was starting reach it now; the set union makes repeats harmless.
    if (completed.size > 0) await handle.signal(codesCompletedSignal, { codes: [...completed] });
    await handle.result();
  };

  await cycleStarted({ cycleId: input.cycleId });
  await Promise.all(input.actions.map(runAction));
  await cycleFinished({ cycleId: input.cycleId });
  return progress();
}
