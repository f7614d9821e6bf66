import { Inject, Injectable } from '@nestjs/common';
import type { PipeCheckActivities } from '@konvergensi/contracts';
import { enqueueMail } from '@konvergensi/notifications';
import { PipeCheckRecord } from '@konvergensi/persistence';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '../tokens';

/** Activities of the walking skeleton. Every write is keyed by the check id, so retries are no-ops. */
@Injectable()
export class PipeCheckActivitiesProvider implements PipeCheckActivities {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async recordPipeCheck(input: { checkId: string; workflowId: string }): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(PipeCheckRecord)
      .values({ id: input.checkId, workflowId: input.workflowId, status: 'recorded' })
      .orIgnore()
      .execute();
  }

  async sendPipeCheckMail(input: { checkId: string; recipient: string }): Promise<{ messageId: string }> {
    // Queued in the outbox; the mail dispatcher delivers it.
    const messageId = await enqueueMail(this.dataSource, {
      idempotencyKey: `pipe-check:${input.checkId}`,
      to: [input.recipient],
      subject: `Uji jalur konvergensi ${input.checkId}`,
      text:
        'Pesan ini membuktikan bahwa alur kerja Temporal, basis data PostgreSQL, dan server surel ' +
        `terhubung. Kode pemeriksaan: ${input.checkId}.`,
      category: 'pipe_check',
    });
    return { messageId };
  }

  async completePipeCheck(input: { checkId: string; mailMessageId: string }): Promise<void> {
    await this.dataSource
      .getRepository(PipeCheckRecord)
      .update(
        { id: input.checkId, status: 'recorded' },
        { status: 'completed', mailMessageId: input.mailMessageId, completedAt: new Date() },
      );
  }
}
