/**
 * The site's own texts, one file per locale in src/messages/ (en.ts is the source language and
 * complete; the others may leave keys out). A missing key shows the default locale's text, else
 * the source's, never a blank; the build warns once per key and locale, and once for a locale
 * that has no file at all. Which locales exist is data: the CMS's i18n settings (lib/locales.ts).
 */
import source, { type Messages } from '../messages/en';

export type { Messages };
/** The language en.ts is written in: the last step of every fallback. */
export const SOURCE_LOCALE = 'en';

type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends (...args: never[]) => unknown ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K];
};
/** What a locale's message file may contain: any subset of en.ts. */
export type MessageFile = DeepPartial<Messages>;

// Every file in src/messages/, found by the bundler: adding fr.ts is all it takes. Only on the
// server (the build): an island gets its page's texts as props (`islandMessages`), so the browser
// never downloads every locale's texts. `import.meta.env.SSR` is a constant to the bundler, which
// drops the files and the source from the islands' code.
const files: Record<string, MessageFile> = import.meta.env.SSR
  ? Object.fromEntries(
      Object.entries(import.meta.glob<{ default: MessageFile }>('../messages/*.ts', { eager: true })).map(
        ([file, module]) => [file.replace(/^.*\/([^/]+)\.ts$/, '$1'), module.default],
      ),
    )
  : {};
const sourceMessages: Messages | null = import.meta.env.SSR ? source : null;

let defaultLocale = SOURCE_LOCALE;
/** The CMS's default locale (lib/locales.ts sets it at build): the first fallback for a missing key. */
export function setMessagesDefaultLocale(code: string): void {
  if (code !== defaultLocale) resolved.clear();
  defaultLocale = code;
}

