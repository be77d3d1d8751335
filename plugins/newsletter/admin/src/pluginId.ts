export const PLUGIN_ID = 'newsletter';
