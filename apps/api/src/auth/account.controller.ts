import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Logger } from '@konvergensi/logging';
import { UserRecord } from '@konvergensi/persistence';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { ApiError } from '../common/api-error';
import { schemaFor } from '../common/openapi';
import { idParams } from '../common/schemas';
import { DATA_SOURCE, LOGGER } from '../tokens';
import { AuthService } from './auth.service';
import { hashPassword, verifyPassword } from './password-hasher';
import { newPasswordSchema } from './password-policy';
import { CurrentPrincipal, type Principal } from './principal';
import { SessionRegistry, type SessionView } from './session-registry';

const passwordChangeBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: newPasswordSchema,
});

const sessionNotFound = () => new ApiError(HttpStatus.NOT_FOUND, 'SESSION_NOT_FOUND', 'Sesi tidak ditemukan.');

/**
 * The caller's own account (OWASP ASVS 2.1.5/2.1.6, 3.3.4): change the password with the current
 * one, which ends every other session; see and end one's own sessions.
 */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('api/v1/me')
export class AccountController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly sessions: SessionRegistry,
    private readonly auth: AuthService,
  ) {}

  @Post('password')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBody({ schema: schemaFor(passwordChangeBody) })
  @ApiOperation({ summary: 'Changes your password (the current one is required); your other sessions end' })
  async changePassword(
    @CurrentPrincipal() principal: Principal,
    @Body({ schema: passwordChangeBody }) body: z.infer<typeof passwordChangeBody>,
  ): Promise<void> {
    const users = this.dataSource.getRepository(UserRecord);
    const user = await users.findOneByOrFail({ id: principal.userId });
    if (!(await verifyPassword(user.passwordHash, body.currentPassword))) {
      // A stolen access token must not become a way to guess the password: failures count as at login.
      await this.auth.countFailedPassword(user);
      throw new ApiError(HttpStatus.BAD_REQUEST, 'CURRENT_PASSWORD_WRONG', 'Kata sandi saat ini salah.');
    }
    if (body.newPassword === body.currentPassword) {
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'PASSWORD_UNCHANGED',
        'Kata sandi baru harus berbeda dari kata sandi saat ini.',
      );
    }
    const passwordHash = await hashPassword(body.newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(UserRecord).update(user.id, { passwordHash, failedLoginCount: 0, lockedUntil: null });
      await this.sessions.endAllBut(user.id, principal.sessionId ?? null, 'password_changed', manager);
    });
    this.logger.info({ userId: user.id }, 'password changed by its user; other sessions ended');
  }

  @Get('sessions')
  @ApiOperation({ summary: 'Your live sessions (devices where you are signed in), the current one marked' })
  async listSessions(@CurrentPrincipal() principal: Principal): Promise<SessionView[]> {
    return this.sessions.list(principal.userId, principal.sessionId ?? '');
  }

  @Delete('sessions/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Ends one of your sessions (signs that device out)' })
  async endSession(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: idParams }) params: z.infer<typeof idParams>,
  ): Promise<void> {
    if (!(await this.sessions.isLiveSessionOf(principal.userId, params.id))) throw sessionNotFound();
    await this.sessions.end(params.id, 'ended_by_user');
  }
}
