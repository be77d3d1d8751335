import { describe, expect, it } from 'vitest';
import config from '../config';
import createClient from './client';

const fakeStrapi = (overrides: Record<string, unknown> = {}) =>
  ({
    config: { get: () => ({ ...config.default, ...overrides }) },
    log: { info() {}, warn() {}, error() {} },
  }) as any;

describe('odoo client when Odoo is not configured', () => {
  it('defers every call without using an attempt, so events wait in the outbox', async () => {
    const client = createClient({ strapi: fakeStrapi() });
    expect(client.isConfigured()).toBe(false);
    await expect(client.call('res.partner', 'search', [[]])).rejects.toMatchObject({
      deferMs: config.default.waitWhenUnavailableMs,
      message: expect.stringContaining('not configured'),
    });
    expect(client.status()).toMatchObject({ configured: false, url: null, circuit: 'closed' });
  });

  it('answers the connection test with what to set', async () => {
    const client = createClient({ strapi: fakeStrapi({ url: 'http://odoo.example', db: 'x' }) });
    expect(await client.testConnection()).toEqual({ ok: false, error: expect.stringContaining('ODOO_API_KEY') });
  });
});
