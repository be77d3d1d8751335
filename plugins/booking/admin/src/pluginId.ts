export const PLUGIN_ID = 'booking';
