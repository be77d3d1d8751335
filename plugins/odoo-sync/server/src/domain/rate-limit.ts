/** Time as the token bucket sees it; tests inject a fake one. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref()),
};

/**
 * A token bucket for ODOO_MAX_CALLS_PER_SECOND: `burst` calls at once, then `ratePerSecond`.
 * Each take() reserves its token at once (the balance may go below zero) and waits until it
 * would have been refilled, so concurrent callers are served in order without polling.
 * A rate of 0 (or less) means no limit.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number = Math.max(1, Math.ceil(ratePerSecond)),
    private readonly clock: Clock = systemClock,
  ) {
    this.tokens = burst;
    this.last = clock.now();
  }

  get limited(): boolean {
    return this.ratePerSecond > 0;
  }

  /** How long the caller waited (ms). */
  async take(): Promise<number> {
    if (!this.limited) return 0;
    const now = this.clock.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.ratePerSecond) / 1000);
    this.last = now;
    this.tokens -= 1;
    if (this.tokens >= 0) return 0;
    const wait = Math.ceil((-this.tokens * 1000) / this.ratePerSecond);
    await this.clock.sleep(wait);
    return wait;
  }
}
