/** Admin permissions of the odoo-sync plugin, as registered by the server in bootstrap. */
const permission = (action: string) => [{ action: `plugin::odoo-sync.${action}`, subject: null }];

// Module constants: useRBAC and Page.Protect re-check whenever the array identity changes.
export const PERMISSIONS = {
  read: permission('status.read'),
  manage: permission('sync.manage'),
};
