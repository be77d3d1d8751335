/**
 * Admin permissions of the whitepapers plugin. Papers, files and counts are marketing's work; the
 * leads CSV of a paper is personal data, so exporting it is an action of its own that the Sales
 * role has and the Editor role has not.
 */
export const ACTIONS = {
  read: 'plugin::whitepapers.stats.read',
  manage: 'plugin::whitepapers.papers.manage',
  exportLeads: 'plugin::whitepapers.leads.export',
} as const;

export const PERMISSION_ACTIONS = [
  {
    section: 'plugins',
    displayName: 'See whitepapers with their request and download counts',
    uid: 'stats.read',
    pluginName: 'whitepapers',
  },
  {
    section: 'plugins',
    displayName: 'Create whitepapers and upload their files',
    uid: 'papers.manage',
    pluginName: 'whitepapers',
  },
  {
    section: 'plugins',
    displayName: 'Export the leads of a whitepaper (personal data)',
    uid: 'leads.export',
    pluginName: 'whitepapers',
  },
];
