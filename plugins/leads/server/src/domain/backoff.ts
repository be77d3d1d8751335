/**
 * Retry schedule for outbox deliveries: exponential backoff with "full jitter"
 * (AWS Architecture Blog, "Exponential Backoff And Jitter"): the delay before attempt n+1 is a
 * random value in [base/2, min(max, base * 2^(n-1))], so retries of many rows spread out.
 */
export interface BackoffPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
}

export function backoffCeiling(attempt: number, policy: BackoffPolicy): number {
  const exponent = Math.max(0, attempt - 1);
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(exponent, 30));
}

/** Delay after the given failed attempt (1-based). `random` is injectable for tests. */
export function nextDelayMs(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = backoffCeiling(attempt, policy);
  const floor = Math.min(ceiling, policy.baseDelayMs / 2);
  return Math.round(floor + random() * (ceiling - floor));
}

/** A provider's Retry-After (seconds or HTTP date) wins when it asks for longer. */
export function retryAfterMs(header: string | null | undefined, now: Date = new Date()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now.getTime());
}
