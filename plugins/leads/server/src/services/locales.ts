import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  fallbackLocale,
  isConfigured,
  LOCALE_CODE,
  localeSet,
  MAX_LOCALE_LENGTH,
  type LocaleSet,
} from '../domain/locales';
import { getConfig } from '../utils';

export const I18N_LOCALE_UID = 'plugin::i18n.locale';
/** the cluster topic that drops every instance's cached locales (services/cluster.ts) */
export const LOCALES_CLUSTER_TOPIC = 'locales';
/** The core-store key i18n keeps its default locale under (`strapi::core-store`). */
export const DEFAULT_LOCALE_STORE_KEY = 'plugin_i18n_default_locale';

interface I18nLocales {
  find: () => Promise<Array<{ code: string }>>;
  getDefaultLocale: () => Promise<unknown>;
}

const localeError = (field: string, message: string, value: unknown) =>
  new errors.ValidationError(message, {
    errors: [{ path: [field], message, name: 'ValidationError', value: typeof value === 'string' ? value : null }],
  });

/**
 * The one source of truth for languages (docs/adr/0022-locales-as-data.md): the locales an
 * editor configured in Settings → Internationalization, and the default one. Every plugin's
 * validators, emails and analytics read them here.
 *
 * Cached per instance for `localesCacheMs` (default 30 s) and dropped at once on this instance
 * when a locale row or the default changes (database lifecycles, bootstrap.ts); the other
 * instances drop theirs through the cluster channel (PostgreSQL NOTIFY), and the TTL bounds a
 * lost notification.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let cached: { set: LocaleSet; until: number } | null = null;
  let loading: Promise<LocaleSet> | null = null;
  let generation = 0;

  const load = async (): Promise<LocaleSet> => {
    const i18n = strapi.plugin('i18n').service('locales') as unknown as I18nLocales;
    const [rows, defaultCode] = await Promise.all([i18n.find(), i18n.getDefaultLocale()]);
    return localeSet(rows, typeof defaultCode === 'string' ? defaultCode : null);
  };

  const service = {
    /** Configured locales (default first) and the default locale. */
    async list(): Promise<LocaleSet> {
      if (cached && cached.until > Date.now()) return cached.set;
      if (!loading) {
        const started = generation;
        loading = load()
          .then((set) => {
            // an invalidation while loading: this answer may predate it, do not keep it
            if (started === generation) cached = { set, until: Date.now() + getConfig(strapi).localesCacheMs };
            return set;
          })
          .finally(() => {
            loading = null;
          });
      }
      return loading;
    },

    /** After a locale is created, renamed or deleted, or the default changes. */
    invalidate() {
      generation++;
      cached = null;
      loading = null;
    },

    async defaultLocale(): Promise<string> {
      return (await service.list()).defaultLocale;
    },

    async isSupported(code: unknown): Promise<boolean> {
      return isConfigured(await service.list(), code);
    },

    /**
     * A request's locale: missing → the default locale; one that is not configured → a 400 in
     * Strapi's error format naming `field`. Runs after the yup schema, which checks the shape.
     */
    async resolve(value: unknown, field = 'locale'): Promise<string> {
      const set = await service.list();
      if (value === undefined || value === null || value === '') return set.defaultLocale;
      if (typeof value !== 'string' || value.length > MAX_LOCALE_LENGTH || !LOCALE_CODE.test(value))
        throw localeError(field, `${field} must be a locale code such as ${set.defaultLocale}`, value);
      if (!isConfigured(set, value)) throw localeError(field, `${field} must be one of ${set.codes.join(', ')}`, value);
      return value;
    },

    /** The locale a message is written in, from the ones it has a translation for (requested → default → first). */
    async fallback(requested: string | null | undefined, available: readonly string[]): Promise<string> {
      return fallbackLocale(requested, available, await service.defaultLocale());
    },
  };
  return service;
};
