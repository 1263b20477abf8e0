import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter.ts';

describe('RateLimiter', () => {
  it('allows the limit per window and client, then says when to retry', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter(2, 60, () => now);
    expect(limiter.check('a').allowed).toBe(true);
    expect(limiter.check('a').allowed).toBe(true);
    expect(limiter.check('b').allowed).toBe(true);
    now += 15_000;
    const refused = limiter.check('a');
    expect(refused).toMatchObject({ allowed: false, remaining: 0, retryAfterSeconds: 45 });
    now += 45_000;
    expect(limiter.check('a').allowed).toBe(true);
  });

  it('never refuses with a limit of 0', () => {
    const limiter = new RateLimiter(0, 60);
    for (let i = 0; i < 10; i++) expect(limiter.check('a').allowed).toBe(true);
  });
});
