import { describe, expect, it } from 'vitest';
import { COUNTRY_PATTERN, NAME_PATTERN, PHONE_PATTERN, SLUG_PATTERN } from './lead-fields';

describe('lead field patterns', () => {
  it.each([
    [NAME_PATTERN, 'Zoë Ann-Marie O.', true],
    [NAME_PATTERN, 'Ada <script>', false],
    [NAME_PATTERN, 'http://x', false],
    [PHONE_PATTERN, '+49 (30) 123-45/6.7', true],
    [PHONE_PATTERN, '030 CALL', false],
    [COUNTRY_PATTERN, 'DE', true],
    [COUNTRY_PATTERN, 'de', false],
    [SLUG_PATTERN, 'pipeline-basics-2', true],
    [SLUG_PATTERN, 'Pipeline--basics', false],
  ])('%s on %j: %s', (pattern, value, ok) => expect(pattern.test(value)).toBe(ok));
});
