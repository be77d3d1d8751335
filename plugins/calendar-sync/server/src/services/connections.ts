import type { Core } from '@strapi/strapi';
import { decryptToken, encryptToken, keyringFrom, TokenKeyError, type TokenKeyring } from '../domain/token-crypto';
import { getConfig, getService, UID } from '../utils';

/** Per-calendar credentials and the health the admin shows ("reconnect the calendar"). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The keys of CALENDAR_TOKEN_KEY(_PREVIOUS); throws with the variable's name when one is missing or malformed. */
  keyring(): TokenKeyring {
    const config = getConfig(strapi);
    return keyringFrom(config.tokenKey, config.tokenKeyPrevious);
  },

  /** The calendar's credentials with the refresh token decrypted; one stored in an old form is rewritten on the way. */
  async credentials(calendarId: string): Promise<{ subject: string | null; refreshToken: string | null } | null> {
    const row = await strapi.db.query(UID.connection).findOne({ where: { calendarId }, select: ['id', 'subject', 'refreshToken'] });
    if (!row) return null;
    if (!row.refreshToken) return { subject: row.subject ?? null, refreshToken: null };
    const keyring = this.keyring();
    const { token, rewrite } = decryptToken(row.refreshToken, keyring, calendarId);
    if (rewrite) await strapi.db.query(UID.connection).update({ where: { id: row.id }, data: { refreshToken: encryptToken(token, keyring, calendarId) } });
    return { subject: row.subject ?? null, refreshToken: token };
  },

  /**
   * Boot: every refresh token still in plain text (written before encryption) or under the
   * previous key is rewritten with the current key. Idempotent; returns how many were rewritten.
   */
  async encryptStoredTokens(): Promise<number> {
    const rows = await strapi.db.query(UID.connection).findMany({ where: { refreshToken: { $notNull: true } }, select: ['id', 'calendarId', 'refreshToken'] });
    if (rows.length === 0) return 0;
    const keyring = this.keyring();
    let rewritten = 0;
    for (const row of rows) {
      let opened: { token: string; rewrite: boolean };
      try {
        opened = decryptToken(row.refreshToken, keyring, row.calendarId);
      } catch (error) {
        // a lost key must not stop the CMS: that host reconnects the calendar, as after a revoked grant
        if (!(error instanceof TokenKeyError)) throw error;
        strapi.log.error(`calendar-sync: ${row.calendarId}: ${error.message}; the calendar must be reconnected`);
        await this.record(row.calendarId, 'reconnect', 'the stored refresh token cannot be read with the configured keys: reconnect the calendar');
        continue;
      }
      const { token, rewrite } = opened;
      if (!rewrite) continue;
      // only if nobody changed it meanwhile (another instance booting, an admin reconnecting)
      const updated = await strapi.db
        .connection(strapi.db.metadata.get(UID.connection).tableName)
        .where({ id: row.id, refresh_token: row.refreshToken })
        .update({ refresh_token: encryptToken(token, keyring, row.calendarId), updated_at: new Date() });
      rewritten += updated;
    }
    return rewritten;
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
    if (input.refreshToken !== undefined) data.refreshToken = input.refreshToken ? encryptToken(input.refreshToken, this.keyring(), calendarId) : null;
    const existing = await strapi.db.query(UID.connection).findOne({ where: { calendarId }, select: ['id'] });
    if (existing) await strapi.db.query(UID.connection).update({ where: { id: existing.id }, data });
    else await strapi.db.query(UID.connection).create({ data: { calendarId, ...data } });
    getService(strapi, 'google').forget(calendarId);
    return (await this.list()).find((row: { calendarId: string }) => row.calendarId === calendarId);
  },
});
