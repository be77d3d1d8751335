/** Admin permissions of the whitepapers plugin, as registered by the server in bootstrap. */
const permission = (action: string) => [{ action: `plugin::whitepapers.${action}`, subject: null }];

// Module constants: useRBAC and Page.Protect re-check whenever the array identity changes.
export const PERMISSIONS = {
  read: permission('stats.read'),
  manage: permission('papers.manage'),
  /** personal data: the leads CSV of a paper */
  exportLeads: permission('leads.export'),
};
