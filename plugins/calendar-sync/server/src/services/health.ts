import type { Core } from '@strapi/strapi';
import { getService, UID } from '../utils';

/**
 * For the CMS's readiness report (`/_ready`): whether Google is configured and how the calendars
 * we talk to fare, as states and counts only (no calendar ids, subjects or error texts).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async status() {
    if (!getService(strapi, 'google').configured())
      return { configured: false, state: 'not-configured', calendars: { ok: 0, reconnect: 0, error: 0 } };
    const rows = (await strapi.db
      .connection(strapi.db.metadata.get(UID.connection).tableName)
      .select('status')
      .count('* as count')
      .groupBy('status')) as Array<{ status: string; count: string }>;
    const calendars = { ok: 0, reconnect: 0, error: 0 };
    for (const row of rows)
      if (row.status in calendars) calendars[row.status as keyof typeof calendars] = Number(row.count);
    const state = calendars.reconnect > 0 ? 'reconnect-needed' : calendars.error > 0 ? 'errors' : 'ok';
    return { configured: true, state, calendars };
  },
});
