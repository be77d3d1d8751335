import { pluginPermissions } from '@magnetiq/plugin-kit/admin';

/** Admin permissions of the editorial plugin, as registered by the server in bootstrap. */
export const PERMISSIONS = pluginPermissions('editorial', {
  versionsRead: 'versions.read',
  versionsRestore: 'versions.restore',
  releasesRead: 'releases.read',
  auditRead: 'audit.read',
});
