/**
 * The walking skeleton that proves the pipes: API → Temporal → worker activity → PostgreSQL and
 * SMTP, and back through the API. Names and types shared by the API, the worker and workflows/.
 */
export const pipeCheckWorkflowType = 'pipeCheckWorkflow';

export function pipeCheckWorkflowId(checkId: string): string {
  return `pipe-check:${checkId}`;
}

export interface PipeCheckInput {
  checkId: string;
  /** Where the proof mail goes; an operator's address, never personal health data. */
  recipient: string;
}

export interface PipeCheckResult {
  checkId: string;
  mailMessageId: string;
}

export type PipeCheckStatus = 'started' | 'recorded' | 'completed';

/** The activities that pipeCheckWorkflow calls; implemented by the worker. */
export interface PipeCheckActivities {
  recordPipeCheck(input: { checkId: string; workflowId: string }): Promise<void>;
  sendPipeCheckMail(input: { checkId: string; recipient: string }): Promise<{ messageId: string }>;
  completePipeCheck(input: { checkId: string; mailMessageId: string }): Promise<void>;
}
