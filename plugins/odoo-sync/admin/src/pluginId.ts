export const PLUGIN_ID = 'odoo-sync';
