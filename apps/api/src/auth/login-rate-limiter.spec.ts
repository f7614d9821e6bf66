import { LoginRateLimiter } from './login-rate-limiter';

describe('LoginRateLimiter', () => {
  it('allows the configured number of attempts per window and refuses the next', () => {
    let now = 0;
    const limiter = new LoginRateLimiter(3, 60_000, () => now);
    expect([1, 2, 3].map(() => limiter.tryAcquire('10.0.0.1'))).toEqual([true, true, true]);
    expect(limiter.tryAcquire('10.0.0.1')).toBe(false);
    now = 30_000;
    expect(limiter.tryAcquire('10.0.0.1')).toBe(false);
  });

  it('opens a fresh window after the window length has passed', () => {
    let now = 0;
    const limiter = new LoginRateLimiter(1, 60_000, () => now);
    expect(limiter.tryAcquire('a')).toBe(true);
    expect(limiter.tryAcquire('a')).toBe(false);
    now = 60_000;
    expect(limiter.tryAcquire('a')).toBe(true);
  });

  it('counts each client address separately', () => {
    const limiter = new LoginRateLimiter(1, 60_000, () => 0);
    expect(limiter.tryAcquire('a')).toBe(true);
    expect(limiter.tryAcquire('b')).toBe(true);
    expect(limiter.tryAcquire('a')).toBe(false);
  });
});
