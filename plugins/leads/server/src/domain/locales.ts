/**
 * Locales are data (docs/adr/0022-locales-as-data.md): the codes configured in Strapi's i18n, read
 * through the leads `locales` service. These are the pure rules around them.
 */

/** A BCP 47 tag as Strapi's i18n stores it: `fr`, `pt-BR`, `zh-Hans`, `es-419`. */
export const LOCALE_CODE = /^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/;
export const MAX_LOCALE_LENGTH = 35;

export interface LocaleSet {
  /** every configured code, the default first */
  codes: string[];
  defaultLocale: string;
}

/** The configured set from i18n's rows and its default; the default comes first, the rest sorted. */
export function localeSet(rows: ReadonlyArray<{ code: string }>, defaultCode: string | null | undefined): LocaleSet {
  const codes = [
    ...new Set(rows.map((row) => row.code).filter((code) => typeof code === 'string' && code.length > 0)),
  ].sort();
  const defaultLocale = defaultCode && codes.includes(defaultCode) ? defaultCode : (codes[0] ?? defaultCode ?? '');
  return {
    codes: defaultLocale ? [defaultLocale, ...codes.filter((code) => code !== defaultLocale)] : codes,
    defaultLocale,
  };
}

/**
 * The language a message is written in: the requested one when it exists, else the default
 * locale, else the first available (the template's own source language).
 */
export function fallbackLocale(
  requested: string | null | undefined,
  available: readonly string[],
  defaultLocale: string,
): string {
  if (requested && available.includes(requested)) return requested;
  // pt-BR asked, pt available: the language without its region before the default
  const language = requested?.split('-')[0];
  if (language && available.includes(language)) return language;
  if (available.includes(defaultLocale)) return defaultLocale;
  return available[0] ?? defaultLocale;
}

/** Whether a code is one of the configured ones (exact, as i18n compares them). */
export const isConfigured = (set: LocaleSet, code: unknown): code is string =>
  typeof code === 'string' && set.codes.includes(code);
