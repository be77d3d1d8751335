import { pluginPermissions } from '@magnetiq/plugin-kit/server';

/**
 * Admin permissions of the newsletter. Composing and sending is marketing's (Editor); statistics
 * are counts (Viewer); a contact's campaign history is personal data (Sales).
 */
export const { ACTIONS, PERMISSION_ACTIONS } = pluginPermissions('newsletter', {
  stats: { read: 'See newsletter campaigns and their statistics' },
  campaigns: {
    manage: 'Compose newsletter campaigns and segments',
    send: 'Send, schedule and test-send newsletter campaigns',
  },
  topics: { manage: 'Manage newsletter topics' },
  settings: { manage: 'Newsletter settings (postal address)' },
  history: { read: "See a contact's newsletter history (personal data)" },
});
