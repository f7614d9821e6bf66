import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Logger } from '@konvergensi/logging';
import { UserRecord } from '@konvergensi/persistence';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { ApiError } from '../../common/api-error';
import { schemaFor } from '../../common/openapi';
import { idParams } from '../../common/schemas';
import { DATA_SOURCE, LOGGER } from '../../tokens';
import { AllowRoles } from '../access.decorators';
import { AuthService } from '../auth.service';
import { verifyPassword } from '../password-hasher';
import { CurrentPrincipal, type Principal } from '../principal';
import { MfaService, type EnrolmentStart, type MfaStatus } from './mfa.service';
import { StepUp } from './step-up.service';

const code = z.string().trim().min(6).max(20);
const password = z.string().min(1).max(200);
const confirmBody = z.strictObject({ code });
const proofBody = z.strictObject({ password, code });

/**
 * The caller's own second factor (verifikasi dua langkah) and step-up: set up an authenticator
 * with a QR code, renew the recovery codes, switch it off where the roles allow, and prove oneself
 * again before identities are revealed.
 */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('api/v1/me')
export class MfaController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly auth: AuthService,
    private readonly mfa: MfaService,
    private readonly stepUp: StepUp,
  ) {}

  private user(principal: Principal): Promise<UserRecord> {
    return this.dataSource.getRepository(UserRecord).findOneByOrFail({ id: principal.userId });
  }

  /** Password and a code, as for a step-up: a stolen access token alone changes nothing here. */
  private async proveIt(principal: Principal, body: z.infer<typeof proofBody>): Promise<void> {
    if (!(await this.mfa.isEnabled(principal.userId)))
      throw new ApiError(HttpStatus.CONFLICT, 'MFA_NOT_ENABLED', 'Verifikasi dua langkah belum aktif pada akun Anda.');
    const user = await this.user(principal);
    this.auth.refuseWhileLocked(user);
    if (!(await verifyPassword(user.passwordHash, body.password))) {
      await this.auth.countFailedPassword(user);
      throw new ApiError(HttpStatus.BAD_REQUEST, 'CURRENT_PASSWORD_WRONG', 'Kata sandi salah.');
    }
    await this.mfa.verify(user.id, body.code, () => this.auth.countFailedPassword(user), HttpStatus.BAD_REQUEST);
  }

  @Get('mfa')
  @ApiOperation({ summary: 'Whether your account has an authenticator, whether your roles require one, codes left' })
  status(@CurrentPrincipal() principal: Principal): Promise<MfaStatus> {
    return this.mfa.status(principal.userId);
  }

  @Post('mfa/enrolment')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Starts setting up an authenticator: a new secret with its QR code (SVG)' })
  async startEnrolment(@CurrentPrincipal() principal: Principal): Promise<EnrolmentStart> {
    return this.mfa.startEnrolment(await this.user(principal));
  }

  @Post('mfa/enrolment/confirm')
  @HttpCode(HttpStatus.OK)
  @ApiBody({ schema: schemaFor(confirmBody) })
  @ApiOperation({ summary: 'Turns the authenticator on with its first code; answers the recovery codes once' })
  async confirmEnrolment(
    @CurrentPrincipal() principal: Principal,
    @Body({ schema: confirmBody }) body: z.infer<typeof confirmBody>,
  ): Promise<{ recoveryCodes: string[] }> {
    const user = await this.user(principal);
    this.auth.refuseWhileLocked(user);
    const recoveryCodes = await this.mfa.confirmEnrolment(
      user,
      body.code,
      () => this.auth.countFailedPassword(user),
      HttpStatus.BAD_REQUEST,
    );
    return { recoveryCodes };
  }

  @Post('mfa/recovery-codes')
  @HttpCode(HttpStatus.OK)
  @ApiBody({ schema: schemaFor(proofBody) })
  @ApiOperation({ summary: 'Ten new recovery codes (password and a code required); the old ones stop working' })
  async renewRecoveryCodes(
    @CurrentPrincipal() principal: Principal,
    @Body({ schema: proofBody }) body: z.infer<typeof proofBody>,
  ): Promise<{ recoveryCodes: string[] }> {
    await this.proveIt(principal, body);
    return { recoveryCodes: await this.mfa.renewRecoveryCodes(principal.userId) };
  }

  @Post('mfa/disable')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBody({ schema: schemaFor(proofBody) })
  @ApiOperation({ summary: 'Switches your authenticator off (not for roles that require it)' })
  async disable(
    @CurrentPrincipal() principal: Principal,
    @Body({ schema: proofBody }) body: z.infer<typeof proofBody>,
  ): Promise<void> {
    if (MfaService.requiredFor(principal.roles))
      throw new ApiError(
        HttpStatus.CONFLICT,
        'MFA_REQUIRED_FOR_ROLE',
        'Peran Anda (admin sistem atau tim AKS) wajib memakai verifikasi dua langkah; autentikator tidak dapat dimatikan.',
      );
    await this.proveIt(principal, body);
    await this.mfa.remove(principal.userId);
    this.logger.info({ userId: principal.userId }, 'authenticator switched off by its user');
  }

  @Post('step-up')
  @HttpCode(HttpStatus.OK)
  @ApiBody({ schema: schemaFor(proofBody) })
  @ApiOperation({
    summary: 'Step-up: password and authenticator code again; for STEP_UP_MINUTES this session may reveal identities',
  })
  confirmStepUp(
    @CurrentPrincipal() principal: Principal,
    @Body({ schema: proofBody }) body: z.infer<typeof proofBody>,
  ): Promise<{ validUntil: string }> {
    return this.stepUp.confirm(principal, body.password, body.code);
  }
}

/** The system admin resets the authenticator of a user who lost it; the user sets up a new one at the next login. */
@ApiTags('users')
@ApiBearerAuth()
@AllowRoles('system_admin')
@Controller('api/v1/users')
export class MfaResetController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly mfa: MfaService,
  ) {}

  @Delete(':id/mfa')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: "Resets a user's authenticator and recovery codes (admin); the same 204 when there was none",
  })
  async reset(
    @CurrentPrincipal() principal: Principal,
    @Param({ schema: idParams }) params: z.infer<typeof idParams>,
  ): Promise<void> {
    if (!(await this.dataSource.getRepository(UserRecord).existsBy({ id: params.id })))
      throw new ApiError(HttpStatus.NOT_FOUND, 'USER_NOT_FOUND', 'Pengguna tidak ditemukan.');
    if (await this.mfa.remove(params.id))
      this.logger.warn({ userId: params.id, by: principal.userId }, 'authenticator reset by an admin');
  }
}
