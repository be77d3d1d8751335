/** Admin permissions of the leads plugin; Super Admin has all, other roles get them in Settings > Roles. */
export const ACTIONS = {
  read: 'plugin::leads.contacts.read',
  export: 'plugin::leads.contacts.export',
  erase: 'plugin::leads.contacts.erase',
  outboxRead: 'plugin::leads.outbox.read',
  outboxManage: 'plugin::leads.outbox.manage',
} as const;

export const PERMISSION_ACTIONS = [
  {
    section: 'plugins',
    displayName: 'Read contacts and timelines',
    uid: 'contacts.read',
    subCategory: 'contacts',
    pluginName: 'leads',
  },
  {
    section: 'plugins',
    displayName: 'Export a contact (GDPR)',
    uid: 'contacts.export',
    subCategory: 'contacts',
    pluginName: 'leads',
  },
  {
    section: 'plugins',
    displayName: 'Erase a contact (GDPR)',
    uid: 'contacts.erase',
    subCategory: 'contacts',
    pluginName: 'leads',
  },
  {
    section: 'plugins',
    displayName: 'See the outbox and sent emails',
    uid: 'outbox.read',
    subCategory: 'outbox',
    pluginName: 'leads',
  },
  {
    section: 'plugins',
    displayName: 'Replay or discard outbox messages',
    uid: 'outbox.manage',
    subCategory: 'outbox',
    pluginName: 'leads',
  },
];
