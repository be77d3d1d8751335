import { describe, expect, it } from 'vitest';
import { holds } from './suppressions';

const at = (iso: string) => new Date(iso);

describe('whether a suppression still holds', () => {
  it.each([
    ['a bounce, whatever the confirmation', 'delivery', '2026-12-01', '2026-12-05', true],
    ['an old row without a kind counts as a bounce', null, '2026-12-01', '2026-12-05', true],
    ['a spam report before a new confirmation is lifted', 'consent', '2026-12-01', '2026-12-05', false],
    ['a spam report after the confirmation holds', 'consent', '2026-12-05', '2026-12-01', true],
    ['a spam report for a contact never confirmed holds', 'consent', '2026-12-01', null, true],
  ])('%s', (_name, kind, suppressedAt, confirmedAt, expected) => {
    expect(holds({ kind, updated_at: at(suppressedAt) }, confirmedAt ? at(confirmedAt) : null)).toBe(expected);
  });
});
