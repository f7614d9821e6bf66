import { ParentClosePolicy, proxyActivities, startChild } from '@temporalio/workflow';
import type {
  AksRetentionActivities,
  RegencyScheduleInput,
  SemesterCollectionActivities,
} from '@konvergensi/contracts';
import { taskWorkflowId } from '@konvergensi/contracts';
import { annualCycleWorkflow } from './annual-cycle.workflow';
import { taskWorkflow } from './task.workflow';

const { prepareYearCycle, planSemesterCollection } = proxyActivities<SemesterCollectionActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Started by Child workflows that already exist (a retried or repeated run) are not started twice. */
function alreadyStarted(error: unknown): boolean {
  return error instanceof Error && error.name === 'WorkflowExecutionAlreadyStartedError';
}

/**
 * Fired by the regency's year-start Schedule: creates the year's cycle from the template (unless
 * the secretary already started it) and runs it. The cycle outlives this short workflow.
 */
export async function yearStartWorkflow({ regencyCode }: RegencyScheduleInput): Promise<string | null> {
  const prepared = await prepareYearCycle({ regencyCode });
  if (!prepared) return null;
  try {
    await startChild(annualCycleWorkflow, {
      workflowId: prepared.workflowId,
      parentClosePolicy: ParentClosePolicy.ABANDON,
      args: [prepared.input],
    });
  } catch (error) {
    if (!alreadyStarted(error)) throw error;
  }
  return prepared.workflowId;
}

/**
 * Fired by the regency's semester Schedule (July and December, 000's agenda): one data-collection
 * task per unit for the report indicators it answers for. The tasks outlive this workflow.
 */
export async function semesterCollectionWorkflow({ regencyCode }: RegencyScheduleInput): Promise<number> {
  const tasks = await planSemesterCollection({ regencyCode });
  for (const task of tasks) {
    try {
      await startChild(taskWorkflow, {
        workflowId: taskWorkflowId(task.taskId),
        parentClosePolicy: ParentClosePolicy.ABANDON,
        args: [task],
      });
    } catch (error) {
      if (!alreadyStarted(error)) throw error;
    }
  }
  return tasks.length;
}

const { eraseExpiredAksIdentities } = proxyActivities<AksRetentionActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/**
 * Fired every night by the regency's retention Schedule: erases the AKS identities whose period
 * after the audit's report has run out (UU PDP). Answers how many cases it erased.
 */
export async function aksIdentityRetentionWorkflow({ regencyCode }: RegencyScheduleInput): Promise<number> {
  const result = await eraseExpiredAksIdentities({ regencyCode });
  return result.erasedCases;
}
