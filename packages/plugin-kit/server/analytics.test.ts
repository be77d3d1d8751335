import { describe, expect, it } from 'vitest';
import { count, rate } from './analytics';

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
