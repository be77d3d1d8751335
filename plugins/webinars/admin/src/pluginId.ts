export const PLUGIN_ID = 'webinars';
