import { pluginPermissions } from '@magnetiq/plugin-kit/admin';

/** Admin permissions of the webinars plugin, as registered by the server in bootstrap. */
export const PERMISSIONS = pluginPermissions('webinars', {
  /** the pages: webinars, sessions and seat counts */
  read: 'sessions.read',
  /** personal data: the registrations table and its CSV export */
  registrations: 'registrations.read',
  manage: 'sessions.manage',
});
