import type { Core } from '@strapi/strapi';
import { requestSiteRebuild } from './site-rebuild';

/**
 * Languages are data (docs/adr/0022-locales-as-data.md): the locales an editor configures in
 * Settings → Internationalization. Nothing here lists them; the seed creates the ones its demo
 * content is written in.
 */
export const I18N_LOCALE_UID = 'plugin::i18n.locale';

export async function localeCodes(strapi: Core.Strapi): Promise<string[]> {
  return ((await strapi.plugin('i18n').service('locales').find()) as Array<{ code: string }>).map(
    (locale) => locale.code,
  );
}

export async function defaultLocale(strapi: Core.Strapi): Promise<string> {
  return (await strapi.plugin('i18n').service('locales').getDefaultLocale()) ?? 'en';
}

/**
 * A locale added or removed: the site builds one more (or one less) language, so it is rebuilt
 * through the rebuild webhook (docs/site-rebuild-webhook.md), and the team's roles get rights on
 * the new locale (`syncRoles`, the same sync that runs on boot).
 */
export function watchLocales(strapi: Core.Strapi, syncRoles: () => Promise<unknown>): void {
  const changed = (action: 'create' | 'delete') => (event: { result?: { code?: string } | null }) => {
    const locale = event.result?.code ?? null;
    // after the i18n service's own write and its audit entry: not inside its work
    setImmediate(() => {
      void (async () => {
        try {
          await syncRoles();
        } catch (error) {
          strapi.log.error(
            `locales: could not give the roles rights on the ${action}d locale ${locale}: ${(error as Error).message}`,
          );
        }
        await requestSiteRebuild(strapi, { uid: I18N_LOCALE_UID, action, locale });
      })();
    });
  };
  strapi.db.lifecycles.subscribe({
    models: [I18N_LOCALE_UID],
    afterCreate: changed('create'),
    afterDelete: changed('delete'),
  });
}
