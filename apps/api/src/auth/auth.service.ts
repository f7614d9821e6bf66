import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@konvergensi/config';
import { type UserRole } from '@konvergensi/contracts';
import type { Logger } from '@konvergensi/logging';
import {
  LoginFailureRecord,
  RefreshTokenRecord,
  RoleAssignmentRecord,
  UnitRecord,
  UserRecord,
} from '@konvergensi/persistence';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { IsNull, MoreThan, type DataSource, type EntityManager } from 'typeorm';
import { ApiError } from '../common/api-error';
import { APP_CONFIG, DATA_SOURCE, LOGGER } from '../tokens';
import { AccessTokens } from './access-token';
import { challengeInvalid } from './mfa/mfa.service';
import { decoyPasswordHash, verifyPassword } from './password-hasher';
import type { Principal } from './principal';
import { SessionRegistry } from './session-registry';

/** Why an access token let nobody in: the web app refreshes on "expired". */
export type AuthenticationFailure = 'expired' | 'invalid' | 'revoked' | 'session_ended';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SessionTokens {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: Date;
}

const invalidCredentials = () =>
  new ApiError(HttpStatus.UNAUTHORIZED, 'INVALID_CREDENTIALS', 'Nama pengguna atau kata sandi salah.');
const accountLocked = () =>
  new ApiError(
    HttpStatus.LOCKED,
    'ACCOUNT_LOCKED',
    'Akun dikunci sementara karena terlalu banyak percobaan masuk yang gagal. Coba lagi nanti.',
  );
const sessionEnded = () =>
  new ApiError(
    HttpStatus.UNAUTHORIZED,
    'SESSION_ENDED',
    'Sesi berakhir karena terlalu lama tidak aktif atau batas waktunya habis. Silakan masuk kembali.',
  );
const invalidRefresh = () =>
  new ApiError(HttpStatus.UNAUTHORIZED, 'INVALID_REFRESH_TOKEN', 'Sesi Anda telah berakhir. Silakan masuk kembali.');

