import { pluginPermissions } from '@magnetiq/plugin-kit/admin';

/** Admin permissions of the analytics plugin, as registered by the server in bootstrap. */
export const PERMISSIONS = pluginPermissions('analytics', { read: 'read' });
