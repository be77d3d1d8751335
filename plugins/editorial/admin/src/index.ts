import { registerPluginAdmin } from '@magnetiq/plugin-kit/admin';
import { Clock } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { HistoryPanel } from './components/HistoryPanel';
import { PERMISSIONS } from './permissions';
import { PLUGIN_ID } from './pluginId';

const base = registerPluginAdmin({
  pluginId: PLUGIN_ID,
  name: 'Editorial',
  menu: { icon: Clock, permissions: PERMISSIONS.releasesRead, Component: () => import('./pages/App') },
  // en is the base: another admin locale gets the English messages, de gets them for missing keys
  translations: { en: () => import('./translations/en.json'), de: () => import('./translations/de.json') },
});

interface ContentManagerApis {
  addEditViewSidePanel(panels: unknown[]): void;
}

export default {
  ...base,
  bootstrap(app: StrapiApp) {
    // the History panel beside every edit view (the server answers 403 where the user may not read versions)
    const contentManager = app.getPlugin('content-manager') as unknown as { apis: ContentManagerApis };
    contentManager.apis.addEditViewSidePanel([HistoryPanel]);
  },
};
