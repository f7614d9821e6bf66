import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AppConfig } from '@konvergensi/config';
import type { CurrentUser } from '@konvergensi/contracts';
import type { UserRecord } from '@konvergensi/persistence';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { ApiError } from '../common/api-error';
import { schemaFor } from '../common/openapi';
import { APP_CONFIG, LOGIN_RATE_LIMITER } from '../tokens';
import { Public } from './access.decorators';
import { AuthService, type SessionTokens } from './auth.service';
import type { LoginRateLimiter } from './login-rate-limiter';
import { CurrentPrincipal, type Principal } from './principal';
import { newPasswordSchema } from './password-policy';
import { PasswordResets } from './password-reset.service';
import { challengeInvalid, MfaService, type EnrolmentStart } from './mfa/mfa.service';

export const refreshCookieName = 'konvergensi_refresh';
const refreshCookiePath = '/api/v1/auth';
/** Cookie-authenticated calls must carry this header: a cross-site form cannot set it. */
export const csrfHeaderName = 'x-konvergensi-csrf';

const loginBody = z.strictObject({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

const challengeToken = z.string().trim().min(20).max(200);
const secondFactorCode = z.string().trim().min(6).max(20);
const loginMfaBody = z.strictObject({ challengeToken, code: secondFactorCode });
const enrolmentStartBody = z.strictObject({ challengeToken });
const enrolmentConfirmBody = z.strictObject({ challengeToken, code: secondFactorCode });

const passwordResetRequestBody = z.strictObject({
  /** The username or the account's e-mail address. */
  identifier: z.string().trim().min(1).max(200),
});

const passwordResetConfirmBody = z.strictObject({
  token: z.string().trim().min(20).max(200),
  newPassword: newPasswordSchema,
});

/** The one answer to every reset request, whether or not the account exists. */
const passwordResetAccepted = {
  message:
    'Jika akun itu ada, tautan untuk membuat kata sandi baru telah dikirim ke surelnya. Tautan berlaku 1 jam dan hanya sekali pakai.',
};

interface TokenResponse {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

/**
 * The password was right and the account has (or must first set up) an authenticator: the login
 * goes on with the challenge token at auth/login/mfa, or at auth/mfa/enrolment.
 */
interface SecondFactorStep {
  mfaRequired?: true;
  mfaEnrolmentRequired?: true;
  challengeToken: string;
}

@ApiTags('auth')
@Controller('api/v1')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGIN_RATE_LIMITER) private readonly limiter: LoginRateLimiter,
    private readonly passwordResets: PasswordResets,
    private readonly mfa: MfaService,
  ) {}

  private acquireLoginAttempt(request: Request): void {
    if (!this.limiter.tryAcquire(request.ip ?? 'unknown')) {
      throw new ApiError(
        HttpStatus.TOO_MANY_REQUESTS,
        'TOO_MANY_LOGIN_ATTEMPTS',
        'Terlalu banyak percobaan masuk. Tunggu sebentar lalu coba lagi.',
      );
    }
  }

  @Public()
  @Post('auth/login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Logs in: returns a short-lived access token and sets the refresh cookie, or, for an account with an authenticator (required for admins and AKS teams), a challenge for the code',
  })
  @ApiBody({ schema: schemaFor(loginBody) })
  @ApiResponse({ status: 401, description: 'INVALID_CREDENTIALS' })
  @ApiResponse({ status: 423, description: 'ACCOUNT_LOCKED' })
  @ApiResponse({ status: 429, description: 'TOO_MANY_LOGIN_ATTEMPTS' })
  async login(
    @Body({ schema: loginBody }) body: z.infer<typeof loginBody>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TokenResponse | SecondFactorStep> {
    this.acquireLoginAttempt(request);
    const user = await this.auth.checkPassword(body.username, body.password);
    const userAgent = request.headers['user-agent'];
    if (await this.mfa.isEnabled(user.id))
      return { mfaRequired: true, challengeToken: await this.mfa.createChallenge(user.id, 'login', userAgent) };
    if (MfaService.requiredFor(await this.mfa.rolesOf(user.id)))
      return {
        mfaEnrolmentRequired: true,
        challengeToken: await this.mfa.createChallenge(user.id, 'enrolment', userAgent),
      };
    return this.respondWithSession(response, await this.auth.startSession(user, userAgent));
  }

  @Public()
  @Post('auth/login/mfa')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Second step of a login: the authenticator code (or a recovery code) for the challenge' })
  @ApiBody({ schema: schemaFor(loginMfaBody) })
  @ApiResponse({ status: 401, description: 'MFA_CODE_INVALID, MFA_CODE_REUSED or MFA_CHALLENGE_INVALID' })
  @ApiResponse({ status: 423, description: 'ACCOUNT_LOCKED' })
  async loginSecondFactor(
    @Body({ schema: loginMfaBody }) body: z.infer<typeof loginMfaBody>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TokenResponse> {
    this.acquireLoginAttempt(request);
    const { challenge, user } = await this.challengedUser(body.challengeToken, 'login');
    await this.mfa.verify(user.id, body.code, () => this.countCodeFailure(challenge.id, user), HttpStatus.UNAUTHORIZED);
    return this.respondWithSession(response, await this.spendAndStart(challenge, user));
  }

  @Public()
  @Post('auth/mfa/enrolment')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'At a first login that requires an authenticator: a new secret with its QR code (SVG) for the app',
  })
  @ApiBody({ schema: schemaFor(enrolmentStartBody) })
  async startEnrolmentAtLogin(
    @Body({ schema: enrolmentStartBody }) body: z.infer<typeof enrolmentStartBody>,
    @Req() request: Request,
  ): Promise<EnrolmentStart> {
    this.acquireLoginAttempt(request);
    const { user } = await this.challengedUser(body.challengeToken, 'enrolment');
    return this.mfa.startEnrolment(user);
  }

  @Public()
  @Post('auth/mfa/enrolment/confirm')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Confirms the enrolment with the first code from the app: answers the recovery codes (shown once) and starts the session',
  })
  @ApiBody({ schema: schemaFor(enrolmentConfirmBody) })
  async confirmEnrolmentAtLogin(
    @Body({ schema: enrolmentConfirmBody }) body: z.infer<typeof enrolmentConfirmBody>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TokenResponse & { recoveryCodes: string[] }> {
    this.acquireLoginAttempt(request);
    const { challenge, user } = await this.challengedUser(body.challengeToken, 'enrolment');
    const recoveryCodes = await this.mfa.confirmEnrolment(
      user,
      body.code,
      () => this.countCodeFailure(challenge.id, user),
      HttpStatus.UNAUTHORIZED,
    );
    return { ...this.respondWithSession(response, await this.spendAndStart(challenge, user)), recoveryCodes };
  }

  private async challengedUser(token: string, purpose: 'login' | 'enrolment') {
    const challenge = await this.mfa.challenge(token, purpose);
    const user = await this.auth.userForChallenge(challenge.userId);
    return { challenge, user };
  }

  private async countCodeFailure(challengeId: string, user: UserRecord) {
    await this.mfa.countChallengeFailure(challengeId);
    await this.auth.countFailedPassword(user);
  }

  private async spendAndStart(challenge: { id: string; userAgent: string | null }, user: UserRecord) {
    if (!(await this.mfa.spendChallenge(challenge.id))) throw challengeInvalid();
    return this.auth.startSession(user, challenge.userAgent ?? undefined);
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(HttpStatus.OK)
  @ApiHeader({ name: csrfHeaderName, required: true, description: 'Any value; proves a same-origin script' })
  @ApiOperation({ summary: 'Exchanges the refresh cookie for a new access token (the cookie rotates)' })
  async refresh(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<TokenResponse> {
    requireCsrfHeader(request);
    return this.respondWithSession(response, await this.auth.refresh(refreshCookieOf(request)));
  }

  @Public()
  @Post('auth/logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiHeader({ name: csrfHeaderName, required: true })
  @ApiOperation({ summary: 'Revokes the session of the refresh cookie and clears it' })
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    requireCsrfHeader(request);
    await this.auth.logout(refreshCookieOf(request));
    response.clearCookie(refreshCookieName, { path: refreshCookiePath });
  }

  @Public()
  @Post('auth/password-reset')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Forgotten password: mails a one-time link (1 hour) to the account; answers the same for unknown accounts',
  })
  @ApiBody({ schema: schemaFor(passwordResetRequestBody) })
  @ApiResponse({ status: 429, description: 'TOO_MANY_LOGIN_ATTEMPTS' })
  requestPasswordReset(
    @Body({ schema: passwordResetRequestBody }) body: z.infer<typeof passwordResetRequestBody>,
    @Req() request: Request,
  ): { message: string } {
    // Shares the login bucket: both are guesses at accounts from one address.
    this.acquireLoginAttempt(request);
    this.passwordResets.request(body.identifier);
    return passwordResetAccepted;
  }

  @Public()
  @Post('auth/password-reset/confirm')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Sets a new password with the token of the link; the token is spent, sessions revoked' })
  @ApiBody({ schema: schemaFor(passwordResetConfirmBody) })
  @ApiResponse({ status: 400, description: 'INVALID_RESET_TOKEN' })
  async confirmPasswordReset(
    @Body({ schema: passwordResetConfirmBody }) body: z.infer<typeof passwordResetConfirmBody>,
  ): Promise<void> {
    await this.passwordResets.confirm(body.token, body.newPassword);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The logged-in user with roles, regency and unit' })
  async me(@CurrentPrincipal() principal: Principal): Promise<CurrentUser> {
    return {
      id: principal.userId,
      username: principal.username,
      displayName: principal.displayName,
      email: principal.email,
      roles: principal.roles,
      regencyCode: principal.regencyCode,
      provinceCode: principal.provinceCode,
      unit: await this.auth.unitSummary(principal.unitId),
    };
  }

  private respondWithSession(response: Response, session: SessionTokens): TokenResponse {
    response.cookie(refreshCookieName, session.refreshToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.APP_BASE_URL.startsWith('https://'),
      path: refreshCookiePath,
      expires: session.refreshExpiresAt,
    });
    return { accessToken: session.accessToken, tokenType: 'Bearer', expiresIn: session.expiresIn };
  }
}

function refreshCookieOf(request: Request): string | undefined {
  const cookies = (request as Request & { cookies?: Record<string, string> }).cookies;
  return cookies?.[refreshCookieName];
}

function requireCsrfHeader(request: Request): void {
  if (!request.headers[csrfHeaderName]) {
    throw new ApiError(
      HttpStatus.FORBIDDEN,
      'CSRF_HEADER_MISSING',
      `Permintaan ditolak: header ${csrfHeaderName} wajib untuk panggilan yang memakai cookie.`,
    );
  }
}
