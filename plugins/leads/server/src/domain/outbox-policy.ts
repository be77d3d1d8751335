/**
 * Pure rules of the outbox worker (docs/adr/0025-outbox-throughput-and-scale-out.md): what a
 * failed delivery means for its row, when a claim's lease runs out, and which topics may take
 * more work right now (bounded concurrency per topic, pauses after a provider's rate limit).
 * Time comes in as an argument, so the unit tests drive the clock.
 */
import { nextDelayMs, type BackoffPolicy } from './backoff';

/** What a handler's error says about the failure (duck-typed: other plugins cannot import our classes). */
export interface DeliveryErrorMarks {
  /** no retry can fix it: dead-letter at once */
  permanent?: boolean;
  /** retry no earlier than this (a rate limit of this row); the attempt counts */
  retryAfterMs?: number;
  /** not a delivery failure (receiver not configured, circuit open): try again later, no attempt used */
  deferMs?: number;
  /**
   * the provider refuses every request for a while (SendGrid 429 with X-RateLimit-Reset): the
   * whole topic pauses this long, and the row waits without using an attempt
   */
  pauseTopicMs?: number;
}

export type FailureOutcome =
  | { kind: 'paused'; status: 'pending'; delayMs: number; refundAttempt: true; pauseTopicMs: number }
  | { kind: 'deferred'; status: 'pending'; delayMs: number; refundAttempt: true }
  | { kind: 'retry'; status: 'pending'; delayMs: number; refundAttempt: false }
  | { kind: 'dead'; status: 'dead'; delayMs: number; refundAttempt: false };

const finiteNonNegative = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** Reads the marks off anything a handler threw. */
export function marksOf(error: unknown): DeliveryErrorMarks {
  if (typeof error !== 'object' || error === null) return {};
  const source = error as Record<string, unknown>;
  const marks: DeliveryErrorMarks = {};
  if (source.permanent === true) marks.permanent = true;
  if (finiteNonNegative(source.retryAfterMs)) marks.retryAfterMs = source.retryAfterMs;
  if (finiteNonNegative(source.deferMs)) marks.deferMs = source.deferMs;
  if (finiteNonNegative(source.pauseTopicMs)) marks.pauseTopicMs = source.pauseTopicMs;
  return marks;
}

/**
 * A failed attempt (`attempt` is 1-based, already counted by the claim) → the row's next state.
 * Order: a topic pause and a deferral never use an attempt; a permanent error or the last attempt
 * dead-letters; anything else backs off (at least as long as the provider asked).
 */
export function failureOutcome(
  marks: DeliveryErrorMarks,
  attempt: number,
  maxAttempts: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): FailureOutcome {
  if (marks.pauseTopicMs !== undefined)
    return {
      kind: 'paused',
      status: 'pending',
      delayMs: marks.pauseTopicMs,
      refundAttempt: true,
      pauseTopicMs: marks.pauseTopicMs,
    };
  if (marks.deferMs !== undefined)
    return { kind: 'deferred', status: 'pending', delayMs: marks.deferMs, refundAttempt: true };
  const delayMs = Math.max(nextDelayMs(attempt, policy, random), marks.retryAfterMs ?? 0);
  if (marks.permanent === true || attempt >= maxAttempts)
    return { kind: 'dead', status: 'dead', delayMs, refundAttempt: false };
  return { kind: 'retry', status: 'pending', delayMs, refundAttempt: false };
}

export interface LeasePolicy {
  /** how long a claim stays valid without a heartbeat */
  leaseMs: number;
  /** how often a live instance renews the leases of the rows it holds */
  heartbeatMs: number;
}

/** Heartbeats at a third of the lease: two missed beats still leave the claim valid. */
export function leasePolicy(leaseMs: number): LeasePolicy {
  const lease = Math.max(1000, Math.round(leaseMs));
  return { leaseMs: lease, heartbeatMs: Math.max(250, Math.floor(lease / 3)) };
}

export const leaseUntil = (now: number, policy: LeasePolicy) => new Date(now + policy.leaseMs);

/** A claim whose lease ran out belongs to an instance that stopped beating: another may take the row. */
export const leaseExpired = (lease: Date | null, now: number) => lease !== null && lease.getTime() < now;

/**
 * Which topics may take more rows now: each topic has at most `concurrency` deliveries in
 * flight on this instance, and a paused topic (provider rate limit) takes none until its pause
 * ends. `now` is passed in by the caller (the worker's clock).
 */
export class TopicGate {
  private readonly inFlight = new Map<string, number>();
  private readonly pausedUntil = new Map<string, number>();

  constructor(private readonly concurrency: (topic: string) => number) {}

  /** Topics that may not be claimed now (paused, or at their limit). */
  blocked(now: number): string[] {
    const blocked = new Set<string>();
    for (const [topic, until] of this.pausedUntil) {
      if (until > now) blocked.add(topic);
      else this.pausedUntil.delete(topic);
    }
    for (const [topic, count] of this.inFlight) if (count >= this.concurrency(topic)) blocked.add(topic);
    return [...blocked].sort();
  }

  isPaused(topic: string, now: number) {
    const until = this.pausedUntil.get(topic);
    return until !== undefined && until > now;
  }

  /** When the earliest pause ends (for the worker's next wake-up), or null. */
  nextResume(now: number): number | null {
    let next: number | null = null;
    for (const until of this.pausedUntil.values()) if (until > now && (next === null || until < next)) next = until;
    return next;
  }

  /** Extends (never shortens) a topic's pause. */
  pause(topic: string, until: number) {
    this.pausedUntil.set(topic, Math.max(until, this.pausedUntil.get(topic) ?? 0));
  }

  /** Takes a slot for a delivery of the topic, or says there is none free. */
  tryAcquire(topic: string, now: number): boolean {
    if (this.isPaused(topic, now)) return false;
    const count = this.inFlight.get(topic) ?? 0;
    if (count >= this.concurrency(topic)) return false;
    this.inFlight.set(topic, count + 1);
    return true;
  }

  release(topic: string) {
    const count = (this.inFlight.get(topic) ?? 0) - 1;
    if (count > 0) this.inFlight.set(topic, count);
    else this.inFlight.delete(topic);
  }

  running(topic?: string) {
    if (topic !== undefined) return this.inFlight.get(topic) ?? 0;
    let total = 0;
    for (const count of this.inFlight.values()) total += count;
    return total;
  }
}

/**
 * SendGrid's 429: `X-RateLimit-Reset` is the Unix time (seconds) the limit resets; Retry-After
 * when that is missing. Returns how long to pause, never negative, null without either header.
 */
export function rateLimitPauseMs(
  headers: { reset?: string | null; retryAfterMs?: number | null },
  now: number,
): number | null {
  const reset = Number(headers.reset);
  if (headers.reset && Number.isFinite(reset)) return Math.max(0, reset * 1000 - now);
  if (headers.retryAfterMs !== undefined && headers.retryAfterMs !== null) return Math.max(0, headers.retryAfterMs);
  return null;
}
