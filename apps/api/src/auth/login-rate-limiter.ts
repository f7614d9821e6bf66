/**
 * A fixed-window counter of login attempts per client address. In-process on purpose: the
 * account lockout in the database is the durable defence; this only blunts bursts against one
 * instance. `now` is injected so the window logic is unit-testable.
 */
export class LoginRateLimiter {
  private readonly windows = new Map<string, { startedAt: number; attempts: number }>();

  constructor(
    private readonly maxPerWindow: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts an attempt; false when the caller is over the limit for the current window. */
  tryAcquire(clientKey: string): boolean {
    const now = this.now();
    const window = this.windows.get(clientKey);
    if (!window || now - window.startedAt >= this.windowMs) {
      this.windows.set(clientKey, { startedAt: now, attempts: 1 });
      this.evictStale(now);
      return true;
    }
    window.attempts += 1;
    return window.attempts <= this.maxPerWindow;
  }

  private evictStale(now: number): void {
    if (this.windows.size < 10_000) return;
    for (const [key, window] of this.windows) {
      if (now - window.startedAt >= this.windowMs) this.windows.delete(key);
    }
  }
}
