import type { Core } from '@strapi/strapi';
import type { LeadsApi } from '@magnetiq/plugin-leads/contract';
import { ODOO_TOPIC, ownConfig, ownServices, pluginApi } from '@magnetiq/plugin-kit/server';
import type { OdooSyncConfig } from '../config';
import type services from '../services';

type Services = typeof services;
export type ServiceName = keyof Services;

export const PLUGIN_ID = 'odoo-sync';
export const TOPIC = ODOO_TOPIC.upsertLead;
export const LINK_UID = 'plugin::odoo-sync.link';

export const getService = ownServices<Services>(PLUGIN_ID);

export const getConfig = ownConfig<OdooSyncConfig>(PLUGIN_ID);

/** The leads core, through its typed contract only (ARCHITECTURE: never its tables). */
export const leads = (strapi: Core.Strapi) => pluginApi<LeadsApi>(strapi, 'leads');

/** Errors the leads outbox understands (the kit's delivery errors). */
export { deliveryErrors as deliveryError } from '@magnetiq/plugin-kit/server';
