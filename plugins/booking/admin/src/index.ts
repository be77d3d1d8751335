import { Calendar } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { PERMISSIONS } from './permissions';
import { PLUGIN_ID } from './pluginId';
import { getTranslation } from './utils/getTranslation';

const plugin: StrapiApp['appPlugins'][string] = {
  register(app) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Calendar,
      intlLabel: { id: getTranslation('plugin.name'), defaultMessage: 'Booking' },
      Component: () => import('./pages/App'),
      permissions: PERMISSIONS.any,
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Booking' });
  },

  async registerTrads({ locales }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = (await import(`./translations/${locale}.json`)) as { default: Record<string, string> };
          const prefixed = Object.fromEntries(Object.entries(data).map(([key, message]) => [getTranslation(key), message]));
          return { data: prefixed, locale };
        } catch {
          // No file for this admin locale: react-intl falls back to the English default messages.
          return { data: {}, locale };
        }
      })
    );
  },
};

export default plugin;
