import type { Core } from '@strapi/strapi';
import type { OdooSyncConfig } from '../config';
import type services from '../services';

type Services = typeof services;
export type ServiceName = keyof Services;

export const PLUGIN_ID = 'odoo-sync';
export const TOPIC = 'odoo.upsert-lead';
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

/** Errors the leads outbox understands (see plugins/leads/server/src/services/outbox.ts). */
export const deliveryError = {
  permanent: (message: string) => Object.assign(new Error(message), { permanent: true }),
  defer: (message: string, deferMs: number) => Object.assign(new Error(message), { deferMs }),
};
