// Every workflow the worker registers. This file is the entry point of the workflow bundle, so it
// may export workflow functions only (and re-export nothing with I/O).
export { pipeCheckWorkflow } from './pipe-check.workflow';
export { taskWorkflow } from './task.workflow';
export { actionWorkflow } from './action.workflow';
export { annualCycleWorkflow } from './annual-cycle.workflow';
export { aksAuditWorkflow } from './aks-audit.workflow';
export { yearStartWorkflow, semesterCollectionWorkflow, aksIdentityRetentionWorkflow } from './schedules.workflow';
