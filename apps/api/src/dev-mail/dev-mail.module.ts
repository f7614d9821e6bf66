import { Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { startMailCatcher, type CaughtMail, type MailCatcher } from '@konvergensi/mail-catcher';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAIL_CATCHER } from '../tokens';
import { DevMailController } from './dev-mail.controller';

@Injectable()
class CatcherCloser implements OnApplicationShutdown {
  constructor(@Inject(MAIL_CATCHER) private readonly catcher: MailCatcher) {}

  async onApplicationShutdown(): Promise<void> {
    await this.catcher.stop();
  }
}

/**
 * The local SMTP catcher of `npm start`, hosted by the API in demo mode so one command gives a
 * readable mailbox. Mail is kept in DATA_DIR/mailbox.json, so a restart keeps it.
 */
@Module({})
export class DevMailModule {
  static forRoot(options: { smtpPort: number; dataDir?: string }): DynamicModule {
    const file = options.dataDir ? join(options.dataDir, 'mailbox.json') : undefined;
    return {
      module: DevMailModule,
      controllers: [DevMailController],
      providers: [
        {
          provide: MAIL_CATCHER,
          useFactory: (): Promise<MailCatcher> => {
            const initial = file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as CaughtMail[]) : [];
            let catcher: MailCatcher | undefined;
            const persist = (): void => {
              if (!file || !catcher) return;
              mkdirSync(options.dataDir as string, { recursive: true });
              writeFileSync(file, JSON.stringify(catcher.messages()));
            };
            return startMailCatcher({ port: options.smtpPort, initial, onMail: persist }).then((started) => {
              catcher = started;
              return started;
            });
          },
        },
        CatcherCloser,
      ],
    };
  }
}
