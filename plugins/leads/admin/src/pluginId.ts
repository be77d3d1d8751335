export const PLUGIN_ID = 'leads';
