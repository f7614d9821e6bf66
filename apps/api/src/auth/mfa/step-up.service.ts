import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@konvergensi/config';
import { AuthSessionRecord, UserRecord } from '@konvergensi/persistence';
import type { DataSource } from 'typeorm';
import { ApiError } from '../../common/api-error';
import { APP_CONFIG, DATA_SOURCE } from '../../tokens';
import { AuthService } from '../auth.service';
import { verifyPassword } from '../password-hasher';
import type { Principal } from '../principal';
import { MfaService, mfaNotEnrolled } from './mfa.service';

const stepUpRequired = (minutes: number) =>
  new ApiError(
    HttpStatus.FORBIDDEN,
    'STEP_UP_REQUIRED',
    `Untuk membuka identitas kasus, konfirmasi dulu dengan kata sandi dan kode autentikator (berlaku ${minutes} menit).`,
  );

/**
 * Step-up (verifikasi ulang): before identities of children and mothers leave the system in full
 * (the lead's export, a data subject's request), the user proves again, with the password and an
 * authenticator code, that the session is theirs. The proof lasts STEP_UP_MINUTES for that one
 * session (OWASP ASVS 2.8.x, 4.3.3; UU PDP art. 35 on securing personal data).
 */
@Injectable()
export class StepUp {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly mfa: MfaService,
  ) {}

  /** Checks password and code and marks the caller's session; answers until when it holds. */
  async confirm(principal: Principal, password: string, code: string): Promise<{ validUntil: string }> {
    if (!principal.sessionId) throw stepUpRequired(this.config.STEP_UP_MINUTES);
    const users = this.dataSource.getRepository(UserRecord);
    const user = await users.findOneByOrFail({ id: principal.userId });
    if (!(await this.mfa.isEnabled(user.id)))
      throw new ApiError(
        HttpStatus.CONFLICT,
        'MFA_NOT_ENABLED',
        'Verifikasi dua langkah belum aktif pada akun Anda. Aktifkan dulu di halaman Akun.',
      );
    if (user.lockedUntil && user.lockedUntil.getTime() > Date.now())
      throw new ApiError(
        HttpStatus.LOCKED,
        'ACCOUNT_LOCKED',
        'Akun dikunci sementara karena terlalu banyak percobaan yang gagal. Coba lagi nanti.',
      );
    if (!(await verifyPassword(user.passwordHash, password))) {
      await this.auth.countFailedPassword(user);
      throw new ApiError(HttpStatus.BAD_REQUEST, 'CURRENT_PASSWORD_WRONG', 'Kata sandi salah.');
    }
    await this.mfa.verify(user.id, code, () => this.auth.countFailedPassword(user), HttpStatus.BAD_REQUEST);
    const now = new Date();
    await users.update(user.id, { failedLoginCount: 0 });
    await this.dataSource.getRepository(AuthSessionRecord).update({ familyId: principal.sessionId }, { stepUpAt: now });
    return { validUntil: new Date(now.getTime() + this.config.STEP_UP_MINUTES * 60_000).toISOString() };
  }

  /** The instant of the session's step-up when it is fresh enough; 403 STEP_UP_REQUIRED otherwise. */
  async require(principal: Principal): Promise<Date> {
    const session = principal.sessionId
      ? await this.dataSource.getRepository(AuthSessionRecord).findOneBy({ familyId: principal.sessionId })
      : null;
    const at = session?.stepUpAt;
    if (at && Date.now() - at.getTime() <= this.config.STEP_UP_MINUTES * 60_000) return at;
    if (!(await this.mfa.isEnabled(principal.userId))) throw mfaNotEnrolled();
    throw stepUpRequired(this.config.STEP_UP_MINUTES);
  }
}
