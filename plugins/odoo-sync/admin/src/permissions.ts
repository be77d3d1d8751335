import { pluginPermissions } from '@magnetiq/plugin-kit/admin';

/** Admin permissions of the odoo-sync plugin, as registered by the server in bootstrap. */
export const PERMISSIONS = pluginPermissions('odoo-sync', {
  read: 'status.read',
  manage: 'sync.manage',
});
