import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@konvergensi/config';
import type { PipeCheckActivities } from '@konvergensi/contracts';
import { sendThroughOutbox } from '@konvergensi/notifications';
import { PipeCheckRecord } from '@konvergensi/persistence';
import type { Transporter } from 'nodemailer';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, DATA_SOURCE, MAIL_TRANSPORT } from '../tokens';

/** Activities of the walking skeleton. Every write is keyed by the check id, so retries are no-ops. */
@Injectable()
export class PipeCheckActivitiesProvider implements PipeCheckActivities {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(MAIL_TRANSPORT) private readonly transport: Transporter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

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
    const { messageId } = await sendThroughOutbox(this.dataSource, this.transport, this.config.MAIL_FROM, {
      idempotencyKey: `pipe-check:${input.checkId}`,
      to: [input.recipient],
      subject: `Uji jalur konvergensi ${input.checkId}`,
      text:
        'Pesan ini membuktikan bahwa alur kerja Temporal, basis data PostgreSQL, dan server surel ' +
        `terhubung. Kode pemeriksaan: ${input.checkId}.`,
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
