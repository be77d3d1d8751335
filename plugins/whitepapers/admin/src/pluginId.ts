export const PLUGIN_ID = 'whitepapers';
