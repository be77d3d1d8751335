import { pluginPermissions } from '@magnetiq/plugin-kit/server';

/** Admin permissions of the leads plugin; Super Admin has all, other roles get them in Settings > Roles. */
export const { ACTIONS, PERMISSION_ACTIONS } = pluginPermissions(
  'leads',
  {
    contacts: {
      read: 'Read contacts and timelines',
      export: 'Export a contact (GDPR)',
      erase: 'Erase a contact (GDPR)',
    },
    outbox: { read: 'See the outbox and sent emails', manage: 'Replay or discard outbox messages' },
  },
  { subCategories: true },
);
