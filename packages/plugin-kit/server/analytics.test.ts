import { describe, expect, it } from 'vitest';
import { analyticsColumns, count, counts, rate, Snapshot } from './analytics';

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

describe('analyticsColumns / counts', () => {
  it('reads one column a line, in order, the label being the rest of the line', () => {
    expect(
      analyticsColumns`
        title text Meeting type
        bookings count Bookings
        cancellationRate percent Cancellation rate
      `,
    ).toEqual([
      { key: 'title', label: 'Meeting type', kind: 'text' },
      { key: 'bookings', label: 'Bookings', kind: 'count' },
      { key: 'cancellationRate', label: 'Cancellation rate', kind: 'percent' },
    ]);
  });

  it('refuses a line without a known kind or without a label', () => {
    expect(() => analyticsColumns`title texts Title`).toThrow(/kind/);
    expect(() => analyticsColumns`title text`).toThrow(/label/);
  });

  it('turns the named count columns of a row into numbers, and only those', () => {
    expect(counts({ slug: 'x', bookings: '12', cancelled: null }, ['bookings', 'cancelled'])).toEqual({
      bookings: 12,
      cancelled: 0,
    });
  });
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
    time += 60_000;
    expect(await snapshot.get(60)).toBe(1);
    expect(await snapshot.get(0)).toBe(2); // 0 = a load started after the call
    expect(await snapshot.get(0)).toBe(2); // the same millisecond: that load is as fresh
    time += 120_001;
    expect(await snapshot.get(60)).toBe(3); // more than twice as old: waits for the new load
  });

  it('answers from the previous value, not twice as old, while one new load runs', async () => {
    let time = 0;
    let release: (value: number) => void = () => {};
    let loads = 0;
    const snapshot = new Snapshot(
      () => {
        loads += 1;
        return loads === 1 ? Promise.resolve(1) : new Promise<number>((resolve) => (release = resolve));
      },
      () => time,
    );
    expect(await snapshot.get(30)).toBe(1);
    time = 45_000;
    expect(await snapshot.get(30)).toBe(1); // stale, a new load started
    expect(await snapshot.get(30)).toBe(1); // still stale, the same load
    expect(loads).toBe(2);
    release(2);
    await Promise.resolve();
    await Promise.resolve();
    expect(await snapshot.get(30)).toBe(2);
    time = 200_000;
    const waiting = snapshot.get(30); // far too old: waits
    release(3);
    expect(await waiting).toBe(3);
    time += 1;
    const now = snapshot.get(0); // 0 never answers from a load started before the call
    release(4);
    expect(await now).toBe(4);
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
