import { WorkflowUpdateRPCTimeoutOrCancelledError, isGrpcServiceError } from '@temporalio/client';

/** gRPC status codes of a Temporal server that is down, restarting or too slow to answer. */
const unavailableGrpcCodes = new Set([
  14, // UNAVAILABLE
  4, // DEADLINE_EXCEEDED
  1, // CANCELLED (the client gave up on the call)
]);

/**
 * Whether an error means the Temporal server (or the worker behind an Update) could not be reached
 * in time. Such a request changed no workflow, so the API answers 503 and the client may repeat
 * it with the same Idempotency-Key.
 */
export function isWorkflowServiceUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 4; depth += 1) {
    if (current instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
    if (isGrpcServiceError(current)) return unavailableGrpcCodes.has(current.code);
    current = current.cause;
  }
  return false;
}
