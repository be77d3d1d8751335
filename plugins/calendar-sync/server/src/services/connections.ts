import type { Core } from '@strapi/strapi';
import { getService, UID } from '../utils';

/** Per-calendar credentials and the health the admin shows ("reconnect the calendar"). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async credentials(calendarId: string): Promise<{ subject: string | null; refreshToken: string | null } | null> {
    return strapi.db.query(UID.connection).findOne({ where: { calendarId }, select: ['subject', 'refreshToken'] });
  },

  async record(calendarId: string, status: 'ok' | 'reconnect' | 'error', lastError: string | null = null) {
    const now = new Date();
    const existing = await strapi.db.query(UID.connection).findOne({ where: { calendarId }, select: ['id', 'status', 'lastError'] });
    if (existing) {
      // a success after a success is not worth a write per request
      if (existing.status === status && existing.lastError === lastError && status === 'ok') return;
      await strapi.db.query(UID.connection).update({ where: { id: existing.id }, data: { status, lastError, lastCheckedAt: now } });
    } else {
      await strapi.db.query(UID.connection).create({ data: { calendarId, status, lastError, lastCheckedAt: now } });
    }
  },

  async list() {
    const rows = await strapi.db.query(UID.connection).findMany({ orderBy: { calendarId: 'asc' }, select: ['calendarId', 'subject', 'refreshToken', 'status', 'lastError', 'lastCheckedAt'] });
    return rows.map((row: any) => ({
      calendarId: row.calendarId,
      subject: row.subject ?? null,
      method: row.refreshToken ? 'oauth' : 'service-account',
      status: row.status,
      needsReconnect: row.status === 'reconnect',
      lastError: row.lastError ?? null,
      lastCheckedAt: row.lastCheckedAt ?? null,
    }));
  },

  /** Admin: (re)connect a calendar with a new refresh token or delegation subject; clears the error. */
  async save(calendarId: string, input: { subject?: string | null; refreshToken?: string | null }) {
    const data: Record<string, unknown> = { status: 'unknown', lastError: null };
    if (input.subject !== undefined) data.subject = input.subject || null;
    if (input.refreshToken !== undefined) data.refreshToken = input.refreshToken || null;
    const existing = await strapi.db.query(UID.connection).findOne({ where: { calendarId }, select: ['id'] });
    if (existing) await strapi.db.query(UID.connection).update({ where: { id: existing.id }, data });
    else await strapi.db.query(UID.connection).create({ data: { calendarId, ...data } });
    getService(strapi, 'google').forget(calendarId);
    return (await this.list()).find((row: { calendarId: string }) => row.calendarId === calendarId);
  },
});
