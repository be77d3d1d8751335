import { pluginPermissions } from '@magnetiq/plugin-kit/admin';

/** Admin permissions of the whitepapers plugin, as registered by the server in bootstrap. */
export const PERMISSIONS = pluginPermissions('whitepapers', {
  read: 'stats.read',
  manage: 'papers.manage',
  /** personal data: the leads CSV of a paper */
  exportLeads: 'leads.export',
});
