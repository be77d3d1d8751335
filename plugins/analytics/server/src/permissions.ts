export const ACTIONS = {
  read: 'plugin::analytics.read',
} as const;

export const PERMISSION_ACTIONS = [
  {
    section: 'plugins',
    displayName: 'See lead analytics (counts only) and export them as CSV',
    uid: 'read',
    pluginName: 'analytics',
  },
];
