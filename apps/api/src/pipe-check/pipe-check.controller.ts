import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AppConfig } from '@konvergensi/config';
import { pipeCheckWorkflowId, pipeCheckWorkflowType, type PipeCheckInput } from '@konvergensi/contracts';
import { PipeCheckRecord } from '@konvergensi/persistence';
import type { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { AllowRoles } from '../auth/access.decorators';
import { ApiError } from '../common/api-error';
import { APP_CONFIG, DATA_SOURCE, TEMPORAL_CLIENT } from '../tokens';

const startPipeCheckBody = z.strictObject({ recipient: z.email() });
const pipeCheckParams = z.strictObject({ id: z.uuid() });

/**
 * The walking skeleton: a workflow started here runs on the worker, writes a row and sends one
 * mail; GET reads the row back. It proves API → Temporal → worker → PostgreSQL/SMTP → API.
 */
@ApiTags('diagnostics')
@ApiBearerAuth()
@AllowRoles('system_admin')
@Controller('api/v1/pipe-checks')
export class PipeCheckController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Starts a pipe check workflow that writes a row and sends one mail' })
  async start(
    @Body({ schema: startPipeCheckBody }) body: z.infer<typeof startPipeCheckBody>,
  ): Promise<{ checkId: string; workflowId: string }> {
    const checkId = randomUUID();
    const workflowId = pipeCheckWorkflowId(checkId);
    const input: PipeCheckInput = { checkId, recipient: body.recipient };
    try {
      await this.temporal.workflow.start(pipeCheckWorkflowType, {
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        workflowId,
        args: [input],
      });
    } catch {
      throw new ApiError(
        HttpStatus.SERVICE_UNAVAILABLE,
        'TEMPORAL_UNAVAILABLE',
        'Mesin alur kerja (Temporal) sedang tidak dapat dihubungi. Coba lagi nanti.',
      );
    }
    return { checkId, workflowId };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Reads a pipe check back from PostgreSQL' })
  async read(@Param({ schema: pipeCheckParams }) params: z.infer<typeof pipeCheckParams>) {
    const record = await this.dataSource.getRepository(PipeCheckRecord).findOneBy({ id: params.id });
    if (!record) {
      throw new ApiError(HttpStatus.NOT_FOUND, 'PIPE_CHECK_NOT_FOUND', 'Pemeriksaan jalur tidak ditemukan.');
    }
    return {
      checkId: record.id,
      workflowId: record.workflowId,
      status: record.status,
      mailMessageId: record.mailMessageId,
      createdAt: record.createdAt.toISOString(),
      completedAt: record.completedAt?.toISOString() ?? null,
    };
  }
}
