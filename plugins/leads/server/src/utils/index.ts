import { ownConfig, ownServices } from '@magnetiq/plugin-kit/server';
import type { LeadsConfig } from '../config';
import type services from '../services';

type Services = typeof services;
export type ServiceName = keyof Services;
export type Service<N extends ServiceName> = ReturnType<Services[N]>;

export const PLUGIN_ID = 'leads';

export const getService = ownServices<Services>(PLUGIN_ID);

export const getConfig = ownConfig<LeadsConfig>(PLUGIN_ID);

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
