import { privilegedRoles, type UserRole } from '@konvergensi/contracts';

export interface SessionLimits {
  idleMs: number;
  absoluteMs: number;
}

export interface SessionTimes {
  startedAt: Date;
  lastSeenAt: Date;
}

/** Why a session is over, as `auth_session.ended_reason` records it. */
export type SessionEnd = 'idle' | 'lifetime';

/**
 * The limits of a session of these roles: idle and absolute for the privileged ones (OWASP ASVS
 * 3.3.2), none otherwise (their refresh tokens still expire after REFRESH_TOKEN_TTL_DAYS).
 */
export function sessionLimitsFor(
  roles: readonly UserRole[],
  settings: { idleMinutes: number; absoluteHours: number },
): SessionLimits | null {
  if (!roles.some((role) => privilegedRoles.includes(role))) return null;
  return { idleMs: settings.idleMinutes * 60_000, absoluteMs: settings.absoluteHours * 3_600_000 };
}

/** Whether a session has outlived its limits at `now`, and which one; undefined while it may go on. */
export function sessionEnd(session: SessionTimes, limits: SessionLimits | null, now: Date): SessionEnd | undefined {
  if (!limits) return undefined;
  if (now.getTime() - session.startedAt.getTime() >= limits.absoluteMs) return 'lifetime';
  if (now.getTime() - session.lastSeenAt.getTime() >= limits.idleMs) return 'idle';
  return undefined;
}
