import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@konvergensi/config';
import { privilegedRoles, type UserRole } from '@konvergensi/contracts';
import type { Logger } from '@konvergensi/logging';
import {
  MfaChallengeRecord,
  MfaRecoveryCodeRecord,
  RoleAssignmentRecord,
  UserMfaRecord,
  UserRecord,
} from '@konvergensi/persistence';
import { createHash, randomBytes } from 'node:crypto';
import { toString as qrCodeSvg } from 'qrcode';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { ApiError } from '../../common/api-error';
import { APP_CONFIG, DATA_SOURCE, LOGGER } from '../../tokens';
import { MfaSecretCipher } from './mfa-secret-cipher';
import { looksLikeRecoveryCode, newRecoveryCodes, recoveryCodeHash } from './recovery-codes';
import { checkTotp, newTotpSecret, otpauthUri } from './totp';

export type ChallengePurpose = 'login' | 'enrolment';

export interface MfaStatus {
  enabled: boolean;
  enabledAt: string | null;
  /** The account's roles require an authenticator (it cannot be switched off). */
  required: boolean;
  recoveryCodesLeft: number;
}

export interface EnrolmentStart {
  /** The secret in base32, for typing into an app that cannot scan. */
  secret: string;
  otpauthUri: string;
  /** The QR code of `otpauthUri` as an SVG document. */
  qrSvg: string;
}

// A challenge is answered within minutes or started again from the password.
const challengeTtlMs = 5 * 60_000;
const challengeMaxFailures = 5;

// 401 where the code is the login itself; 400 inside a session, where a 401 would make the web app refresh and resend.
const codeWrong = (status: HttpStatus) =>
  new ApiError(status, 'MFA_CODE_INVALID', 'Kode autentikator atau kode pemulihan salah.');
const codeReused = (status: HttpStatus) =>
  new ApiError(
    status,
    'MFA_CODE_REUSED',
    'Kode ini sudah dipakai. Tunggu kode berikutnya di aplikasi autentikator lalu coba lagi.',
  );
export const challengeInvalid = () =>
  new ApiError(
    HttpStatus.UNAUTHORIZED,
    'MFA_CHALLENGE_INVALID',
    'Langkah verifikasi sudah kedaluwarsa atau tidak berlaku. Silakan masuk kembali dengan kata sandi.',
  );
export const mfaNotEnrolled = () =>
  new ApiError(
    HttpStatus.FORBIDDEN,
    'MFA_NOT_ENROLLED',
    'Akun Anda belum memakai aplikasi autentikator. Aktifkan verifikasi dua langkah di halaman Akun terlebih dahulu.',
  );

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The second factor (OWASP ASVS V2.7/V2.8): TOTP authenticators with one-time recovery codes,
 * required for the roles that see children's health data or administer the system
 * (`privilegedRoles`), optional for everyone else; and the short-lived challenges that carry a
 * login from the password to the code.
 */
@Injectable()
export class MfaService {
  private secretCipher?: MfaSecretCipher;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  // Made on first use: the API refuses to start without AUTH_SECRET (main.ts), tools built on its modules need not.
  private get cipher(): MfaSecretCipher {
    this.secretCipher ??= new MfaSecretCipher(this.config.AUTH_SECRET ?? '');
    return this.secretCipher;
  }

  static requiredFor(roles: readonly UserRole[]): boolean {
    return roles.some((role) => privilegedRoles.includes(role));
  }

  async rolesOf(userId: string): Promise<UserRole[]> {
    const rows = await this.dataSource.getRepository(RoleAssignmentRecord).findBy({ userId });
    return rows.map((row) => row.role as UserRole);
  }

  private async enabledRecord(userId: string): Promise<UserMfaRecord | null> {
    const record = await this.dataSource.getRepository(UserMfaRecord).findOneBy({ userId });
    return record?.enabledAt ? record : null;
  }

  async isEnabled(userId: string): Promise<boolean> {
    return (await this.enabledRecord(userId)) !== null;
  }

  async status(userId: string): Promise<MfaStatus> {
    const record = await this.enabledRecord(userId);
    const left = record
      ? await this.dataSource.getRepository(MfaRecoveryCodeRecord).countBy({ userId, usedAt: IsNull() })
      : 0;
    return {
      enabled: record !== null,
      enabledAt: record?.enabledAt?.toISOString() ?? null,
      required: MfaService.requiredFor(await this.rolesOf(userId)),
      recoveryCodesLeft: left,
    };
  }

