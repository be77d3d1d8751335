/** Admin permissions of the newsletter plugin, as registered by the server in bootstrap. */
const permission = (action: string) => [{ action: `plugin::newsletter.${action}`, subject: null }];

// Module constants: useRBAC and Page.Protect re-check whenever the array identity changes.
export const PERMISSIONS = {
  /** the campaigns list, a campaign and its statistics, the topics list */
  read: permission('stats.read'),
  /** compose campaigns and segments */
  manage: permission('campaigns.manage'),
  /** test-send, schedule, send now and cancel */
  send: permission('campaigns.send'),
  topics: permission('topics.manage'),
};
