import { pluginPermissions } from '@magnetiq/plugin-kit/admin';

/** Admin permissions of the leads plugin, as registered by the server in bootstrap. */
export const PERMISSIONS = pluginPermissions('leads', {
  contactsRead: 'contacts.read',
  contactsExport: 'contacts.export',
  contactsErase: 'contacts.erase',
  outboxRead: 'outbox.read',
  outboxManage: 'outbox.manage',
});