const warned = new Set<string>();
function warnOnce(key: string, message: string) {
  if (warned.has(key)) return;
  warned.add(key);
  // at build (and in dev) only: a visitor's console stays quiet
  if (import.meta.env?.SSR !== false) console.warn(`[i18n] ${message}`);
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `base` with the values `over` has; a missing or blank value in `over` is reported and keeps `base`'s. */
function overlay(base: unknown, over: unknown, report: (path: string) => void, path = ''): unknown {
  if (isPlainObject(base)) {
    const given = isPlainObject(over) ? over : {};
    return Object.fromEntries(
      Object.keys(base).map((key) => [key, overlay(base[key], given[key], report, path ? `${path}.${key}` : key)]),
    );
  }
  if (over === undefined || over === null || (typeof over === 'string' && over.trim() === '')) {
    report(path);
    return base;
  }
  return typeof over === typeof base ? over : base;
}

/**
 * The complete texts of `lang` from the message files: lang → default locale → source. `warn`
 * hears of every key `lang` lacks (with the locale that filled it in), or of a missing file.
 */
export function resolveMessages<T>(
  files: Record<string, unknown>,
  source: T,
  lang: string,
  defaultCode: string,
  warn: (key: string, message: string) => void,
): T {
  const hasDefault = defaultCode !== SOURCE_LOCALE && files[defaultCode] !== undefined;
  const filledFrom = hasDefault ? defaultCode : SOURCE_LOCALE;
  // the default locale's own gaps are reported when its pages are built
  const base = (hasDefault ? overlay(source, files[defaultCode], () => undefined) : source) as T;
  if (lang === SOURCE_LOCALE) return source;
  if (files[lang] === undefined) {
    warn(
      `${lang}:*`,
      `no message file for "${lang}" (site/src/messages/${lang}.ts): the site's own texts are shown in ${filledFrom}`,
    );
    return base;
  }
  return overlay(base, files[lang], (path) =>
    warn(
      `${lang}:${path}`,
      `"${path}" has no ${lang} text: the site shows the ${filledFrom} one (add it to site/src/messages/${lang}.ts)`,
    ),
  ) as T;
}

const resolved = new Map<string, Messages>();

/** Every text of the site in `lang`, complete: lang → default locale → source. */
export function messagesFor(lang: string): Messages {
  const cached = resolved.get(lang);
  if (cached) return cached;
  if (!sourceMessages)
    throw new Error(`no texts for "${lang}" in this island: pass messages={islandMessages(lang)} from the page`);
  const messages = resolveMessages(files, sourceMessages, lang, defaultLocale, warnOnce);
  resolved.set(lang, messages);
  return messages;
}

const islandDateLocales = new Map<string, string>();

/** The locale Intl formats dates in for `lang`: its file's `site.dateLocale` (e.g. en-GB), else `lang` itself. */
export const intlLocale = (lang: string): string =>
  islandDateLocales.get(lang) ?? files[lang]?.site?.dateLocale ?? lang;

/** The sections of the texts the islands (forms, booking, email links) read. */
const ISLAND_SECTIONS = [
  'form',
  'problems',
  'whitepaperForm',
  'linkOutcomes',
  'emailLink',
  'webinar',
  'booking',
] as const;
type IslandSection = (typeof ISLAND_SECTIONS)[number];

/** An island's texts in its page's language: plain data (no functions), serialised into its props. */
export type IslandMessages = { lang: string; dateLocale: string } & Pick<Messages, IslandSection>;

/** At build: the texts an island of a `lang` page needs (`<ContactForm messages={islandMessages(lang)} … />`). */
export function islandMessages(lang: string): IslandMessages {
  const messages = messagesFor(lang);
  return {
    lang,
    dateLocale: intlLocale(lang),
    ...(Object.fromEntries(ISLAND_SECTIONS.map((section) => [section, messages[section]])) as Pick<
      Messages,
      IslandSection
    >),
  };
}

/**
 * In an island, before it reads a catalog (FORM_STRINGS[lang], …): makes its props' texts the
 * ones `messagesFor(lang)` answers in the browser. At build the texts are resolved already.
 */
export function provideIslandMessages(messages: IslandMessages): void {
  if (sourceMessages || resolved.has(messages.lang)) return;
  resolved.set(messages.lang, messages as unknown as Messages);
  islandDateLocales.set(messages.lang, messages.dateLocale);
}

/** A text with `{name}` placeholders filled in, e.g. `fill(t.timesIn, { zone })`. */
export const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

/** The plural form of a `{ one, other, … }` text for `count` in `lang` (Intl.PluralRules), `{n}` filled in. */
export function plural(
  lang: string,
  count: number,
  forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string },
) {
  return fill(forms[new Intl.PluralRules(lang).select(count)] ?? forms.other, { n: count });
}

/** `CATALOG[lang]` for one section of the messages, e.g. `FORM_STRINGS[lang]`. */
export function catalog<K extends keyof Messages>(section: K): Record<string, Messages[K]> {
  return new Proxy({} as Record<string, Messages[K]>, {
    get: (_target, lang) => (typeof lang === 'string' ? messagesFor(lang)[section] : undefined),
  });
}

/**
 * `CATALOG[key][lang]` for a section of named groups (link outcomes, email link pages); its keys
 * (`Object.keys`, at build) are the source's.
 */
export function groupedCatalog<K extends keyof Messages>(
  section: K,
): { [G in keyof Messages[K]]: Record<string, Messages[K][G]> } {
  const group = (name: string) =>
    new Proxy(
      {},
      {
        get: (_target, lang) =>
          typeof lang === 'string' ? (messagesFor(lang)[section] as Record<string, unknown>)[name] : undefined,
      },
    );
  const groups = () => Object.keys((sourceMessages?.[section] ?? {}) as object);
  return new Proxy({} as { [G in keyof Messages[K]]: Record<string, Messages[K][G]> }, {
    get: (_target, name) => (typeof name === 'string' ? group(name) : undefined),
    ownKeys: () => groups(),
    getOwnPropertyDescriptor: (_target, name) =>
      typeof name === 'string' && groups().includes(name)
        ? { enumerable: true, configurable: true, value: group(name) }
        : undefined,
  });
}
