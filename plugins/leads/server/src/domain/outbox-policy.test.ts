import { describe, expect, it } from 'vitest';
import {
  failureOutcome,
  leaseExpired,
  leasePolicy,
  leaseUntil,
  marksOf,
  rateLimitPauseMs,
  TopicGate,
  type DeliveryErrorMarks,
} from './outbox-policy';

const policy = { baseDelayMs: 1000, maxDelayMs: 60_000 };
const midway = () => 0.5;

describe('failure outcome', () => {
  it.each<
    [
      string,
      DeliveryErrorMarks,
      number,
      number,
      { kind: string; delayMs: number; refundAttempt: boolean; status: string },
    ]
  >([
    ['a plain error backs off', {}, 1, 4, { kind: 'retry', status: 'pending', delayMs: 750, refundAttempt: false }],
    ['the last attempt dead-letters', {}, 4, 4, { kind: 'dead', status: 'dead', delayMs: 4250, refundAttempt: false }],
    [
      'a permanent error dead-letters at once',
      { permanent: true },
      1,
      4,
      { kind: 'dead', status: 'dead', delayMs: 750, refundAttempt: false },
    ],
    [
      'a Retry-After longer than the backoff wins',
      { retryAfterMs: 9000 },
      1,
      4,
      { kind: 'retry', status: 'pending', delayMs: 9000, refundAttempt: false },
    ],
    [
      'a Retry-After shorter than the backoff does not shorten it',
      { retryAfterMs: 10 },
      3,
      4,
      { kind: 'retry', status: 'pending', delayMs: 2250, refundAttempt: false },
    ],
    [
      'a deferral uses no attempt, even the last',
      { deferMs: 5000 },
      4,
      4,
      { kind: 'deferred', status: 'pending', delayMs: 5000, refundAttempt: true },
    ],
    [
      'a topic pause uses no attempt, even the last',
      { pauseTopicMs: 3000 },
      4,
      4,
      { kind: 'paused', status: 'pending', delayMs: 3000, refundAttempt: true },
    ],
    [
      'a topic pause wins over permanent marks',
      { pauseTopicMs: 0, permanent: true },
      1,
      4,
      { kind: 'paused', status: 'pending', delayMs: 0, refundAttempt: true },
    ],
  ])('%s', (_name, marks, attempt, maxAttempts, expected) => {
    expect(failureOutcome(marks, attempt, maxAttempts, policy, midway)).toMatchObject(expected);
  });

  it.each<[string, unknown, DeliveryErrorMarks]>([
    ['nothing on a plain Error', new Error('x'), {}],
    ['nothing on a string', 'boom', {}],
    ['nothing on null', null, {}],
    [
      'the marks of a duck-typed error',
      Object.assign(new Error('x'), { deferMs: 10, permanent: true }),
      { deferMs: 10, permanent: true },
    ],
    ['a topic pause', { pauseTopicMs: 1500 }, { pauseTopicMs: 1500 }],
    [
      'not a negative or non-numeric delay',
      { retryAfterMs: -1, deferMs: 'soon', pauseTopicMs: Number.NaN, permanent: 'yes' },
      {},
    ],
  ])('reads %s', (_name, error, expected) => {
    expect(marksOf(error)).toEqual(expected);
  });
});

describe('claim leases', () => {
  it.each([
    [6000, { leaseMs: 6000, heartbeatMs: 2000 }],
    [10_000, { leaseMs: 10_000, heartbeatMs: 3333 }],
    [10, { leaseMs: 1000, heartbeatMs: 333 }],
  ])('a lease of %i ms is renewed every third of it', (lease, expected) => {
    expect(leasePolicy(lease)).toEqual(expected);
  });

  it('a claim stays valid while its instance beats, and expires once it stops (injected clock)', () => {
    const lease = leasePolicy(6000);
    let clock = 1_000_000;
    let until = leaseUntil(clock, lease);
    // the instance lives: a heartbeat every heartbeatMs keeps the lease ahead of the clock
    for (let beat = 0; beat < 10; beat++) {
      clock += lease.heartbeatMs;
      expect(leaseExpired(until, clock)).toBe(false);
      until = leaseUntil(clock, lease);
    }
    // the instance dies: no more beats; the row is free for another instance within one lease
    const died = clock;
    clock += lease.leaseMs;
    expect(leaseExpired(until, clock)).toBe(false);
    clock += 1;
    expect(leaseExpired(until, clock)).toBe(true);
    // a live instance checks every heartbeat: the row is back within lease + heartbeat, under 10 s
    expect(clock + lease.heartbeatMs - died).toBeLessThanOrEqual(10_000);
  });

  it('a row claimed before leases existed is not taken by the lease rule', () => {
    expect(leaseExpired(null, Date.now())).toBe(false);
  });
});

describe('topic gate', () => {
  const limits: Record<string, number> = { 'email.send': 2, 'odoo.upsert-lead': 1 };
  const gate = () => new TopicGate((topic) => limits[topic] ?? 4);

  it('bounds the deliveries in flight per topic', () => {
    const topics = gate();
    expect(topics.tryAcquire('email.send', 0)).toBe(true);
    expect(topics.tryAcquire('email.send', 0)).toBe(true);
    expect(topics.tryAcquire('email.send', 0)).toBe(false);
    expect(topics.tryAcquire('odoo.upsert-lead', 0)).toBe(true);
    expect(topics.blocked(0)).toEqual(['email.send', 'odoo.upsert-lead']);
    topics.release('email.send');
    expect(topics.blocked(0)).toEqual(['odoo.upsert-lead']);
    expect(topics.tryAcquire('email.send', 0)).toBe(true);
    expect(topics.running()).toBe(3);
    expect(topics.running('email.send')).toBe(2);
  });

  it('a paused topic takes nothing until its pause ends; pauses only grow', () => {
    const topics = gate();
    topics.pause('email.send', 5000);
    topics.pause('email.send', 2000);
    expect(topics.nextResume(1000)).toBe(5000);
    expect(topics.tryAcquire('email.send', 4999)).toBe(false);
    expect(topics.blocked(4999)).toEqual(['email.send']);
    expect(topics.tryAcquire('odoo.upsert-lead', 4999)).toBe(true);
    expect(topics.tryAcquire('email.send', 5000)).toBe(true);
    expect(topics.blocked(5000)).toEqual(['odoo.upsert-lead']);
    expect(topics.nextResume(5000)).toBeNull();
  });
});

describe('SendGrid rate limit', () => {
  const now = Date.UTC(2026, 11, 7, 8, 0, 0);
  it.each<[string, { reset?: string | null; retryAfterMs?: number | null }, number | null]>([
    ['waits until X-RateLimit-Reset', { reset: String(now / 1000 + 3) }, 3000],
    ['never negative for a reset in the past', { reset: String(now / 1000 - 3) }, 0],
    ['falls back to Retry-After', { reset: null, retryAfterMs: 1500 }, 1500],
    ['ignores a reset that is not a number', { reset: 'soon', retryAfterMs: 200 }, 200],
    ['says nothing without either', {}, null],
  ])('%s', (_name, headers, expected) => {
    expect(rateLimitPauseMs(headers, now)).toBe(expected);
  });
});
