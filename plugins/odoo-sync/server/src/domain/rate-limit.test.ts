import { describe, expect, it } from 'vitest';
import { TokenBucket, type Clock } from './rate-limit';

/** A clock that only moves when told to, or when someone sleeps (then to the end of the sleep). */
function fakeClock() {
  let now = 0;
  const sleeps: number[] = [];
  const clock: Clock & { advance(ms: number): void; sleeps: number[] } = {
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    advance: (ms) => {
      now += ms;
    },
    sleeps,
  };
  return clock;
}

describe('TokenBucket', () => {
  it('lets a burst through, then spaces calls at the rate', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(2, 2, clock);
    const waits = [];
    for (let index = 0; index < 5; index += 1) waits.push(await bucket.take());
    expect(waits).toEqual([0, 0, 500, 1000, 1500]);
  });

  it('refills with time, never above the burst', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(4, 2, clock);
    expect([await bucket.take(), await bucket.take()]).toEqual([0, 0]);
    clock.advance(250); // one token back
    expect(await bucket.take()).toBe(0);
    expect(await bucket.take()).toBe(250);
    clock.advance(60_000); // a long pause refills only up to the burst
    expect([await bucket.take(), await bucket.take(), await bucket.take()]).toEqual([0, 0, 250]);
  });

  it('serves concurrent callers in order', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(10, 1, clock);
    const waits = await Promise.all(Array.from({ length: 4 }, () => bucket.take()));
    expect(waits).toEqual([0, 100, 200, 300]);
  });

  it('does not limit at rate 0', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(0, undefined, clock);
    expect(bucket.limited).toBe(false);
    for (let index = 0; index < 100; index += 1) expect(await bucket.take()).toBe(0);
    expect(clock.sleeps).toEqual([]);
  });

  it('allows fractional rates (one call every 2 s at 0.5/s)', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(0.5, undefined, clock);
    expect([await bucket.take(), await bucket.take(), await bucket.take()]).toEqual([0, 2000, 4000]);
  });
});
