import { describe, expect, it } from 'vitest';
import { fallbackLocale, isConfigured, LOCALE_CODE, localeSet } from './locales';

describe('localeSet', () => {
  it.each([
    {
      rows: [{ code: 'de' }, { code: 'en' }, { code: 'fr' }],
      def: 'en',
      codes: ['en', 'de', 'fr'],
      defaultLocale: 'en',
    },
    { rows: [{ code: 'en' }, { code: 'fr' }], def: 'fr', codes: ['fr', 'en'], defaultLocale: 'fr' },
    // a default that no row has (deleted meanwhile): the first configured code
    { rows: [{ code: 'nl' }, { code: 'de' }], def: 'en', codes: ['de', 'nl'], defaultLocale: 'de' },
    { rows: [{ code: 'en' }, { code: 'en' }], def: null, codes: ['en'], defaultLocale: 'en' },
  ])('$rows.length rows, default $def -> $codes', ({ rows, def, codes, defaultLocale }) => {
    expect(localeSet(rows, def)).toEqual({ codes, defaultLocale });
  });
});

describe('fallbackLocale', () => {
  it.each([
    ['fr', ['en', 'de', 'fr'], 'en', 'fr'],
    ['nl', ['en', 'de', 'fr'], 'en', 'en'],
    ['nl', ['en', 'de', 'fr'], 'de', 'de'],
    // default without a translation either: the template's first language
    ['nl', ['en', 'de'], 'it', 'en'],
    ['pt-BR', ['en', 'pt'], 'en', 'pt'],
    [undefined, ['en', 'de'], 'de', 'de'],
  ] as const)('%s of %j with default %s -> %s', (requested, available, def, expected) => {
    expect(fallbackLocale(requested, available, def)).toBe(expected);
  });
});

describe('locale codes', () => {
  it.each(['en', 'fr', 'pt-BR', 'zh-Hans', 'es-419'])('%s is a code', (code) =>
    expect(LOCALE_CODE.test(code)).toBe(true),
  );
  it.each(['', 'e', 'english!', 'en_US', '../en', 'en-'])('%j is not', (code) =>
    expect(LOCALE_CODE.test(code)).toBe(false),
  );
  it('is configured only when listed', () => {
    const set = localeSet([{ code: 'en' }, { code: 'fr' }], 'en');
    expect(isConfigured(set, 'fr')).toBe(true);
    expect(isConfigured(set, 'de')).toBe(false);
    expect(isConfigured(set, 7)).toBe(false);
  });
});
