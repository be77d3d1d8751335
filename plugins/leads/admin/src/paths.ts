import { PLUGIN_ID } from './pluginId';

const root = `/plugins/${PLUGIN_ID}`;

/** Absolute admin paths of the plugin pages (react-router adds the admin basename). */
export const paths = {
  contacts: root,
  contact: (documentId: string) => `${root}/contacts/${encodeURIComponent(documentId)}`,
  outbox: `${root}/outbox`,
  emails: `${root}/emails`,
};
