/** Admin permissions of the leads plugin, as registered by the server in bootstrap. */
const permission = (action: string) => [{ action: `plugin::leads.${action}`, subject: null }];

// Module constants: useRBAC and Page.Protect re-check whenever the array identity changes.
export const PERMISSIONS = {
  contactsRead: permission('contacts.read'),
  contactsExport: permission('contacts.export'),
  contactsErase: permission('contacts.erase'),
  outboxRead: permission('outbox.read'),
  outboxManage: permission('outbox.manage'),
};
