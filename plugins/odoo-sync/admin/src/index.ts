import { registerPluginAdmin } from '@magnetiq/plugin-kit/admin';
import { ArrowsCounterClockwise } from '@strapi/icons';
import { PERMISSIONS } from './permissions';
import { PLUGIN_ID } from './pluginId';

export default registerPluginAdmin({
  pluginId: PLUGIN_ID,
  name: 'Odoo sync',
  menu: { icon: ArrowsCounterClockwise, permissions: PERMISSIONS.read, Component: () => import('./pages/App') },
  // en is the base: another admin locale gets the English messages, de gets them for missing keys
  translations: { en: () => import('./translations/en.json'), de: () => import('./translations/de.json') },
});
