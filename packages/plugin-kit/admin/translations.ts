/** Messages of one admin locale, keyed without the plugin prefix (as in translations/en.json). */
export type Messages = Record<string, string>;

/**
 * The translation files a plugin ships, as lazy imports so that the bundler keeps each locale in
 * its own chunk: `{ en: () => import('./translations/en.json'), de: () => import('./translations/de.json') }`.
 * `en` is required: it is the fallback of every other locale.
 */
export type TranslationSources = { en: () => Promise<{ default: Messages }> } & Record<
  string,
  () => Promise<{ default: Messages }>
>;

/** `makeGetTranslation('leads')('plugin.name')` is `leads.plugin.name`, the id under which the admin registers it. */
export const makeGetTranslation =
  (pluginId: string) =>
  (id: string): string =>
    `${pluginId}.${id}`;

const prefix = (pluginId: string, messages: Messages): Messages =>
  Object.fromEntries(Object.entries(messages).map(([key, message]) => [`${pluginId}.${key}`, message]));

const load = async (source: (() => Promise<{ default: Messages }>) | undefined): Promise<Messages> => {
  if (!source) return {};
  try {
    return (await source()).default;
  } catch {
    return {};
  }
};

/**
 * What a plugin's `registerTrads` returns: for each admin locale the plugin's messages under its
 * prefix. English is the base of every locale: a locale without a file gets English, and a key
 * missing from a locale's file gets its English message (not the raw id).
 */
export const loadTranslations = async (pluginId: string, sources: TranslationSources, locales: string[]) => {
  const english = await load(sources.en);
  return Promise.all(
    locales.map(async (locale) => {
      const own =
        locale === 'en' || !Object.prototype.hasOwnProperty.call(sources, locale) ? {} : await load(sources[locale]);
      return { locale, data: prefix(pluginId, { ...english, ...own }) };
    }),
  );
};
