import type * as React from 'react';
import type { StrapiApp } from '@strapi/strapi/admin';
import { loadTranslations, makeGetTranslation, type TranslationSources } from './translations';

type Permission = { action: string; subject: string | null };

interface PluginAdminOptions {
  pluginId: string;
  /** the plugin's name in English: the menu link's default label and the registered name */
  name: string;
  /** the menu link (`plugins/<pluginId>`), shown to those with any of `permissions` */
  menu: {
    icon: React.ComponentType;
    permissions: Permission[];
    /** the lazy page, `() => import('./pages/App')` */
    Component: () => Promise<{ default: React.ComponentType }>;
  };
  translations: TranslationSources;
}

/**
 * The admin entry (`admin/src/index.ts`) of a Magnetiq plugin: one menu link to the plugin's
 * pages, the plugin registered under its id, and its translations (en base, see `loadTranslations`).
 */
export const registerPluginAdmin = ({
  pluginId,
  name,
  menu,
  translations,
}: PluginAdminOptions): StrapiApp['appPlugins'][string] => {
  const getTranslation = makeGetTranslation(pluginId);
  return {
    register(app) {
      app.addMenuLink({
        to: `plugins/${pluginId}`,
        icon: menu.icon,
        intlLabel: { id: getTranslation('plugin.name'), defaultMessage: name },
        Component: menu.Component,
        permissions: menu.permissions,
      });
      app.registerPlugin({ id: pluginId, name });
    },

    async registerTrads({ locales }: { locales: string[] }) {
      return loadTranslations(pluginId, translations, locales);
    },
  };
};
