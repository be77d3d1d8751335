export const ACTIONS = {
  read: 'plugin::whitepapers.stats.read',
  manage: 'plugin::whitepapers.papers.manage',
} as const;

export const PERMISSION_ACTIONS = [
  { section: 'plugins', displayName: 'See whitepaper requests, downloads and export leads', uid: 'stats.read', pluginName: 'whitepapers' },
  { section: 'plugins', displayName: 'Create whitepapers and upload their files', uid: 'papers.manage', pluginName: 'whitepapers' },
];
