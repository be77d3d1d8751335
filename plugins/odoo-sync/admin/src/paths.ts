/** The leads plugin page where dead outbox messages, Odoo ones included, are replayed. */
export const LEADS_OUTBOX_PATH = '/plugins/leads/outbox';
