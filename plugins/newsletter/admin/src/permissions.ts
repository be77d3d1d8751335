import { pluginPermissions } from '@magnetiq/plugin-kit/admin';

/** Admin permissions of the newsletter plugin, as registered by the server in bootstrap. */
export const PERMISSIONS = pluginPermissions('newsletter', {
  /** the campaigns list, a campaign and its statistics, the topics list */
  read: 'stats.read',
  /** compose campaigns and segments */
  manage: 'campaigns.manage',
  /** test-send, schedule, send now and cancel */
  send: 'campaigns.send',
  topics: 'topics.manage',
  /** the postal address and the suppression list (Admin role) */
  settings: 'settings.manage',
});
