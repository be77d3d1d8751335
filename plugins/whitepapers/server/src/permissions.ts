import { pluginPermissions } from '@magnetiq/plugin-kit/server';

/**
 * Admin permissions of the whitepapers plugin. Papers, files and counts are marketing's work; the
 * leads CSV of a paper is personal data, so exporting it is an action of its own that the Sales
 * role has and the Editor role has not.
 */
export const { ACTIONS, PERMISSION_ACTIONS } = pluginPermissions('whitepapers', {
  stats: { read: 'See whitepapers with their request and download counts' },
  papers: { manage: 'Create whitepapers and upload their files' },
  leads: { export: 'Export the leads of a whitepaper (personal data)' },
});
