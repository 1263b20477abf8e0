/**
 * A fixed-window request counter per client, in memory (one process). Enough to keep one
 * client from starving the others; several web processes each count on their own.
 */
export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  retryAfterSeconds: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly limit: number,
    readonly windowSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  check(key: string): RateDecision {
    const now = this.now();
    const windowMs = this.windowSeconds * 1000;
    if (this.windows.size > 50_000) this.sweep(now, windowMs);
    let window = this.windows.get(key);
    if (!window || now - window.start >= windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count++;
    const retryAfterSeconds = Math.max(1, Math.ceil((window.start + windowMs - now) / 1000));
    return {
      allowed: this.limit === 0 || window.count <= this.limit,
      limit: this.limit,
      remaining: Math.max(0, this.limit - window.count),
      retryAfterSeconds,
    };
  }

  private sweep(now: number, windowMs: number): void {
    for (const [key, w] of this.windows) if (now - w.start >= windowMs) this.windows.delete(key);
  }
}
