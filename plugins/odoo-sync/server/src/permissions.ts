import { pluginPermissions } from '@magnetiq/plugin-kit/server';

export const { ACTIONS, PERMISSION_ACTIONS } = pluginPermissions('odoo-sync', {
  status: { read: 'See Odoo sync status and mapping' },
  sync: { manage: 'Test the connection and re-sync contacts' },
});
