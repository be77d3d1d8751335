/**
 * Which languages the site is built in: data from the CMS (docs/adr/0022-locales-as-data.md).
 * Every locale configured in Settings → Internationalization that has published content (a page
 * or an article), and always the default locale. Read once per build from `/api/i18n/locales`.
 */
import { cmsGet } from '../loaders/strapi';
import { setMessagesDefaultLocale } from '../i18n/messages';

export interface SiteLocale {
  code: string;
  name: string;
  isDefault: boolean;
}

export interface SiteLocales {
  /** the locales built, the default first */
  locales: SiteLocale[];
  codes: string[];
  defaultLocale: string;
}

interface StrapiLocale {
  code: string;
  name?: string;
  isDefault?: boolean;
}

/** i18n's list, public first (the Public role may read it), then with the build's token. */
async function configuredLocales(): Promise<StrapiLocale[]> {
  try {
    return await cmsGet<StrapiLocale[]>('/api/i18n/locales', {}, { anonymous: true });
  } catch (error) {
    if (!/answered (401|403)/.test((error as Error).message)) throw error;
    return cmsGet<StrapiLocale[]>('/api/i18n/locales');
  }
}

/** Whether a locale has anything published that the site renders. */
async function hasPublishedContent(code: string): Promise<boolean> {
  for (const resource of ['pages', 'articles']) {
    const answer = await cmsGet<{ meta?: { pagination?: { total?: number } } }>(`/api/${resource}`, {
      locale: code,
      status: 'published',
      'pagination[pageSize]': 1,
      'fields[0]': 'slug',
    });
    if ((answer.meta?.pagination?.total ?? 0) > 0) return true;
  }
  return false;
}

/** The pure rule: default first, then the others with content, in i18n's order. */
export function chooseLocales(configured: readonly StrapiLocale[], withContent: ReadonlySet<string>): SiteLocales {
  const fallback = configured.find((locale) => locale.isDefault) ?? configured[0];
  if (!fallback) throw new Error('The CMS has no locale configured (Settings → Internationalization).');
  const locales = [fallback, ...configured.filter((locale) => locale !== fallback && withContent.has(locale.code))].map(
    (locale) => ({
      code: locale.code,
      name: locale.name ?? locale.code,
      isDefault: locale === fallback,
    }),
  );
  return { locales, codes: locales.map((locale) => locale.code), defaultLocale: fallback.code };
}

let loading: Promise<SiteLocales> | null = null;

/** The locales of this build (fetched once). */
export function siteLocales(): Promise<SiteLocales> {
  loading ??= (async () => {
    const configured = await configuredLocales();
    const withContent = new Set<string>();
    for (const locale of configured) if (await hasPublishedContent(locale.code)) withContent.add(locale.code);
    const chosen = chooseLocales(configured, withContent);
    setMessagesDefaultLocale(chosen.defaultLocale);
    const skipped = configured.filter((locale) => !chosen.codes.includes(locale.code)).map((locale) => locale.code);
    if (skipped.length > 0) console.warn(`[i18n] not built, nothing published yet: ${skipped.join(', ')}`);
    return chosen;
  })();
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/** The locale codes of this build, the default first. */
export const buildLocales = async (): Promise<string[]> => (await siteLocales()).codes;

/** Scripts written right to left (ISO 15924), for engines without Intl.Locale text info. */
const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Syrc', 'Thaa', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr', 'Mend']);

type LocaleWithTextInfo = Intl.Locale & {
  getTextInfo?: () => { direction?: string };
  textInfo?: { direction?: string };
};

/** `rtl` for right-to-left languages (ar, he, fa, ur…), else `ltr`: Intl's text info, else the likely script. */
export function textDirection(code: string): 'ltr' | 'rtl' {
  try {
    const locale = new Intl.Locale(code) as LocaleWithTextInfo;
    const direction = locale.getTextInfo?.().direction ?? locale.textInfo?.direction;
    if (direction === 'rtl' || direction === 'ltr') return direction;
    return RTL_SCRIPTS.has(locale.maximize().script ?? '') ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

/** Open Graph's `og:locale` (language_TERRITORY), e.g. fr → fr_FR, en → en_US. */
export function ogLocale(code: string): string {
  try {
    const locale = new Intl.Locale(code).maximize();
    return locale.region ? `${locale.language}_${locale.region}` : locale.language;
  } catch {
    return code;
  }
}

/** The language's own name for the switch, e.g. fr → français. */
export function nativeName(code: string): string {
  try {
    return new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
