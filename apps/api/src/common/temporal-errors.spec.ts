import { ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { isWorkflowServiceUnavailable } from './temporal-errors';

const grpcError = (code: number) => Object.assign(new Error(`grpc ${code}`), { code, details: '', metadata: {} });

describe('Temporal error classification', () => {
  it('treats an unreachable server and a call past its deadline as the workflow service being unavailable', () => {
    expect(isWorkflowServiceUnavailable(new ServiceError('down', { cause: grpcError(14) }))).toBe(true);
    expect(isWorkflowServiceUnavailable(grpcError(4))).toBe(true);
    expect(isWorkflowServiceUnavailable(new WorkflowUpdateRPCTimeoutOrCancelledError('timed out'))).toBe(true);
  });

  it('leaves answers of a reachable server alone', () => {
    expect(isWorkflowServiceUnavailable(new ServiceError('not found', { cause: grpcError(5) }))).toBe(false);
    expect(isWorkflowServiceUnavailable(grpcError(3))).toBe(false);
    expect(isWorkflowServiceUnavailable(new Error('something else'))).toBe(false);
    expect(isWorkflowServiceUnavailable(undefined)).toBe(false);
  });
});
