import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { PipeCheckActivities, PipeCheckInput, PipeCheckResult } from '@konvergensi/contracts';

const { recordPipeCheck, sendPipeCheckMail, completePipeCheck } = proxyActivities<PipeCheckActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

/** Proves the pipes end to end: a row written, one mail sent, the row completed. */
export async function pipeCheckWorkflow(input: PipeCheckInput): Promise<PipeCheckResult> {
  await recordPipeCheck({ checkId: input.checkId, workflowId: workflowInfo().workflowId });
  const { messageId } = await sendPipeCheckMail({
    checkId: input.checkId,
    recipient: input.recipient,
  });
  await completePipeCheck({ checkId: input.checkId, mailMessageId: messageId });
  return { checkId: input.checkId, mailMessageId: messageId };
}
