import type { Core } from '@strapi/strapi';
import type { LeadsConfig } from '../config';
import type services from '../services';

type Services = typeof services;
export type ServiceName = keyof Services;
export type Service<N extends ServiceName> = ReturnType<Services[N]>;

export const PLUGIN_ID = 'leads';

export function getService<N extends ServiceName>(strapi: Core.Strapi, name: N): Service<N> {
  return strapi.plugin(PLUGIN_ID).service(name) as Service<N>;
}

export function getConfig(strapi: Core.Strapi): LeadsConfig {
  return strapi.config.get(`plugin::${PLUGIN_ID}`) as LeadsConfig;
}

export const UID = {
  contact: 'plugin::leads.contact',
  consent: 'plugin::leads.consent',
  activity: 'plugin::leads.activity',
  outbox: 'plugin::leads.outbox',
  email: 'plugin::leads.email',
  auditLog: 'plugin::leads.audit-log',
} as const;

export const TABLE = {
  contact: 'leads_contacts',
  outbox: 'leads_outbox',
} as const;

/** Rows written with SQL get ids in Strapi's format (the kit's one generator). */
export { newDocumentId } from '@magnetiq/plugin-kit/server';
