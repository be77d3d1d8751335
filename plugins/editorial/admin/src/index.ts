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

interface Widgets {
  register(widget: Record<string, unknown>): void;
}

interface ContentManagerApis {
  addEditViewSidePanel(panels: unknown[]): void;
}

export default {
  ...base,
  register(app: StrapiApp) {
    base.register?.(app);
    // the admin home: what waits for my review (GET /editorial/stages/mine)
    (app as unknown as { widgets: Widgets }).widgets.register({
      id: 'waiting-for-review',
      pluginId: PLUGIN_ID,
      icon: Clock,
      title: { id: `${PLUGIN_ID}.widget.title`, defaultMessage: 'Waiting for my review' },
      // Strapi's widget API resolves to the component itself, not its module
      component: async () => (await import('./components/ReviewWidget')).ReviewWidget,
      permissions: [{ action: 'plugin::editorial.stages.update' }],
    });
  },
  bootstrap(app: StrapiApp) {
    // the History panel beside every edit view (the server answers 403 where the user may not read versions)
    const contentManager = app.getPlugin('content-manager') as unknown as { apis: ContentManagerApis };
    contentManager.apis.addEditViewSidePanel([HistoryPanel]);
  },
};
