import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CaughtMail, MailCatcher } from '@konvergensi/mail-catcher';
import { Public } from '../auth/access.decorators';
import { MAIL_CATCHER } from '../tokens';
import { devMailboxPage, devMailboxScript } from './dev-mailbox.page';

/** Demo mode only: the mail that `npm start`'s local SMTP catcher received. */
@ApiTags('dev')
@Public()
@Controller()
export class DevMailController {
  constructor(@Inject(MAIL_CATCHER) private readonly catcher: MailCatcher) {}

  @Get('api/dev/mail')
  @ApiOperation({ summary: 'Demo mode only: every mail the local catcher received, oldest first' })
  list(): CaughtMail[] {
    return this.catcher.messages();
  }

  @Get('dev/mailbox')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiExcludeEndpoint()
  page(): string {
    return devMailboxPage;
  }

  @Get('dev/mailbox.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @ApiExcludeEndpoint()
  script(): string {
    return devMailboxScript;
  }
}
