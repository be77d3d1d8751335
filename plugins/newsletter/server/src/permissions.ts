/**
 * Admin permissions of the newsletter. Composing and sending is marketing's (Editor); statistics
 * are counts (Viewer); a contact's campaign history is personal data (Sales).
 */
export const ACTIONS = {
  statsRead: 'plugin::newsletter.stats.read',
  campaignsManage: 'plugin::newsletter.campaigns.manage',
  campaignsSend: 'plugin::newsletter.campaigns.send',
  topicsManage: 'plugin::newsletter.topics.manage',
  settingsManage: 'plugin::newsletter.settings.manage',
  historyRead: 'plugin::newsletter.history.read',
} as const;

export const PERMISSION_ACTIONS = [
  {
    section: 'plugins',
    displayName: 'See newsletter campaigns and their statistics',
    uid: 'stats.read',
    pluginName: 'newsletter',
  },
  {
    section: 'plugins',
    displayName: 'Compose newsletter campaigns and segments',
    uid: 'campaigns.manage',
    pluginName: 'newsletter',
  },
  {
    section: 'plugins',
    displayName: 'Send, schedule and test-send newsletter campaigns',
    uid: 'campaigns.send',
    pluginName: 'newsletter',
  },
  { section: 'plugins', displayName: 'Manage newsletter topics', uid: 'topics.manage', pluginName: 'newsletter' },
  {
    section: 'plugins',
    displayName: 'Newsletter settings (postal address)',
    uid: 'settings.manage',
    pluginName: 'newsletter',
  },
  {
    section: 'plugins',
    displayName: "See a contact's newsletter history (personal data)",
    uid: 'history.read',
    pluginName: 'newsletter',
  },
];
