import { contentTypeUids, ownPlugin } from '@magnetiq/plugin-kit/server';
import type { LeadsConfig } from '../config';
import type services from '../services';

export const PLUGIN_ID = 'leads';

export const { getService, getConfig } = ownPlugin<typeof services, LeadsConfig>(PLUGIN_ID);

export const UID = contentTypeUids(PLUGIN_ID, {
  contact: 'contact',
  consent: 'consent',
  activity: 'activity',
  outbox: 'outbox',
  email: 'email',
  auditLog: 'audit-log',
});

export const TABLE = {
  contact: 'leads_contacts',
  outbox: 'leads_outbox',
} as const;

/** Rows written with SQL get ids in Strapi's format (the kit's one generator). */
export { newDocumentId } from '@magnetiq/plugin-kit/server';
