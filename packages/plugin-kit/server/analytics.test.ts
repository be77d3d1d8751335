import { describe, expect, it } from 'vitest';
import { count, rate, Snapshot } from './analytics';

describe('analytics figures', () => {
  it.each([
    [1, 3, 0.3333],
    [2, 3, 0.6667],
    [0, 0, 0],
    [5, 5, 1],
  ])('rate(%d, %d) = %d', (part, whole, expected) => expect(rate(part, whole)).toBe(expected));

  it.each([
    ['12', 12],
    [7, 7],
    [null, 0],
    [undefined, 0],
  ])('count(%j) = %d', (value, expected) => expect(count(value)).toBe(expected));
});

describe('Snapshot', () => {
  it('reuses a load while it is younger than allowed, shares one in flight, and reloads when older', async () => {
    let time = 1_000;
    let loads = 0;
    const snapshot = new Snapshot(
      async () => ++loads,
      () => time,
    );
    const [a, b] = await Promise.all([snapshot.get(60), snapshot.get(60)]);
    expect([a, b, loads]).toEqual([1, 1, 1]);
    time += 59_999;
    expect(await snapshot.get(60)).toBe(1);
    expect(await snapshot.get(0)).toBe(2); // 0 = read now
    expect(await snapshot.get(0)).toBe(2); // the same millisecond: that load is as fresh
    time += 60_001;
    expect(await snapshot.get(60)).toBe(3);
  });

  it('does not keep a failed load', async () => {
    let fail = true;
    const snapshot = new Snapshot(async () => {
      if (fail) throw new Error('down');
      return 'up';
    });
    await expect(snapshot.get(60)).rejects.toThrow('down');
    fail = false;
    expect(await snapshot.get(60)).toBe('up');
  });
});
