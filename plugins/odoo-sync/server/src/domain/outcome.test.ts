import { describe, expect, it } from 'vitest';
import { batches, leadOutcome, many2one } from './outcome';

const rules = { qualifiedProbability: 50, qualifiedStages: ['Qualified', 'Proposition'] };
const open = { active: true, probability: 10, stageName: 'New', stageIsWon: false };

describe('leadOutcome', () => {
  it.each([
    ['an archived lead is lost, whatever its stage', { ...open, active: false, stageIsWon: true }, 'lost'],
    ['a lead in a won stage is won', { ...open, stageName: 'Won', stageIsWon: true, probability: 100 }, 'won'],
    ['a lead in a configured stage is qualified', { ...open, stageName: ' qualified ' }, 'qualified'],
    ['a lead at the probability threshold is qualified', { ...open, probability: 50 }, 'qualified'],
    ['a lead below the threshold in another stage is open', { ...open, probability: 49.9 }, 'open'],
    [
      'a lead without probability or stage is open',
      { active: true, probability: null, stageName: null, stageIsWon: false },
      'open',
    ],
  ])('%s', (_name, state, expected) => {
    expect(leadOutcome(state, rules)).toBe(expected);
  });
});

describe('many2one', () => {
  it('reads [id, name] and treats false as unset', () => {
    expect(many2one([3, 'Won'])).toEqual({ id: 3, name: 'Won' });
    expect(many2one(false)).toBeNull();
  });
});

describe('batches', () => {
  it('splits into chunks of at most the size', () => {
    expect(batches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(batches([], 2)).toEqual([]);
  });
});
