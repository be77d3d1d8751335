import type { Core } from '@strapi/strapi';
import type { LeadsApi } from '@magnetiq/plugin-leads/contract';
import { ODOO_TOPIC, pluginApi } from '@magnetiq/plugin-kit/server';
import type { OdooSyncConfig } from '../config';
import type services from '../services';

type Services = typeof services;
export type ServiceName = keyof Services;

export const PLUGIN_ID = 'odoo-sync';
export const TOPIC = ODOO_TOPIC.upsertLead;
export const LINK_UID = 'plugin::odoo-sync.link';

export function getService<N extends ServiceName>(strapi: Core.Strapi, name: N): ReturnType<Services[N]> {
  return strapi.plugin(PLUGIN_ID).service(name) as ReturnType<Services[N]>;
}

export function getConfig(strapi: Core.Strapi): OdooSyncConfig {
  return strapi.config.get(`plugin::${PLUGIN_ID}`) as OdooSyncConfig;
}

/** The leads core, through its typed contract only (ARCHITECTURE: never its tables). */
export const leads = (strapi: Core.Strapi) => pluginApi<LeadsApi>(strapi, 'leads');

/** Errors the leads outbox understands (the kit's delivery errors). */
export { deliveryErrors as deliveryError } from '@magnetiq/plugin-kit/server';
