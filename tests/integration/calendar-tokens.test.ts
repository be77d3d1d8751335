/**
 * Google refresh tokens of calendar connections are encrypted at rest (issue 17): what the admin
 * saves is stored as AES-256-GCM ciphertext under CALENDAR_TOKEN_KEY, never as the token; a token
 * left in plain text by an older version, and every token after a key rotation, is re-encrypted
 * with the current key when a CMS boots.
 */
import crypto from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { decryptToken, keyringFrom, parseTokenKey } from '../../plugins/calendar-sync/server/src/domain/token-crypto';
import { adminToken, api, clientIp } from '../helpers/http';
import { rows } from '../helpers/db';
import { startTestCms } from '../helpers/cms-process';

const suffix = crypto.randomBytes(4).toString('hex');
const saved = { calendarId: `tokens-saved-${suffix}@magnetiq.test`, token: `1//saved-refresh-token-${suffix}` };
const legacy = { calendarId: `tokens-legacy-${suffix}@magnetiq.test`, token: `1//legacy-plain-token-${suffix}` };
const storedToken = async (calendarId: string) =>
  (await rows(`select refresh_token from calendar_sync_connections where calendar_id = $1`, [calendarId]))[0]
    ?.refresh_token as string;

afterAll(async () => {
  await rows(`delete from calendar_sync_connections where calendar_id = any($1)`, [
    [saved.calendarId, legacy.calendarId],
  ]);
});

describe('calendar refresh tokens at rest', () => {
  it('stores the token the admin saves encrypted: the column holds no plaintext, the admin API never shows it', async () => {
    const token = await adminToken();
    const response = await api('/calendar-sync/connections', {
      method: 'PUT',
      ip: clientIp(),
      headers: { Authorization: `Bearer ${token}` },
      json: { calendarId: saved.calendarId, refreshToken: saved.token },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.data).toMatchObject({ calendarId: saved.calendarId, method: 'oauth' });
    expect(JSON.stringify(response.body)).not.toContain(saved.token);

    const stored = await storedToken(saved.calendarId);
    expect(stored).not.toContain(saved.token);
    expect(stored).not.toContain(Buffer.from(saved.token).toString('base64').slice(0, 20));
    const key = inject('cmsSecrets').CALENDAR_TOKEN_KEY;
    expect(stored.split('.').slice(0, 2)).toEqual(['v1', parseTokenKey(key).id]);
    expect(decryptToken(stored, keyringFrom(key), saved.calendarId)).toEqual({ token: saved.token, rewrite: false });
  });

  it('on boot encrypts tokens stored in plain text and re-encrypts the others after a key rotation', async () => {
    await rows(
      `insert into calendar_sync_connections (document_id, calendar_id, refresh_token, status, created_at, updated_at, published_at) values ($1, $2, $3, 'ok', now(), now(), now())`,
      [crypto.randomBytes(12).toString('hex'), legacy.calendarId, legacy.token],
    );
    expect(await storedToken(legacy.calendarId)).toBe(legacy.token);

    const previousKey = inject('cmsSecrets').CALENDAR_TOKEN_KEY;
    const newKey = crypto.randomBytes(32).toString('base64');
    // a second CMS on the same database, with the rotated keys; nothing but its boot runs
    const cms = await startTestCms('calendar-tokens-strapi', {
      ...inject('cmsSecrets'),
      CALENDAR_TOKEN_KEY: newKey,
      CALENDAR_TOKEN_KEY_PREVIOUS: previousKey,
      DATABASE_URL: inject('databaseUrl'),
      WHITEPAPERS_FILES_DIR: inject('whitepapersDir'),
      SEED_DEMO_CONTENT: 'false',
      CONTENT_SCHEDULER: 'false',
      OUTBOX_WORKER: 'false',
      WEBINARS_REMINDER_INTERVAL_MS: '0',
      CALENDAR_REFRESH_CRON: '',
      ODOO_STAGE_READBACK: 'false',
    });
    await cms.stop();

    const rotated = keyringFrom(newKey);
    for (const { calendarId, token } of [saved, legacy]) {
      const stored = await storedToken(calendarId);
      expect(stored, calendarId).not.toContain(token);
      expect(stored.split('.')[1], calendarId).toBe(rotated.current.id);
      expect(decryptToken(stored, rotated, calendarId), calendarId).toEqual({ token, rewrite: false });
    }
  }, 180_000);
});
