import fs from 'node:fs';
import path from 'node:path';
import { validate } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';
import { buildDocument, openApiPath, undocumentedOperations, type RouterInput } from './document';
import { DOCUMENTED_PLUGINS } from './plugins';
import analytics from '../../../plugins/analytics/server/src/routes';
import booking from '../../../plugins/booking/server/src/routes';
import calendarSync from '../../../plugins/calendar-sync/server/src/routes';
import editorial from '../../../plugins/editorial/server/src/routes';
import leads from '../../../plugins/leads/server/src/routes';
import leadsForms from '../../../plugins/leads/server/src/services/forms';
import newsletter from '../../../plugins/newsletter/server/src/routes';
import odooSync from '../../../plugins/odoo-sync/server/src/routes';
import webinars from '../../../plugins/webinars/server/src/routes';
import whitepapers from '../../../plugins/whitepapers/server/src/routes';

const sources: Record<
  string,
  Record<string, { type: string; routes: RouterInput['routes']; openapi?: RouterInput['docs'] }>
> = {
  analytics,
  booking,
  'calendar-sync': calendarSync,
  editorial,
  leads,
  newsletter,
  'odoo-sync': odooSync,
  webinars,
  whitepapers,
};

// what Strapi has after loading the plugins: each router of each plugin, from the plugins' own sources
const routers: RouterInput[] = Object.entries(sources).flatMap(([plugin, byType]) =>
  Object.values(byType).map((router) => ({
    plugin,
    type: router.type === 'content-api' ? 'content-api' : 'admin',
    routes: router.routes,
    docs: router.openapi ?? {},
  })),
);
// the one schema composed at run time (webinar registration) asks the leads core for its fields
const strapi = { plugin: () => ({ service: () => leadsForms() }) };
const document = buildDocument(routers, { context: { strapi }, version: '1.0.0' });

describe('the OpenAPI document of our plugins', () => {
  it('covers every plugin of the workspace', () => {
    const folders = fs
      .readdirSync(path.resolve(__dirname, '../../../plugins'))
      .filter((name) => fs.existsSync(path.resolve(__dirname, '../../../plugins', name, 'server/src/routes')));
    expect([...DOCUMENTED_PLUGINS].sort()).toEqual(folders.sort());
    expect(Object.keys(sources).sort()).toEqual(folders.sort());
  });

  it('describes every route in its plugin’s routes/openapi.ts', () => {
    expect(undocumentedOperations(document)).toEqual([]);
    const routeCount = routers.reduce((sum, router) => sum + router.routes.length, 0);
    const operationCount = Object.values(document.paths).reduce(
      (sum, operations) => sum + Object.keys(operations).length,
      0,
    );
    expect(operationCount).toBe(routeCount);
  });

  it('names no handler that no route has (a stale entry)', () => {
    for (const router of routers) {
      const handlers = new Set(
        routers
          .filter((other) => other.plugin === router.plugin)
          .flatMap((other) => other.routes.map((route) => String(route.handler))),
      );
      expect(
        Object.keys(router.docs).filter((handler) => !handlers.has(handler)),
        router.plugin,
      ).toEqual([]);
    }
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await validate(structuredClone(document) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(result.specification).toBe('OpenAPI');
  });

  it('puts content-API routes under /api/<plugin> without auth and admin routes under /<plugin> with the admin token', () => {
    expect(document.paths['/api/leads/submissions'].post.security).toEqual([]);
    expect(document.paths['/leads/contacts/{documentId}'].get.security).toEqual([{ adminJwt: [] }]);
  });

  it('shows the request body from the schema the route validates with', () => {
    const body = (
      document.paths['/api/booking/bookings'].post.requestBody as {
        content: Record<string, { schema: { required: string[]; additionalProperties: boolean } }>;
      }
    ).content['application/json'].schema;
    expect(body.required).toEqual(
      expect.arrayContaining(['type', 'start', 'timeZone', 'email', 'firstName', 'consent']),
    );
    expect(body.additionalProperties).toBe(false);
  });

  it('composes the webinar registration from the leads core’s fields at run time', () => {
    const body = (
      document.paths['/api/webinars/registrations'].post.requestBody as {
        content: Record<string, { schema: { properties: Record<string, unknown> } }>;
      }
    ).content['application/json'].schema;
    expect(Object.keys(body.properties)).toEqual(
      expect.arrayContaining(['email', 'consent', 'session', 'locale', 'answers']),
    );
  });

  it("answers every error with Strapi's error shape", () => {
    for (const operations of Object.values(document.paths)) {
      for (const operation of Object.values(operations))
        expect((operation.responses as Record<string, unknown>).default).toBeDefined();
    }
  });

  it.each([
    ['/hosts/:documentId/schedule', '/hosts/{documentId}/schedule', ['documentId']],
    ['/sessions/:documentId/registrations.csv', '/sessions/{documentId}/registrations.csv', ['documentId']],
    ['/status', '/status', []],
  ])('writes the Strapi path %s as %s', (strapiPath, openApi, names) => {
    expect(openApiPath(strapiPath)).toEqual({ path: openApi, names });
  });

  it('marks a route without an entry instead of leaving it out', () => {
    const bare = buildDocument([
      { plugin: 'demo', type: 'content-api', routes: [{ method: 'GET', path: '/x', handler: 'demo.x' }], docs: {} },
    ]);
    expect(undocumentedOperations(bare)).toEqual(['GET /api/demo/x']);
  });
});
