import { registerPluginAdmin } from '@magnetiq/plugin-kit/admin';
import { Mail } from '@strapi/icons';
import { PERMISSIONS } from './permissions';
import { PLUGIN_ID } from './pluginId';

export default registerPluginAdmin({
  pluginId: PLUGIN_ID,
  name: 'Newsletter',
  menu: { icon: Mail, permissions: PERMISSIONS.read, Component: () => import('./pages/App') },
  // en is the base: another admin locale gets the English messages, de gets them for missing keys
  translations: { en: () => import('./translations/en.json'), de: () => import('./translations/de.json') },
});