function isLocked(user: UserRecord): boolean {
  return !!user.lockedUntil && user.lockedUntil.getTime() > Date.now();
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class AuthService {
  readonly accessTokens: AccessTokens;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly sessions: SessionRegistry,
  ) {
    this.accessTokens = new AccessTokens(config.AUTH_SECRET ?? '', config.ACCESS_TOKEN_TTL_SECONDS);
  }

  /**
   * Checks the password, counting failures: after LOGIN_MAX_FAILURES in a row the account is
   * locked for LOGIN_LOCK_MINUTES (423), whatever password is tried meanwhile. A username that no
   * active account has is counted and locked the same way (in login_failure), and every path
   * verifies one argon2 hash, so neither the answers nor their timing tell which accounts exist.
   * The caller goes on to the second factor or straight to `startSession`.
   */
  async checkPassword(username: string, password: string): Promise<UserRecord> {
    const users = this.dataSource.getRepository(UserRecord);
    const name = username.trim().toLowerCase();
    const user = await users.findOneBy({ username: name });
    if (!user || !user.active) {
      const locked = await this.unknownNameLocked(name);
      await verifyPassword(await decoyPasswordHash(), password);
      if (locked) throw accountLocked();
      await this.countUnknownNameFailure(name);
      throw invalidCredentials();
    }
    if (isLocked(user)) {
      await verifyPassword(await decoyPasswordHash(), password);
      throw accountLocked();
    }
    if (!(await verifyPassword(user.passwordHash, password))) {
      await this.countFailedPassword(user);
      throw invalidCredentials();
    }
    return user;
  }

  /** 423 while the account is locked: wrong second-factor codes lock it as wrong passwords do. */
  refuseWhileLocked(user: UserRecord): void {
    if (isLocked(user)) throw accountLocked();
  }

  /**
   * The account a second-factor challenge belongs to, if it may still log in: deactivated in the
   * meantime is a dead challenge, locked (by wrong codes too) is 423.
   */
  async userForChallenge(userId: string): Promise<UserRecord> {
    const user = await this.dataSource.getRepository(UserRecord).findOneBy({ id: userId });
    if (!user || !user.active) throw challengeInvalid();
    this.refuseWhileLocked(user);
    return user;
  }

  /** A login succeeded (password, and the second factor where there is one): a new session. */
  async startSession(user: UserRecord, userAgent: string | undefined): Promise<SessionTokens> {
    await this.dataSource.getRepository(UserRecord).update(user.id, { failedLoginCount: 0, lockedUntil: null });
    const familyId = randomUUID();
    await this.sessions.start(user.id, familyId, userAgent);
    return this.issueSession(user.id, familyId);
  }

  /**
   * One more wrong password for an account (at login, or as the current password of a change):
   * the LOGIN_MAX_FAILURES-th in a row locks it for LOGIN_LOCK_MINUTES.
   */
  async countFailedPassword(user: UserRecord): Promise<void> {
    const failures = user.failedLoginCount + 1;
    const lock = failures >= this.config.LOGIN_MAX_FAILURES;
    await this.dataSource.getRepository(UserRecord).update(user.id, {
      failedLoginCount: lock ? 0 : failures,
      lockedUntil: lock ? new Date(Date.now() + this.config.LOGIN_LOCK_MINUTES * 60_000) : user.lockedUntil,
    });
    if (lock) this.logger.warn({ userId: user.id }, 'account locked after repeated wrong passwords');
  }

  private async unknownNameLocked(username: string): Promise<boolean> {
    const row = await this.dataSource.getRepository(LoginFailureRecord).findOneBy({ username });
    return !!row?.lockedUntil && row.lockedUntil.getTime() > Date.now();
  }

  /** One more failure for a name without an account; the LOGIN_MAX_FAILURES-th locks it, as for an account. */
  private async countUnknownNameFailure(username: string): Promise<void> {
    const rows = (await this.dataSource.query(
      `INSERT INTO login_failure (username, failed_count, locked_until, updated_at) VALUES ($1, 1, NULL, now())
       ON CONFLICT (username) DO UPDATE SET
         failed_count = CASE WHEN login_failure.failed_count + 1 >= $2 THEN 0 ELSE login_failure.failed_count + 1 END,
         locked_until = CASE WHEN login_failure.failed_count + 1 >= $2 THEN now() + make_interval(mins => $3)
                             ELSE login_failure.locked_until END,
         updated_at = now()
       RETURNING locked_until`,
      [username, this.config.LOGIN_MAX_FAILURES, this.config.LOGIN_LOCK_MINUTES],
    )) as { locked_until: Date | null }[];
    if (rows[0]?.locked_until) {
      // Rows of names nobody has tried for a day are of no use: keep the table small.
      await this.dataSource.query(`DELETE FROM login_failure WHERE updated_at < now() - interval '1 day'`);
    }
  }

  /**
   * Rotates a refresh token: the presented one is revoked and a new one of the same family
   * issued. Presenting a token that was already rotated means it was stolen or replayed, so the
   * whole family is revoked, unless it was rotated less than REFRESH_REUSE_GRACE_SECONDS ago:
   * two tabs refreshing at the same moment both send the cookie the first one is rotating, and
   * the second must not end the session of both (see `rotatedWithinGrace`).
   */
  async refresh(refreshToken: string | undefined): Promise<SessionTokens> {
    if (!refreshToken) throw invalidRefresh();
    const tokens = this.dataSource.getRepository(RefreshTokenRecord);
    const record = await tokens.findOneBy({ tokenHash: hashToken(refreshToken) });
    if (!record) throw invalidRefresh();
    if (record.revokedAt && !this.withinReuseGrace(record.revokedAt)) {
      await tokens.update({ familyId: record.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
      this.logger.warn({ userId: record.userId }, 'refresh token reuse: session family revoked');
      throw invalidRefresh();
    }
    if (record.expiresAt.getTime() <= Date.now()) throw invalidRefresh();
    const user = await this.dataSource.getRepository(UserRecord).findOneBy({ id: record.userId });
    if (!user || !user.active) throw invalidRefresh();
    // The web app refreshes on a timer, so a refresh is no activity; but it must not outlive a limit.
    const roles = await this.dataSource.getRepository(RoleAssignmentRecord).findBy({ userId: user.id });
    const ended = await this.sessions.checkLimits(
      user.id,
      record.familyId,
      roles.map((r) => r.role as UserRole),
    );
    if (ended) throw sessionEnded();
    // One transaction: a request checking the session in between must never see the family
    // without a live token (that would look like a logout and refuse its access token).
    return this.dataSource.transaction(async (manager) => {
      const revoked = await manager
        .getRepository(RefreshTokenRecord)
        .update({ id: record.id, revokedAt: IsNull() }, { revokedAt: new Date() });
      if (!revoked.affected && !(await this.rotatedWithinGrace(record.id, manager))) throw invalidRefresh();
      return this.issueSession(user.id, record.familyId, manager);
    });
  }

  private withinReuseGrace(revokedAt: Date): boolean {
    return Date.now() - revokedAt.getTime() < this.config.REFRESH_REUSE_GRACE_SECONDS * 1000;
  }

  /**
   * Whether an already revoked token was merely rotated moments ago, so presenting it again earns
   * a fresh rotation in its family. Rotation revokes the one token and leaves its successor live;
   * logout, a password change and reuse detection revoke the whole family, so a family without a
   * live token was ended on purpose and stays ended (a deactivated account is refused before). The live token is locked
   * so that a logout running meanwhile waits for this rotation instead of racing it.
   */
  private async rotatedWithinGrace(tokenId: string, manager: EntityManager): Promise<boolean> {
    const tokens = manager.getRepository(RefreshTokenRecord);
    const current = await tokens.findOneBy({ id: tokenId });
    if (!current?.revokedAt || !this.withinReuseGrace(current.revokedAt)) return false;
    const live = await tokens.findOne({
      where: {
        familyId: current.familyId,
        userId: current.userId,
        revokedAt: IsNull(),
        expiresAt: MoreThan(new Date()),
      },
      lock: { mode: 'pessimistic_write' },
    });
    if (live) this.logger.info({ userId: current.userId }, 'refresh token presented again within the grace period');
    return live !== null;
  }

  /** Revokes the session family of the presented refresh token (no error when there is none). */
  async logout(refreshToken: string | undefined): Promise<void> {
    if (!refreshToken) return;
    const tokens = this.dataSource.getRepository(RefreshTokenRecord);
    const record = await tokens.findOneBy({ tokenHash: hashToken(refreshToken) });
    if (!record) return;
    await this.sessions.end(record.familyId, 'logout');
  }

  /**
   * Loads the caller for an access token. The token must be genuine and unexpired, the account
   * active, and its session (refresh token family) still live: logout, a password change or a
   * detected refresh token reuse revokes the family, and with it every access token issued to it.
   * A token without a session id is refused (AccessTokens.verify), so none escapes logout.
   */
  async authenticate(accessToken: string): Promise<{ principal: Principal } | { failure: AuthenticationFailure }> {
    const checked = await this.accessTokens.verify(accessToken);
    if (!checked.valid) return { failure: checked.reason };
    const { userId, sessionId } = checked;
    if (!uuidPattern.test(userId)) return { failure: 'invalid' };
    const user = await this.dataSource.getRepository(UserRecord).findOneBy({ id: userId });
    if (!user || !user.active) return { failure: 'invalid' };
    const live =
      uuidPattern.test(sessionId) &&
      (await this.dataSource.getRepository(RefreshTokenRecord).existsBy({
        userId,
        familyId: sessionId,
        revokedAt: IsNull(),
        expiresAt: MoreThan(new Date()),
      }));
    if (!live) return { failure: 'revoked' };
    const roles = await this.dataSource.getRepository(RoleAssignmentRecord).findBy({ userId });
    if (
      await this.sessions.checkLimits(
        userId,
        sessionId,
        roles.map((r) => r.role as UserRole),
      )
    ) {
      return { failure: 'session_ended' };
    }
    await this.sessions.touch(sessionId);
    const delegations = (await this.dataSource.query(
      `SELECT d.unit_id, d.delegator_user_id FROM task_delegation d
         JOIN unit u ON u.id = d.unit_id
         JOIN region r ON r.code = u.regency_code
        WHERE d.substitute_user_id = $1 AND d.revoked_at IS NULL
          AND (now() AT TIME ZONE COALESCE(r.time_zone, 'Asia/Jakarta'))::date BETWEEN d.starts_on AND d.ends_on`,
      [userId],
    )) as { unit_id: string; delegator_user_id: string }[];
    return {
      principal: {
        userId: user.id,
        username: user.username,
        displayName: user.displayName,
        email: user.email,
        roles: roles.map((r) => r.role as UserRole).sort(),
        regencyCode: user.regencyCode,
        provinceCode: user.provinceCode,
        unitId: user.unitId,
        delegatedUnits: delegations.map((d) => ({ unitId: d.unit_id, onBehalfOfUserId: d.delegator_user_id })),
        sessionId,
      },
    };
  }

  async unitSummary(unitId: string | null): Promise<{ id: string; code: string; name: string } | null> {
    if (!unitId) return null;
    const unit = await this.dataSource.getRepository(UnitRecord).findOneBy({ id: unitId });
    return unit ? { id: unit.id, code: unit.code, name: unit.name } : null;
  }

  private async issueSession(
    userId: string,
    familyId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SessionTokens> {
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpiresAt = new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
    await manager
      .getRepository(RefreshTokenRecord)
      .insert({ userId, familyId, tokenHash: hashToken(refreshToken), expiresAt: refreshExpiresAt });
    const { token, expiresIn } = await this.accessTokens.issue(userId, familyId);
    return { accessToken: token, expiresIn, refreshToken, refreshExpiresAt };
  }
}
