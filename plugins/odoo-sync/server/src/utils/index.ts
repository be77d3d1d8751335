import type { Core } from '@strapi/strapi';
import { ODOO_TOPIC } from '@magnetiq/plugin-kit/server';
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

/** The leads core, through its service API only (ARCHITECTURE: never its tables). */
export const leads = (strapi: Core.Strapi) => ({
  outbox: strapi.plugin('leads').service('outbox'),
  contacts: strapi.plugin('leads').service('contacts'),
});

/** Errors the leads outbox understands (the kit's delivery errors). */
export { deliveryErrors as deliveryError } from '@magnetiq/plugin-kit/server';
