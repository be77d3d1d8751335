import { pluginPermissions } from '@magnetiq/plugin-kit/admin';

/** Admin permissions of the calendar-sync plugin, as registered by the server in bootstrap. */
export const PERMISSIONS = pluginPermissions('calendar-sync', { manage: 'connections.manage' });