  /** A new secret waiting for its first code; a pending one is replaced, an active one is kept. */
  async startEnrolment(user: Pick<UserRecord, 'id' | 'username'>): Promise<EnrolmentStart> {
    if (await this.isEnabled(user.id))
      throw new ApiError(
        HttpStatus.CONFLICT,
        'MFA_ALREADY_ENABLED',
        'Verifikasi dua langkah sudah aktif. Matikan dulu atau minta admin meresetnya untuk memasang autentikator baru.',
      );
    const secret = newTotpSecret();
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(UserMfaRecord)
      .values({ userId: user.id, secretCiphertext: this.cipher.encrypt(user.id, secret), enabledAt: null })
      .orUpdate(['secret_ciphertext', 'enabled_at', 'last_used_step', 'created_at'], ['user_id'])
      .execute();
    const uri = otpauthUri(secret, user.username);
    return {
      secret,
      otpauthUri: uri,
      qrSvg: await qrCodeSvg(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
    };
  }

  /**
   * The first code from the app turns the pending secret on and answers ten new recovery codes,
   * shown this once. A wrong code counts as a failed login of the account.
   */
  async confirmEnrolment(
    user: UserRecord,
    code: string,
    countFailure: () => Promise<void>,
    failureStatus: HttpStatus,
  ): Promise<string[]> {
    const codes = newRecoveryCodes();
    await this.dataSource.transaction(async (manager) => {
      const record = await manager
        .getRepository(UserMfaRecord)
        .findOne({ where: { userId: user.id }, lock: { mode: 'pessimistic_write' } });
      if (!record || record.enabledAt)
        throw new ApiError(
          HttpStatus.CONFLICT,
          'MFA_ENROLMENT_NOT_STARTED',
          'Tidak ada pendaftaran autentikator yang menunggu. Mulai lagi dari langkah pertama.',
        );
      const check = checkTotp(this.cipher.decrypt(user.id, record.secretCiphertext), code, new Date(), null);
      if (check.outcome !== 'accepted') {
        await countFailure();
        throw codeWrong(failureStatus);
      }
      await manager
        .getRepository(UserMfaRecord)
        .update(user.id, { enabledAt: new Date(), lastUsedStep: String(check.step) });
      await this.replaceRecoveryCodes(manager, user.id, codes);
    });
    this.logger.info({ userId: user.id }, 'authenticator enrolled');
    return codes;
  }

  private async replaceRecoveryCodes(manager: EntityManager, userId: string, codes: string[]): Promise<void> {
    const repository = manager.getRepository(MfaRecoveryCodeRecord);
    await repository.delete({ userId });
    await repository.insert(codes.map((code) => ({ userId, codeHash: recoveryCodeHash(code) })));
  }

  /**
   * Checks a code from the authenticator, or a recovery code (then spent). A TOTP code is good
   * once: its step is remembered under a row lock, so two requests with one code cannot both pass.
   * A wrong code runs `countFailure` (the account's failed-login counter); a reused one does not,
   * it is the user's own code seen twice.
   */
  async verify(
    userId: string,
    code: string,
    countFailure: () => Promise<void>,
    failureStatus: HttpStatus,
  ): Promise<'totp' | 'recovery'> {
    const used = await this.dataSource.transaction(async (manager) => {
      const record = await manager
        .getRepository(UserMfaRecord)
        .findOne({ where: { userId }, lock: { mode: 'pessimistic_write' } });
      if (!record?.enabledAt) throw mfaNotEnrolled();
      if (looksLikeRecoveryCode(code)) {
        const spent = await manager
          .getRepository(MfaRecoveryCodeRecord)
          .update({ userId, codeHash: recoveryCodeHash(code), usedAt: IsNull() }, { usedAt: new Date() });
        return spent.affected ? ('recovery' as const) : ('wrong' as const);
      }
      const last = record.lastUsedStep === null ? null : Number(record.lastUsedStep);
      const check = checkTotp(this.cipher.decrypt(userId, record.secretCiphertext), code, new Date(), last);
      if (check.outcome === 'reused') return 'reused' as const;
      if (check.outcome === 'wrong') return 'wrong' as const;
      await manager.getRepository(UserMfaRecord).update(userId, { lastUsedStep: String(check.step) });
      return 'totp' as const;
    });
    if (used === 'reused') throw codeReused(failureStatus);
    if (used === 'wrong') {
      await countFailure();
      throw codeWrong(failureStatus);
    }
    if (used === 'recovery') this.logger.warn({ userId }, 'recovery code used');
    return used;
  }

  /** New recovery codes; the old ones stop working. */
  async renewRecoveryCodes(userId: string): Promise<string[]> {
    const codes = newRecoveryCodes();
    await this.dataSource.transaction((manager) => this.replaceRecoveryCodes(manager, userId, codes));
    this.logger.info({ userId }, 'recovery codes renewed');
    return codes;
  }

  /** Removes the authenticator and the recovery codes (the user's own choice, or an admin's reset). */
  async remove(userId: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      await manager.getRepository(MfaRecoveryCodeRecord).delete({ userId });
      const removed = await manager.getRepository(UserMfaRecord).delete({ userId });
      return (removed.affected ?? 0) > 0;
    });
  }

  async createChallenge(userId: string, purpose: ChallengePurpose, userAgent: string | undefined): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.dataSource.getRepository(MfaChallengeRecord).insert({
      tokenHash: tokenHash(token),
      userId,
      purpose,
      userAgent: userAgent ? userAgent.slice(0, 300) : null,
      expiresAt: new Date(Date.now() + challengeTtlMs),
    });
    // Spent and dead challenges are of no use: keep the table small.
    await this.dataSource.query(`DELETE FROM mfa_challenge WHERE expires_at < now() - interval '1 day'`);
    return token;
  }

  /** The live challenge of a token, for this purpose; anything else is one and the same 401. */
  async challenge(token: string, purpose: ChallengePurpose): Promise<MfaChallengeRecord> {
    const record = await this.dataSource.getRepository(MfaChallengeRecord).findOneBy({ tokenHash: tokenHash(token) });
    if (
      !record ||
      record.purpose !== purpose ||
      record.usedAt ||
      record.expiresAt.getTime() <= Date.now() ||
      record.failedAttempts >= challengeMaxFailures
    )
      throw challengeInvalid();
    return record;
  }

  async countChallengeFailure(challengeId: string): Promise<void> {
    await this.dataSource.getRepository(MfaChallengeRecord).increment({ id: challengeId }, 'failedAttempts', 1);
  }

  /** Spends a challenge; false when another request spent it first. */
  async spendChallenge(challengeId: string): Promise<boolean> {
    const spent = await this.dataSource
      .getRepository(MfaChallengeRecord)
      .update({ id: challengeId, usedAt: IsNull() }, { usedAt: new Date() });
    return (spent.affected ?? 0) > 0;
  }
}
