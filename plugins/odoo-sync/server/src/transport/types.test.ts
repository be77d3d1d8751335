import { describe, expect, it } from 'vitest';
import { anyOf, createdIds } from './types';

describe('anyOf', () => {
  it("puts n - 1 '|' before n leaves (Odoo's prefix notation)", () => {
    expect(anyOf([['email', '=ilike', 'a@x.test']])).toEqual([['email', '=ilike', 'a@x.test']]);
    expect(
      anyOf([
        ['email', '=ilike', 'a'],
        ['email', '=ilike', 'b'],
        ['email', '=ilike', 'c'],
      ]),
    ).toEqual(['|', '|', ['email', '=ilike', 'a'], ['email', '=ilike', 'b'], ['email', '=ilike', 'c']]);
    expect(anyOf([])).toEqual([]);
  });
});

describe('createdIds', () => {
  it('takes one id per record, in order; a single id for a single record', () => {
    expect(createdIds('crm.lead', [7, 8, 9], 3)).toEqual([7, 8, 9]);
    expect(createdIds('crm.lead', 7, 1)).toEqual([7]);
  });

  it('refuses an answer that does not name every record', () => {
    expect(() => createdIds('crm.lead', [7, 8], 3)).toThrow(/crm.lead/);
    expect(() => createdIds('crm.lead', [7, false], 2)).toThrow(/for 2 record/);
    expect(() => createdIds('crm.lead', null, 1)).toThrow();
  });
});
