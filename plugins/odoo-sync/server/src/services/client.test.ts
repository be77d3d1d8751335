import type { Core } from '@strapi/strapi';
import { describe, expect, it } from 'vitest';
import config, { isConfigured, type OdooSyncConfig } from '../config';
import createClient from './client';

const fakeStrapi = (overrides: Partial<OdooSyncConfig> = {}) =>
  ({
    config: { get: () => ({ ...config.default, ...overrides }) },
    log: { info() {}, warn() {}, error() {} },
  }) as unknown as Core.Strapi;

describe('odoo client when Odoo is not configured', () => {
  it('defers every call without using an attempt, so events wait in the outbox', async () => {
    const client = createClient({ strapi: fakeStrapi() });
    expect(client.isConfigured()).toBe(false);
    await expect(client.search('res.partner', [])).rejects.toMatchObject({
      deferMs: config.default.waitWhenUnavailableMs,
      message: expect.stringContaining('not configured'),
    });
    expect(client.status()).toMatchObject({
      configured: false,
      url: null,
      circuit: 'closed',
      protocolSetting: 'auto',
      protocol: null,
    });
  });

  it('answers the connection test with what to set', async () => {
    const client = createClient({ strapi: fakeStrapi({ url: 'http://odoo.example', db: 'x' }) });
    expect(await client.testConnection()).toEqual({ ok: false, error: expect.stringContaining('ODOO_API_KEY') });
  });
});

describe('isConfigured', () => {
  const base = { ...config.default, url: 'https://acme.odoo.com', apiKey: 'key' };
  it.each([
    ['json2 with URL and API key', { ...base, protocol: 'json2' as const }, true],
    ['xmlrpc without database and login', { ...base, protocol: 'xmlrpc' as const }, false],
    [
      'xmlrpc with database and login',
      { ...base, protocol: 'xmlrpc' as const, db: 'acme', username: 'bot@acme.com' },
      true,
    ],
    ['auto without login (may need XML-RPC)', { ...base, protocol: 'auto' as const, db: 'acme' }, false],
    ['json2 without API key', { ...base, apiKey: '', protocol: 'json2' as const }, false],
  ])('%s', (_, settings, expected) => {
    expect(isConfigured(settings)).toBe(expected);
  });
});

describe('config validator', () => {
  it.each([
    [{ protocol: 'soap' }, /ODOO_PROTOCOL must be xmlrpc, json2 or auto/],
    [{ maxCallsPerSecond: -1 }, /ODOO_MAX_CALLS_PER_SECOND/],
  ])('refuses %j', (overrides, message) => {
    expect(() => config.validator({ ...config.default, ...overrides } as OdooSyncConfig)).toThrow(message);
  });
});
