import type { Core } from '@strapi/strapi';
import { SITE_LOCALES } from './uids';

/** en (Strapi's default) and de exist on every boot; editors may add more in Settings. */
export async function ensureLocales(strapi: Core.Strapi): Promise<void> {
  const locales = strapi.plugin('i18n').service('locales');
  const existing = new Set(((await locales.find()) as Array<{ code: string }>).map((locale) => locale.code));
  for (const locale of SITE_LOCALES) {
    if (!existing.has(locale.code)) {
      await locales.create({ code: locale.code, name: locale.name });
      strapi.log.info(`Created the ${locale.name} locale.`);
    }
  }
}

export async function localeCodes(strapi: Core.Strapi): Promise<string[]> {
  return ((await strapi.plugin('i18n').service('locales').find()) as Array<{ code: string }>).map((locale) => locale.code);
}

export async function defaultLocale(strapi: Core.Strapi): Promise<string> {
  return (await strapi.plugin('i18n').service('locales').getDefaultLocale()) ?? 'en';
}
