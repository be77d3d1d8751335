export const ACTIONS = {
  read: 'plugin::odoo-sync.status.read',
  manage: 'plugin::odoo-sync.sync.manage',
} as const;

export const PERMISSION_ACTIONS = [
  { section: 'plugins', displayName: 'See Odoo sync status and mapping', uid: 'status.read', pluginName: 'odoo-sync' },
  {
    section: 'plugins',
    displayName: 'Test the connection and re-sync contacts',
    uid: 'sync.manage',
    pluginName: 'odoo-sync',
  },
];
