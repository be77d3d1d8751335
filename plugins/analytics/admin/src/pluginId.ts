export const PLUGIN_ID = 'analytics';
