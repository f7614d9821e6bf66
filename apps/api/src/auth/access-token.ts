import { SignJWT, errors, jwtVerify } from 'jose';

/** What a presented access token proves: a user and session, or why it proves nothing. */
export type AccessTokenCheck =
  { valid: true; userId: string; sessionId: string } | { valid: false; reason: 'expired' | 'invalid' };

/**
 * Short-lived access tokens: HS256 JWTs carrying the user id and the session (the refresh token
 * family, `sid`). Everything else about the caller (roles, regency, unit, active) is read fresh
 * from the database on each request, so a role change or deactivation takes effect at once, and
 * the session is checked too, so logout ends the access token with the refresh token.
 */
export class AccessTokens {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(userId: string, sessionId: string): Promise<{ token: string; expiresIn: number }> {
    const token = await new SignJWT({ sid: sessionId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(userId)
      .setIssuer('konvergensi')
      .setAudience('konvergensi-api')
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.key);
    return { token, expiresIn: this.ttlSeconds };
  }

  /**
   * Checks signature, algorithm, issuer, audience and expiry. "expired" is only reported for a
   * token whose signature was valid (jose checks claims after the signature), so it tells a
   * client to refresh without telling a forger anything.
   */
  async verify(token: string): Promise<AccessTokenCheck> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: 'konvergensi',
        audience: 'konvergensi-api',
      });
      // Without a session id the token could not be ended by logout: every token carries one.
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string')
        return { valid: false, reason: 'invalid' };
      return { valid: true, userId: payload.sub, sessionId: payload.sid };
    } catch (error) {
      return { valid: false, reason: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
    }
  }
}
