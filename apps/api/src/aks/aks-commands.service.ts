import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@konvergensi/config';
import {
  aksAuditStateQuery,
  aksAuditWorkflowType,
  completeAksStageUpdate,
  type AksAuditState,
  type AksAuditWorkflowInput,
  type CompleteAksStageInput,
} from '@konvergensi/contracts';
import type { Logger } from '@konvergensi/logging';
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
  type WorkflowUpdateOptions,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { ApiError, workflowUnavailable } from '../common/api-error';
import { APP_CONFIG, LOGGER, TEMPORAL_CLIENT } from '../tokens';

/** Starts AKS workflows and sends them Updates; inputs carry ids and counts only. */
@Injectable()
export class AksCommands {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async start(workflowId: string, input: AksAuditWorkflowInput): Promise<void> {
    try {
      await this.temporal.workflow.start(aksAuditWorkflowType, {
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        workflowId,
        args: [input],
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return;
      this.logger.error({ err: error, auditId: input.auditId }, 'starting the AKS workflow failed');
      throw workflowUnavailable();
    }
  }

  async completeStage(workflowId: string, input: CompleteAksStageInput): Promise<AksAuditState> {
    const handle = this.temporal.workflow.getHandle(workflowId);
    try {
      return await this.temporal.withDeadline(Date.now() + 15_000, () =>
        handle.executeUpdate(completeAksStageUpdate, {
          args: [input],
          updateId: input.requestId,
        } as WorkflowUpdateOptions & { args: [CompleteAksStageInput] }),
      );
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) {
        const cause = error.cause;
        if (cause instanceof ApplicationFailure && cause.type)
          throw new ApiError(HttpStatus.CONFLICT, cause.type, cause.message);
        throw new ApiError(HttpStatus.CONFLICT, 'AKS_STATE_CONFLICT', 'Tahap ini tidak dapat diselesaikan sekarang.');
      }
      if (error instanceof WorkflowNotFoundError)
        throw new ApiError(HttpStatus.CONFLICT, 'AKS_AUDIT_COMPLETED', 'Audit ini sudah selesai.');
      this.logger.error({ err: error, workflowId }, 'AKS update failed');
      throw workflowUnavailable();
    }
  }

  /** The workflow's own view (fired notices, monitoring months); undefined when it has closed. */
  async state(workflowId: string): Promise<AksAuditState | undefined> {
    try {
      return await this.temporal.withDeadline(Date.now() + 5_000, () =>
        this.temporal.workflow.getHandle(workflowId).query(aksAuditStateQuery),
      );
    } catch {
      return undefined;
    }
  }
}
