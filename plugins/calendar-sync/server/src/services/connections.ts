import type { Core } from '@strapi/strapi';
import { decryptToken, encryptToken, keyringFrom, TokenKeyError, type TokenKeyring } from '../domain/token-crypto';
import { DISCONNECTED_TEMPLATE, getConfig, getService, leads, UID } from '../utils';
import type { CalendarOwner } from './owners';

const CONNECTIONS_TABLE = 'calendar_sync_connections';

export type ConnectionStatus = 'unknown' | 'ok' | 'reconnect' | 'error';

interface ConnectionRow {
  calendarId: string;
  subject?: string | null;
  refreshToken?: string | null;
  status: ConnectionStatus;
  lastError?: string | null;
  lastCheckedAt?: string | Date | null;
  connectedAt?: string | Date | null;
  disconnectedAt?: string | Date | null;
}

export interface ConnectionView {
  calendarId: string;
  subject: string | null;
  method: 'oauth' | 'service-account';
  status: ConnectionStatus;
  needsReconnect: boolean;
  lastError: string | null;
  lastCheckedAt: string | Date | null;
  connectedAt: string | Date | null;
  disconnectedAt: string | Date | null;
  /** hosts and webinars that use this calendar */
  owners: Array<Pick<CalendarOwner, 'kind' | 'name'>>;
}

const toView = (row: ConnectionRow, owners: CalendarOwner[]): ConnectionView => ({
  calendarId: row.calendarId,
  subject: row.subject ?? null,
  method: row.refreshToken ? 'oauth' : 'service-account',
  status: row.status,
  needsReconnect: row.status === 'reconnect',
  lastError: row.lastError ?? null,
  lastCheckedAt: row.lastCheckedAt ?? null,
  connectedAt: row.connectedAt ?? null,
  disconnectedAt: row.disconnectedAt ?? null,
  owners: owners.filter((owner) => owner.calendarId === row.calendarId).map(({ kind, name }) => ({ kind, name })),
});

