import type { Core } from '@strapi/strapi';
import type { LeadsApi } from '@magnetiq/plugin-leads/contract';
import { ODOO_TOPIC, ownPlugin, pluginApi } from '@magnetiq/plugin-kit/server';
import type { OdooSyncConfig } from '../config';
import type services from '../services';

export const PLUGIN_ID = 'odoo-sync';
export const TOPIC = ODOO_TOPIC.upsertLead;
export const LINK_UID = 'plugin::odoo-sync.link';

export const { getService, getConfig } = ownPlugin<typeof services, OdooSyncConfig>(PLUGIN_ID);

/** The leads core, through its typed contract only (ARCHITECTURE: never its tables). */
export const leads = (strapi: Core.Strapi) => pluginApi<LeadsApi>(strapi, 'leads');

/** Errors the leads outbox understands (the kit's delivery errors). */
export { deliveryErrors as deliveryError } from '@magnetiq/plugin-kit/server';
