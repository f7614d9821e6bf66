import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '@konvergensi/config';
import type { Logger } from '@konvergensi/logging';
import { deliverDueMail } from '@konvergensi/notifications';
import type { Transporter } from 'nodemailer';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, DATA_SOURCE, LOGGER, MAIL_TRANSPORT } from '../tokens';
import { DigestComposer } from './digest-composer';

/**
 * Delivers the mail outbox: every MAIL_DISPATCH_INTERVAL_MS it composes due digests and sends due
 * rows. Safe to run in several worker processes (rows are locked with SKIP LOCKED).
 */
@Injectable()
export class MailDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(MAIL_TRANSPORT) private readonly transport: Transporter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly digests: DigestComposer,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    this.transport.close();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => this.schedule());
    }, this.config.MAIL_DISPATCH_INTERVAL_MS);
  }

  private async tick(): Promise<void> {
    try {
      await this.digests.composeDue();
      const round = await deliverDueMail(this.dataSource, this.transport, {
        from: this.config.MAIL_FROM,
        maxBackoffSeconds: this.config.MAIL_RETRY_MAX_SECONDS,
      });
      if (round.failed > 0) this.logger.warn({ sent: round.sent }, 'mail delivery failed; will retry with backoff');
    } catch (error) {
      // A database hiccup must not stop the dispatcher; the next tick tries again.
      this.logger.error({ err: error }, 'mail dispatch round failed');
    }
  }
}