/** Per-calendar credentials and the health the admin shows ("reconnect the calendar"). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The keys of CALENDAR_TOKEN_KEY(_PREVIOUS); throws with the variable's name when one is missing or malformed. */
  keyring(): TokenKeyring {
    const config = getConfig(strapi);
    return keyringFrom(config.tokenKey, config.tokenKeyPrevious);
  },

  /** The calendar's credentials with the refresh token decrypted; one stored in an old form is rewritten on the way. */
  async credentials(calendarId: string): Promise<{ subject: string | null; refreshToken: string | null } | null> {
    const row = await strapi.db
      .query(UID.connection)
      .findOne({ where: { calendarId }, select: ['id', 'subject', 'refreshToken'] });
    if (!row) return null;
    if (!row.refreshToken) return { subject: row.subject ?? null, refreshToken: null };
    const keyring = this.keyring();
    const { token, rewrite } = decryptToken(row.refreshToken, keyring, calendarId);
    if (rewrite)
      await strapi.db
        .query(UID.connection)
        .update({ where: { id: row.id }, data: { refreshToken: encryptToken(token, keyring, calendarId) } });
    return { subject: row.subject ?? null, refreshToken: token };
  },

  /**
   * Boot: every refresh token still in plain text (written before encryption) or under the
   * previous key is rewritten with the current key. Idempotent; returns how many were rewritten.
   */
  async encryptStoredTokens(): Promise<number> {
    const rows = await strapi.db
      .query(UID.connection)
      .findMany({ where: { refreshToken: { $notNull: true } }, select: ['id', 'calendarId', 'refreshToken'] });
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
        await this.record(
          row.calendarId,
          'reconnect',
          'the stored refresh token cannot be read with the configured keys: reconnect the calendar',
        );
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
    const existing = await strapi.db
      .query(UID.connection)
      .findOne({ where: { calendarId }, select: ['id', 'status', 'lastError'] });
    if (existing) {
      // a success after a success is not worth a write per request
      if (existing.status === status && existing.lastError === lastError && status === 'ok') return;
      if (status === 'reconnect' && existing.status !== 'reconnect') {
        // the change to "reconnect" happens once however many requests fail at the same moment: only the
        // instance whose conditional UPDATE changed the row tells the host
        const changed = (await strapi.db
          .connection(CONNECTIONS_TABLE)
          .where({ id: existing.id })
          .whereNot({ status: 'reconnect' })
          .update({ status, last_error: lastError, last_checked_at: now, disconnected_at: now, updated_at: now })
          .returning(['refresh_token', 'connected_at', 'connected_by'])) as Array<{
          refresh_token: string | null;
          connected_at: Date | null;
          connected_by: number | null;
        }>;
        if (changed.length > 0 && changed[0].refresh_token)
          await this.notifyDisconnected(calendarId, changed[0].connected_at, changed[0].connected_by);
        return;
      }
      await strapi.db
        .query(UID.connection)
        .update({ where: { id: existing.id }, data: { status, lastError, lastCheckedAt: now } });
    } else {
      await strapi.db.query(UID.connection).create({ data: { calendarId, status, lastError, lastCheckedAt: now } });
    }
  },

  /**
   * Google refused a host's own grant: the host (or, for a calendar no host owns, the admin who
   * connected it) is emailed through the leads outbox. The idempotency key names the grant (its
   * connection time), so each lost grant is reported once, even when two instances see it.
   */
  async notifyDisconnected(calendarId: string, connectedAt: Date | null, connectedBy: number | null) {
    if (!strapi.plugin('leads')) return;
    const owners = await getService(strapi, 'owners').of(calendarId);
    const recipients = new Map<string, string | null>();
    for (const owner of owners) if (owner.email) recipients.set(owner.email.toLowerCase(), owner.name);
    if (recipients.size === 0 && connectedBy) {
      const admin = (await strapi.db
        .query('admin::user')
        .findOne({ where: { id: connectedBy }, select: ['email', 'firstname'] })) as {
        email?: string;
        firstname?: string | null;
      } | null;
      if (admin?.email) recipients.set(admin.email.toLowerCase(), admin.firstname ?? null);
    }
    if (recipients.size === 0) {
      strapi.log.warn(`calendar-sync: ${calendarId} lost its Google grant and nobody is known to tell`);
      return;
    }
    const redirectUri = getConfig(strapi).oauth.redirectUri;
    const reconnectUrl = redirectUri ? redirectUri.replace(/\/oauth\/callback\/?$/, '') : null;
    const grant = connectedAt ? new Date(connectedAt).toISOString() : 'pasted-token';
    await leads(strapi).outbox.enqueue(
      [...recipients].map(([to, ownerName]) => ({
        topic: 'email.send',
        idempotencyKey: `email:${DISCONNECTED_TEMPLATE}:${calendarId}:${grant}:${to}`,
        payload: { template: DISCONNECTED_TEMPLATE, locale: 'en', to, data: { calendarId, ownerName, reconnectUrl } },
      })),
    );
  },

  /** After "Connect Google Calendar": the host's refresh token, encrypted; the calendar is usable at once. */
  async connectOAuth(calendarId: string, refreshToken: string, adminUserId: number) {
    const data = {
      refreshToken: encryptToken(refreshToken, this.keyring(), calendarId),
      status: 'ok',
      lastError: null,
      lastCheckedAt: new Date(),
      connectedBy: adminUserId,
      connectedAt: new Date(),
      disconnectedAt: null,
    };
    const existing = await strapi.db.query(UID.connection).findOne({ where: { calendarId }, select: ['id'] });
    if (existing) await strapi.db.query(UID.connection).update({ where: { id: existing.id }, data });
    else await strapi.db.query(UID.connection).create({ data: { calendarId, ...data } });
    this.afterChange(calendarId);
    return this.view(calendarId);
  },

  /** After "Disconnect" (the grant is revoked at Google): the token is gone; a service account may still reach the calendar. */
  async forgetOAuth(calendarId: string) {
    await strapi.db.query(UID.connection).update({
      where: { calendarId },
      data: {
        refreshToken: null,
        status: 'unknown',
        lastError: null,
        connectedBy: null,
        connectedAt: null,
        disconnectedAt: new Date(),
      },
    });
    this.afterChange(calendarId);
    return this.view(calendarId);
  },

  afterChange(calendarId: string) {
    getService(strapi, 'google').forget(calendarId);
    getService(strapi, 'busy').forget(calendarId);
  },

  async view(calendarId: string): Promise<ConnectionView | undefined> {
    return (await this.list()).find((row) => row.calendarId === calendarId);
  },

  /** Every calendar we reach or that a host or webinar names (not yet connected ones too), with its state. */
  async list(): Promise<ConnectionView[]> {
    const rows = (await strapi.db.query(UID.connection).findMany({
      orderBy: { calendarId: 'asc' },
      select: [
        'calendarId',
        'subject',
        'refreshToken',
        'status',
        'lastError',
        'lastCheckedAt',
        'connectedAt',
        'disconnectedAt',
      ],
    })) as ConnectionRow[];
    const owners = await getService(strapi, 'owners').all();
    const known = new Set(rows.map((row) => row.calendarId));
    const unused = [...new Set(owners.map((owner) => owner.calendarId))]
      .filter((id) => !known.has(id))
      .map((calendarId): ConnectionRow => ({ calendarId, status: 'unknown' }));
    return [...rows, ...unused]
      .sort((a, b) => a.calendarId.localeCompare(b.calendarId))
      .map((row) => toView(row, owners));
  },

  /** Admin: (re)connect a calendar with a new refresh token or delegation subject; clears the error. */
  async save(calendarId: string, input: { subject?: string | null; refreshToken?: string | null }) {
    const data: Record<string, unknown> = { status: 'unknown', lastError: null };
    if (input.subject !== undefined) data.subject = input.subject || null;
    if (input.refreshToken !== undefined)
      data.refreshToken = input.refreshToken ? encryptToken(input.refreshToken, this.keyring(), calendarId) : null;
    const existing = await strapi.db.query(UID.connection).findOne({ where: { calendarId }, select: ['id'] });
    if (existing) await strapi.db.query(UID.connection).update({ where: { id: existing.id }, data });
    else await strapi.db.query(UID.connection).create({ data: { calendarId, ...data } });
    this.afterChange(calendarId);
    return this.view(calendarId);
  },
});
