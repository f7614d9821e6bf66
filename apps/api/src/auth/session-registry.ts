import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@konvergensi/config';
import type { UserRole } from '@konvergensi/contracts';
import { AuthSessionRecord, RefreshTokenRecord } from '@konvergensi/persistence';
import { IsNull, Not, type DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, DATA_SOURCE } from '../tokens';
import { sessionEnd, sessionLimitsFor, type SessionEnd } from './session-limits';

/** Why a session ended, as `auth_session.ended_reason` keeps it. */
export type SessionEndReason = SessionEnd | 'logout' | 'ended_by_user' | 'password_changed';

export interface SessionView {
  id: string;
  startedAt: string;
  lastSeenAt: string;
  userAgent: string | null;
  current: boolean;
}

// Activity is recorded at most this often per session: one small write per half minute, not one per request.
const touchEveryMs = 30_000;

/**
 * The login sessions of the users: one row per refresh-token family (`auth_session`), started at
 * login, moved by the user's own requests, ended by logout, by the user, by a password change, or
 * by the idle and absolute limits of privileged roles. Ending a session revokes its refresh
 * tokens, which ends its access tokens too (AuthService.authenticate checks the family).
 */
@Injectable()
export class SessionRegistry {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  async start(userId: string, familyId: string, userAgent: string | undefined): Promise<void> {
    await this.dataSource
      .getRepository(AuthSessionRecord)
      .insert({ familyId, userId, userAgent: userAgent ? userAgent.slice(0, 300) : null });
  }

  /**
   * Whether the session may go on for a user of these roles; when a limit has passed the session
   * is ended here and the reason answered. A family from before sessions were recorded gets its
   * row now.
   */
  async checkLimits(userId: string, familyId: string, roles: readonly UserRole[]): Promise<SessionEnd | undefined> {
    const sessions = this.dataSource.getRepository(AuthSessionRecord);
    const session = await sessions.findOneBy({ familyId });
    if (!session) {
      await sessions.createQueryBuilder().insert().values({ familyId, userId }).orIgnore().execute();
      return undefined;
    }
    const limits = sessionLimitsFor(roles, {
      idleMinutes: this.config.SESSION_IDLE_MINUTES,
      absoluteHours: this.config.SESSION_ABSOLUTE_HOURS,
    });
    const ended = sessionEnd(session, limits, new Date());
    if (ended) await this.end(familyId, ended);
    return ended;
  }

  /** The user did something: the idle clock of the session starts again. */
  async touch(familyId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE auth_session SET last_seen_at = now()
        WHERE family_id = $1 AND ended_at IS NULL AND last_seen_at < now() - make_interval(secs => $2)`,
      [familyId, touchEveryMs / 1000],
    );
  }

  /** Ends one session: its refresh tokens are revoked and the reason kept. */
  async end(
    familyId: string,
    reason: SessionEndReason,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const now = new Date();
    await manager.getRepository(RefreshTokenRecord).update({ familyId, revokedAt: IsNull() }, { revokedAt: now });
    await manager
      .getRepository(AuthSessionRecord)
      .update({ familyId, endedAt: IsNull() }, { endedAt: now, endedReason: reason });
  }

  /** Ends every session of the user but `keepFamilyId` (a password change keeps the one that made it). */
  async endAllBut(
    userId: string,
    keepFamilyId: string | null,
    reason: SessionEndReason,
    manager: EntityManager,
  ): Promise<void> {
    const families = await manager.getRepository(RefreshTokenRecord).find({
      select: { familyId: true },
      where: { userId, revokedAt: IsNull(), ...(keepFamilyId ? { familyId: Not(keepFamilyId) } : {}) },
    });
    for (const familyId of new Set(families.map((token) => token.familyId))) await this.end(familyId, reason, manager);
  }

  /** The user's live sessions, newest activity first. */
  async list(userId: string, currentFamilyId: string): Promise<SessionView[]> {
    const rows = (await this.dataSource.query(
      `SELECT s.family_id, s.started_at, s.last_seen_at, s.user_agent FROM auth_session s
        WHERE s.user_id = $1 AND s.ended_at IS NULL
          AND EXISTS (SELECT 1 FROM refresh_token t WHERE t.family_id = s.family_id AND t.revoked_at IS NULL
                        AND t.expires_at > now())
        ORDER BY s.last_seen_at DESC`,
      [userId],
    )) as { family_id: string; started_at: Date; last_seen_at: Date; user_agent: string | null }[];
    return rows.map((row) => ({
      id: row.family_id,
      startedAt: row.started_at.toISOString(),
      lastSeenAt: row.last_seen_at.toISOString(),
      userAgent: row.user_agent,
      current: row.family_id === currentFamilyId,
    }));
  }

  /** Whether `familyId` is a live session of this user (so only one's own can be ended). */
  async isLiveSessionOf(userId: string, familyId: string): Promise<boolean> {
    return this.dataSource.getRepository(AuthSessionRecord).existsBy({ familyId, userId, endedAt: IsNull() });
  }
}
