/** Admin permissions of the webinars plugin, as registered by the server in bootstrap. */
const permission = (action: string) => [{ action: `plugin::webinars.${action}`, subject: null }];

// Module constants: useRBAC and Page.Protect re-check whenever the array identity changes.
export const PERMISSIONS = {
  /** the pages: webinars, sessions and seat counts */
  read: permission('sessions.read'),
  /** personal data: the registrations table and its CSV export */
  registrations: permission('registrations.read'),
  manage: permission('sessions.manage'),
};
