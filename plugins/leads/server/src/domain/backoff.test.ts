import { describe, expect, it } from 'vitest';
import { backoffCeiling, nextDelayMs, retryAfterMs } from './backoff';

const policy = { baseDelayMs: 1000, maxDelayMs: 60_000 };

describe('backoff schedule', () => {
  it.each([
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [4, 8000],
    [6, 32_000],
    [7, 60_000],
    [50, 60_000],
  ])('caps the delay after attempt %i at %i ms', (attempt, ceiling) => {
    expect(backoffCeiling(attempt, policy)).toBe(ceiling);
  });

  it('spreads delays between half the base delay and the ceiling', () => {
    expect(nextDelayMs(3, policy, () => 0)).toBe(500);
    expect(nextDelayMs(3, policy, () => 1)).toBe(4000);
    expect(nextDelayMs(3, policy, () => 0.5)).toBe(2250);
  });

  it('never exceeds the maximum delay', () => {
    for (let attempt = 1; attempt < 40; attempt++) {
      expect(nextDelayMs(attempt, policy, () => 0.999)).toBeLessThanOrEqual(60_000);
    }
  });
});

describe('retryAfterMs', () => {
  const now = new Date('2026-11-24T12:00:00Z');
  it('reads seconds', () => expect(retryAfterMs('120', now)).toBe(120_000));
  it('reads an HTTP date', () => expect(retryAfterMs('Tue, 24 Nov 2026 12:01:00 GMT', now)).toBe(60_000));
  it('ignores nonsense and absence', () => {
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(undefined, now)).toBeNull();
  });
});
