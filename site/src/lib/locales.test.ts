import { describe, expect, it } from 'vitest';
import { chooseLocales, ogLocale, textDirection } from './locales';

describe('chooseLocales', () => {
  const configured = [
    { code: 'de', name: 'German (de)', isDefault: false },
    { code: 'en', name: 'English (en)', isDefault: true },
    { code: 'fr', name: 'French (fr)', isDefault: false },
    { code: 'nl', name: 'Dutch (nl)', isDefault: false },
  ];
  it.each([
    { withContent: ['de', 'en', 'fr', 'nl'], codes: ['en', 'de', 'fr', 'nl'] },
    // a locale added in Settings but with nothing published yet is not built
    { withContent: ['de', 'en'], codes: ['en', 'de'] },
    // the default locale is always built: the site's root and 404 live there
    { withContent: ['fr'], codes: ['en', 'fr'] },
  ])('builds $codes when $withContent have content', ({ withContent, codes }) => {
    const chosen = chooseLocales(configured, new Set(withContent));
    expect(chosen.codes).toEqual(codes);
    expect(chosen.defaultLocale).toBe('en');
  });

  it('refuses a CMS without any locale', () => {
    expect(() => chooseLocales([], new Set())).toThrow(/no locale/);
  });
});

describe('locale facts from Intl', () => {
  it.each([
    ['ar', 'rtl'],
    ['he', 'rtl'],
    ['fa', 'rtl'],
    ['ur-PK', 'rtl'],
    ['en', 'ltr'],
    ['fr', 'ltr'],
    ['zh-Hans', 'ltr'],
    ['not a locale', 'ltr'],
  ])('%s is written %s', (code, direction) => {
    expect(textDirection(code)).toBe(direction);
  });

  it.each([
    ['fr', 'fr_FR'],
    ['de', 'de_DE'],
    ['en', 'en_US'],
    ['pt-BR', 'pt_BR'],
  ])('og:locale of %s is %s', (code, expected) => {
    expect(ogLocale(code)).toBe(expected);
  });
});
