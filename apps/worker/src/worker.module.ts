import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '@konvergensi/config';
import type { Logger } from '@konvergensi/logging';
import { createMailTransport } from '@konvergensi/notifications';
import { createDataSource } from '@konvergensi/persistence';
import type { Transporter } from 'nodemailer';
import type { DataSource } from 'typeorm';
import { PipeCheckActivitiesProvider } from './activities/pipe-check.activities';
import { AksActivitiesProvider } from './aks/aks.activities';
import { AksRetentionActivitiesProvider } from './aks/aks-retention.activities';
import { DigestComposer } from './mail/digest-composer';
import { MailDispatcher } from './mail/mail-dispatcher';
import { CycleActivitiesProvider } from './cycles/cycle.activities';
import { ScheduleActivitiesProvider } from './cycles/schedule.activities';
import { StageOutputs } from './cycles/stage-outputs';
import { TaskActivitiesProvider } from './tasks/task.activities';
import { TaskDirectory } from './tasks/task-directory';
import { TemporalWorkerRunner } from './temporal-worker.runner';
import { APP_CONFIG, DATA_SOURCE, LOGGER, MAIL_TRANSPORT } from './tokens';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: WorkerModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
        {
          provide: DATA_SOURCE,
          useFactory: async (): Promise<DataSource> =>
            createDataSource({
              url: config.DATABASE_URL,
              poolSize: config.DATABASE_POOL_SIZE,
              applicationName: 'konvergensi-worker',
            }).initialize(),
        },
        {
          provide: MAIL_TRANSPORT,
          useFactory: (): Transporter =>
            createMailTransport({
              host: config.SMTP_HOST,
              port: config.SMTP_PORT,
              secure: config.SMTP_SECURE,
              user: config.SMTP_USER,
              password: config.SMTP_PASSWORD,
            }),
        },
        PipeCheckActivitiesProvider,
        TaskDirectory,
        TaskActivitiesProvider,
        AksActivitiesProvider,
        AksRetentionActivitiesProvider,
        StageOutputs,
        CycleActivitiesProvider,
        ScheduleActivitiesProvider,
        DigestComposer,
        MailDispatcher,
        TemporalWorkerRunner,
      ],
    };
  }
}
