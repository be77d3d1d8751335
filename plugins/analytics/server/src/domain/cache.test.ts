import { describe, expect, it } from 'vitest';
import { TtlCache } from './cache';

describe('TtlCache', () => {
  it('computes once per key until the time to live has passed', async () => {
    let time = 0;
    let runs = 0;
    const cache = new TtlCache<number>(1000, 10, () => time);
    const compute = async () => ++runs;
    expect(await cache.get('a', compute)).toBe(1);
    time = 999;
    expect(await cache.get('a', compute)).toBe(1);
    time = 1000;
    expect(await cache.get('a', compute)).toBe(2);
    expect(await cache.get('b', compute)).toBe(3);
  });

  it('lets concurrent callers share one computation', async () => {
    let runs = 0;
    const cache = new TtlCache<number>(1000, 10, () => 0);
    const results = await Promise.all([1, 2, 3].map(() => cache.get('a', async () => ++runs)));
    expect(results).toEqual([1, 1, 1]);
  });

  it('does not keep a failure', async () => {
    const cache = new TtlCache<number>(1000, 10, () => 0);
    await expect(cache.get('a', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('a', async () => 7)).toBe(7);
  });

  it('computes every time when the time to live is 0', async () => {
    let runs = 0;
    const cache = new TtlCache<number>(0);
    await cache.get('a', async () => ++runs);
    await cache.get('a', async () => ++runs);
    expect(runs).toBe(2);
  });

  it('evicts the oldest entry when full', async () => {
    let runs = 0;
    const cache = new TtlCache<number>(1000, 2, () => 0);
    await cache.get('a', async () => ++runs);
    await cache.get('b', async () => ++runs);
    await cache.get('c', async () => ++runs);
    expect(await cache.get('a', async () => ++runs)).toBe(4);
  });
});
