/**
 * The OpenAPI document the CMS serves (cms/src/openapi, docs/adr/0021-openapi.md): a valid
 * OpenAPI 3.1 document that describes every route of our plugins, its reference page renders
 * under the CMS's CSP from our own origin, and the CMS's real answers conform to it. Every other
 * test file checks its answers too (tests/helpers/http.ts); this one replays a request for each
 * route that needs no fixture.
 */
import { validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { auth, superAdminToken } from '../helpers/content';
import { api, clientIp, conformanceChecked } from '../helpers/http';
import { createConformance } from '../helpers/openapi-conformance';

type Json = Record<string, any>;
let document: Json;

beforeAll(async () => {
  const response = await api('/api/docs/openapi.json');
  expect(response.status).toBe(200);
  document = response.body;
});

const operations = () =>
  Object.entries(document.paths as Json).flatMap(([path, byMethod]) =>
    Object.entries(byMethod as Json).map(([method, operation]) => ({
      path,
      method: method.toUpperCase(),
      operation: operation as Json,
    })),
  );

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(document.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(document) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it('describes every route of every plugin, each in its plugin’s routes/openapi.ts', () => {
    expect(
      operations()
        .filter(({ operation }) => operation['x-undocumented'])
        .map(({ method, path }) => `${method} ${path}`),
    ).toEqual([]);
    const tags = new Set(operations().flatMap(({ operation }) => operation.tags as string[]));
    for (const plugin of ['leads', 'webinars', 'whitepapers', 'booking']) expect(tags).toContain(plugin);
    for (const plugin of ['analytics', 'calendar-sync', 'odoo-sync']) expect(tags).toContain(`${plugin} (admin)`);
  });

  it('takes the request schemas from the validators: the contact form refuses unknown fields and requires the email', () => {
    const schema = document.paths['/api/leads/submissions'].post.requestBody.content['application/json'].schema;
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(['email', 'consent', 'message']));
  });
});

describe('the reference page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is served with its assets from the CMS itself', async () => {
    const page = await api('/api/docs', { headers: { Accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Type')).toContain('text/html');
    expect(page.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    for (const [asset, type] of [
      ['/api/docs/swagger-ui-bundle.js', 'application/javascript'],
      ['/api/docs/swagger-ui.css', 'text/css'],
      ['/api/docs/init.js', 'application/javascript'],
    ]) {
      const response = await fetch(`${inject('cmsUrl')}${asset}`);
      expect(response.status, asset).toBe(200);
      expect(response.headers.get('Content-Type'), asset).toContain(type);
      await response.arrayBuffer();
    }
  });

  it('renders every operation under the CSP without a violation or a request elsewhere', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    const foreign: string[] = [];
    const origin = new URL(inject('cmsUrl')).origin;
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol.startsWith('http') && url.origin !== origin) foreign.push(request.url());
    });
    await page.goto(`${inject('cmsUrl')}/api/docs`);
    await page.waitForSelector('.opblock', { timeout: 20_000 });
    expect(await page.locator('.opblock').count()).toBe(operations().length);
    expect(await page.locator('.info .title').textContent()).toContain('Magnetiq API');
    expect(violations).toEqual([]);
    expect(foreign).toEqual([]);
    await page.close();
  });
});

describe('real answers conform to the document', () => {
  it('for a request to every route that needs no fixture (the HTTP helper checks each answer)', async () => {
    const token = await superAdminToken();
    const origin = inject('siteUrl');
    const replayed: string[] = [];
    for (const { path, method, operation } of operations()) {
      if (path.includes('{')) continue;
      const admin = !path.startsWith('/api/');
      // admin POSTs act (reminders, Odoo calls): only their GETs here; their answers are checked in their own test files
      if (admin && method !== 'GET') continue;
      const response = await api(path, {
        method,
        ip: clientIp(),
        redirect: 'manual',
        headers: { ...(admin ? auth(token) : {}), ...(method === 'GET' ? {} : { Origin: origin }) },
        ...(method === 'GET' ? {} : { json: {} }),
      });
      expect(response.status, `${method} ${path}`).toBeLessThan(500);
      replayed.push(`${operation.operationId} ${response.status}`);
    }
    expect(replayed.length).toBeGreaterThan(25);
    expect(conformanceChecked()).toBeGreaterThanOrEqual(replayed.length);
  });

  it('the check finds an answer of the wrong shape, an undocumented status or media type and a renamed field', () => {
    const check = createConformance(document).check;
    expect(
      check({
        method: 'POST',
        url: '/api/leads/submissions',
        status: 201,
        contentType: 'application/json',
        body: { data: { received: 'yes' } },
      })[0],
    ).toMatch(/does not match/);
    expect(
      check({ method: 'GET', url: '/api/whitepapers/papers', status: 204, contentType: null, body: null })[0],
    ).toMatch(/status not documented/);
    expect(
      check({
        method: 'GET',
        url: '/api/whitepapers/papers',
        status: 400,
        contentType: 'application/json',
        body: { error: 'x' },
      })[0],
    ).toMatch(/does not match/);
    expect(
      check({
        method: 'GET',
        url: '/api/booking/meeting-types/%E0%A4%A',
        status: 404,
        contentType: 'application/json',
        body: { data: null },
      })[0],
    ).toMatch(/does not match/);
    expect(
      check({
        method: 'POST',
        url: '/api/leads/submissions',
        requestBody: { email: 'a@b.c', lang: 'en' },
        status: 201,
        contentType: 'application/json',
        body: { data: { received: true } },
      }),
    ).toEqual([expect.stringMatching(/body field lang not documented/)]);
    expect(
      check({
        method: 'GET',
        url: '/API/Whitepapers/Papers',
        status: 200,
        contentType: 'application/json',
        body: { data: [] },
      }),
    ).toEqual([]);
    expect(
      check({ method: 'GET', url: '/api/whitepapers/papers', status: 200, contentType: 'text/html', body: '<p>' })[0],
    ).toMatch(/content type text\/html not documented/);
  });
});
