/**
 * Who may call what, as a table: every admin route of every one of our plugins and every Content
 * Manager type × {anonymous, Viewer, Sales, Editor, Admin, Super Admin}. The routes and types are
 * read from the plugins' own route definitions and schemas, so a new route or content type without
 * a row here fails the first test (docs/roles.md says what each role is for).
 *
 * Expectations:
 * - `ok`: the permission check lets the role through. Routes without parameters must answer 2xx;
 *   routes with a made-up document id or an empty body may answer 400/404, never 401/403/5xx.
 * - `denied`: 401 for anonymous, 403 for a signed-in role without the permission.
 * - the Content Manager list of a type: 2xx when allowed, 403 when not (404 is accepted where
 *   Strapi answers so for a type hidden from the Content Manager).
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../helpers/http';
import { auth } from '../helpers/content';
import { adminUser, ROLE_NAMES, type RoleName } from '../helpers/admin-users';

type Caller = 'anonymous' | RoleName;
const CALLERS: Caller[] = ['anonymous', ...ROLE_NAMES];

const ROOT = path.resolve(__dirname, '../..');
const PLUGINS_DIR = path.join(ROOT, 'plugins');

// --- who may: role sets ---------------------------------------------------------------------
const EVERY_ROLE: RoleName[] = ['Viewer', 'Sales', 'Editor', 'Admin', 'Super Admin'];
const ADMINS: RoleName[] = ['Admin', 'Super Admin'];
const MARKETING: RoleName[] = ['Editor', 'Admin', 'Super Admin'];
const SALES: RoleName[] = ['Sales', 'Admin', 'Super Admin'];
const MARKETING_AND_SALES: RoleName[] = ['Sales', 'Editor', 'Admin', 'Super Admin'];
const CONTENT_READERS: RoleName[] = ['Viewer', 'Editor', 'Admin', 'Super Admin'];
/**
 * Types hidden from the Content Manager: no role gets rights on them (cms/src/content/roles.ts),
 * and the leads plugin's Content Manager guard refuses them even to the Super Admin, who holds
 * every right on every type in Strapi (ADR 0017); PostgreSQL keeps the evidence append-only below that.
 */
const NO_ROLE: RoleName[] = [];

/** Every admin route of our plugins: `METHOD /<plugin><path>` → the roles that pass its permission check. */
const ADMIN_ROUTES: Record<string, RoleName[]> = {
  // leads: contact data only through these routes (contacts.read / contacts.export audited by the plugin)
  'GET /leads/contacts': SALES,
  'GET /leads/contacts/:documentId': SALES,
  'GET /leads/contacts/:documentId/export': SALES,
  'POST /leads/contacts/:documentId/erase': ADMINS,
  'GET /leads/audit-log': SALES,
  'GET /leads/outbox/stats': ADMINS,
  'GET /leads/outbox': ADMINS,
  'POST /leads/outbox/:id/replay': ADMINS,
  'POST /leads/outbox/:id/discard': ADMINS,
  'GET /leads/emails': ADMINS,
  // webinars: sessions are marketing's, registrations are personal data (Sales)
  'GET /webinars/webinars': MARKETING_AND_SALES,
  'POST /webinars/webinars': MARKETING,
  'GET /webinars/webinars/:documentId/sessions': MARKETING_AND_SALES,
  'POST /webinars/webinars/:documentId/sessions': MARKETING,
  'GET /webinars/sessions/:documentId': MARKETING_AND_SALES,
  'PUT /webinars/sessions/:documentId': MARKETING,
  'POST /webinars/sessions/:documentId/cancel': MARKETING,
  'POST /webinars/sessions/:documentId/recording': MARKETING,
  'GET /webinars/sessions/:documentId/registrations': SALES,
  'GET /webinars/sessions/:documentId/registrations.csv': SALES,
  // matching emails to registrations tells who registered: sessions.manage and registrations.read
  'POST /webinars/sessions/:documentId/attendance': ADMINS,
  'POST /webinars/sessions/:documentId/attendance/import': ADMINS,
  'POST /webinars/reminders/run': MARKETING,
  // whitepapers: papers, files and counts are marketing's; the leads CSV is Sales'
  'GET /whitepapers/papers': MARKETING_AND_SALES,
  'POST /whitepapers/papers': MARKETING,
  'POST /whitepapers/papers/:documentId/file': MARKETING,
  'GET /whitepapers/papers/:documentId/stats': MARKETING_AND_SALES,
  'GET /whitepapers/papers/:documentId/leads.csv': SALES,
  // booking: hosts' schedules are marketing's, bookings are Sales'
  'GET /booking/hosts': MARKETING_AND_SALES,
  'PUT /booking/hosts/:documentId/schedule': MARKETING,
  'GET /booking/bookings': SALES,
  'POST /booking/bookings/:documentId/cancel': SALES,
  // integrations: Admin
  'GET /calendar-sync/connections': ADMINS,
  'PUT /calendar-sync/connections': ADMINS,
  'POST /calendar-sync/connections/disconnect': ADMINS,
  'POST /calendar-sync/oauth/start': ADMINS,
  'POST /calendar-sync/oauth/callback': ADMINS,
  'GET /odoo-sync/status': ADMINS,
  'POST /odoo-sync/test-connection': ADMINS,
  'POST /odoo-sync/stages/read-back': ADMINS,
  'POST /odoo-sync/contacts/:documentId/resync': ADMINS,
  // analytics: counts only, every role
  'GET /analytics/overview': EVERY_ROLE,
  'GET /analytics/export/:table': EVERY_ROLE,
  // editorial: history and releases are read by whoever reads content, changed by marketing; settings are Admin's
  'GET /editorial/versions': CONTENT_READERS,
  'GET /editorial/versions/:id': CONTENT_READERS,
  'POST /editorial/versions/:id/restore': MARKETING,
  'GET /editorial/settings': ADMINS,
  'PUT /editorial/settings': ADMINS,
  'GET /editorial/stages': CONTENT_READERS,
  'PUT /editorial/stages': MARKETING,
  'GET /editorial/stages/mine': MARKETING,
  'GET /editorial/releases': CONTENT_READERS,
  'POST /editorial/releases': MARKETING,
  'GET /editorial/releases/:id': CONTENT_READERS,
  'POST /editorial/releases/:id/schedule': MARKETING,
  // the content audit log: Super Admin alone
  'GET /editorial/audit-log': ['Super Admin'],
  'GET /editorial/audit-log/export': ['Super Admin'],
  // newsletter: Editors compose and send, every role sees the counts, Sales a contact's history, Admin the postal address
  'GET /newsletter/topics': EVERY_ROLE,
  'POST /newsletter/topics': MARKETING,
  'PUT /newsletter/topics/:id': MARKETING,
  'DELETE /newsletter/topics/:id': MARKETING,
  'GET /newsletter/segments': MARKETING,
  'GET /newsletter/segments/options': MARKETING,
  'POST /newsletter/segments': MARKETING,
  'POST /newsletter/segments/count': MARKETING,
  'PUT /newsletter/segments/:id': MARKETING,
  'DELETE /newsletter/segments/:id': MARKETING,
  'GET /newsletter/segments/:id/count': MARKETING,
  'GET /newsletter/campaigns': EVERY_ROLE,
  'GET /newsletter/stats/campaigns.csv': EVERY_ROLE,
  'POST /newsletter/campaigns': MARKETING,
  'GET /newsletter/campaigns/:id': EVERY_ROLE,
  'PUT /newsletter/campaigns/:id': MARKETING,
  'DELETE /newsletter/campaigns/:id': MARKETING,
  'GET /newsletter/campaigns/:id/preview': MARKETING,
  'GET /newsletter/campaigns/:id/audience': MARKETING,
  'GET /newsletter/campaigns/:id/stats': EVERY_ROLE,
  'POST /newsletter/campaigns/:id/test': MARKETING,
  'POST /newsletter/campaigns/:id/send': MARKETING,
  'POST /newsletter/campaigns/:id/schedule': MARKETING,
  'POST /newsletter/campaigns/:id/cancel': MARKETING,
  'GET /newsletter/settings': ADMINS,
  'PUT /newsletter/settings': ADMINS,
  // lifting a bounce is deliverability, not marketing: Admin's, like the postal address
  'POST /newsletter/suppressions/lookup': ADMINS,
  'POST /newsletter/suppressions/remove': ADMINS,
  'GET /newsletter/contacts/:documentId/history': SALES,
};

/**
 * Every content type → the roles that may list it in the Content Manager. Personal data and code
 * owned rows (leads, bookings, registrations, downloads, sync state) are hidden from it and no
 * role, not even Super Admin, reaches them there; they are read through the plugins' own routes above.
 */
const CONTENT_TYPES: Record<string, RoleName[]> = {
  'api::article.article': CONTENT_READERS,
  'api::author.author': CONTENT_READERS,
  'api::category.category': CONTENT_READERS,
  'api::global.global': CONTENT_READERS,
  'api::page.page': CONTENT_READERS,
  'api::redirect.redirect': CONTENT_READERS,
  'plugin::webinars.webinar': CONTENT_READERS,
  'plugin::webinars.speaker': CONTENT_READERS,
  'plugin::whitepapers.whitepaper': CONTENT_READERS,
  'plugin::booking.host': CONTENT_READERS,
  'plugin::booking.meeting-type': CONTENT_READERS,
  'plugin::webinars.session': NO_ROLE,
  'plugin::webinars.registration': NO_ROLE,
  'plugin::whitepapers.download': NO_ROLE,
  'plugin::booking.booking': NO_ROLE,
  'plugin::calendar-sync.connection': NO_ROLE,
  'plugin::calendar-sync.event': NO_ROLE,
  'plugin::calendar-sync.oauth-state': NO_ROLE,
  'plugin::odoo-sync.link': NO_ROLE,
  // leads: hidden from the Content Manager (visible: false); roles.ts also refuses every role
  // rights on plugin::leads.* whether hidden or not
  'plugin::leads.contact': NO_ROLE,
  'plugin::leads.consent': NO_ROLE,
  'plugin::leads.activity': NO_ROLE,
  'plugin::leads.email': NO_ROLE,
  'plugin::leads.outbox': NO_ROLE,
  'plugin::leads.audit-log': NO_ROLE,
};

// --- what exists: read from the code ----------------------------------------------------------
interface RouteDef {
  method: string;
  path: string;
}

function pluginNames(): Array<{ dir: string; name: string }> {
  return fs
    .readdirSync(PLUGINS_DIR)
    .filter((dir) => fs.existsSync(path.join(PLUGINS_DIR, dir, 'package.json')))
    .map((dir) => ({
      dir,
      name: JSON.parse(fs.readFileSync(path.join(PLUGINS_DIR, dir, 'package.json'), 'utf8')).strapi.name as string,
    }));
}

/** The admin routes of every plugin, from its route definitions (server/src/routes/index.ts). */
async function adminRoutes(): Promise<string[]> {
  const keys: string[] = [];
  for (const { dir, name } of pluginNames()) {
    const file = path.join(PLUGINS_DIR, dir, 'server/src/routes/index.ts');
    if (!fs.existsSync(file)) continue;
    const module = await import(file);
    const routers = (module.default ?? module) as Record<string, { type?: string; routes: RouteDef[] }>;
    for (const [key, router] of Object.entries(routers)) {
      const type = router.type ?? (key === 'admin' ? 'admin' : 'content-api');
      if (type !== 'admin') continue;
      for (const route of router.routes) keys.push(`${route.method.toUpperCase()} /${name}${route.path}`);
    }
  }
  return keys.sort();
}

/** Every content type of our plugins and of the site (cms/src/api), from the schemas. */
function contentTypes(): Array<{ uid: string; kind: string }> {
  const types: Array<{ uid: string; kind: string }> = [];
  for (const { dir, name } of pluginNames()) {
    const base = path.join(PLUGINS_DIR, dir, 'server/src/content-types');
    if (!fs.existsSync(base)) continue;
    for (const type of fs.readdirSync(base)) {
      const schemaFile = path.join(base, type, 'schema.json');
      if (!fs.existsSync(schemaFile)) continue;
      const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
      types.push({ uid: `plugin::${name}.${schema.info.singularName}`, kind: schema.kind });
    }
  }
  const apiDir = path.join(ROOT, 'cms/src/api');
  for (const api of fs.readdirSync(apiDir)) {
    const base = path.join(apiDir, api, 'content-types');
    if (!fs.existsSync(base)) continue;
    for (const type of fs.readdirSync(base)) {
      const schema = JSON.parse(fs.readFileSync(path.join(base, type, 'schema.json'), 'utf8'));
      types.push({ uid: `api::${api}.${schema.info.singularName}`, kind: schema.kind });
    }
  }
  return types.sort((a, b) => a.uid.localeCompare(b.uid));
}

// A document id of the right shape that names nothing: the permission check runs before the lookup.
const NO_SUCH_ID = 'zzzzzzzzzzzzzzzzzzzzzzzz';
const concrete = (routePath: string) =>
  routePath
    .replace(/:table\b/, 'contacts')
    .replace(/:id\b/, '999999999')
    .replace(/:[A-Za-z]+/g, NO_SUCH_ID);

const tokens = new Map<Caller, string | null>();
beforeAll(async () => {
  tokens.set('anonymous', null);
  for (const role of ROLE_NAMES) tokens.set(role, (await adminUser(role)).token);
}, 120_000);

async function call(caller: Caller, method: string, url: string) {
  const token = tokens.get(caller);
  const headers = token ? auth(token) : {};
  return api(url, { method, headers, json: method === 'GET' ? undefined : {} });
}

function expectAccess(
  status: number,
  caller: Caller,
  allowed: boolean,
  exact2xx: boolean,
  label: string,
  denied: number[] = [403],
) {
  if (caller === 'anonymous') return expect(status, label).toBe(401);
  if (!allowed) return expect(denied, label).toContain(status) as unknown;
  if (exact2xx) return expect(status >= 200 && status < 300, `${label}: ${status}`).toBe(true);
  expect([401, 403], label).not.toContain(status);
  expect(status, label).toBeLessThan(500);
}

describe('permission matrix', () => {
  it('has a row for every admin route of every plugin, and no row for a route that is gone', async () => {
    expect(await adminRoutes()).toEqual(Object.keys(ADMIN_ROUTES).sort());
  });

  it('has a row for every content type, and no row for a type that is gone', () => {
    expect(contentTypes().map((type) => type.uid)).toEqual(Object.keys(CONTENT_TYPES).sort());
  });

  describe.each(Object.entries(ADMIN_ROUTES))('%s', (route, allowedRoles) => {
    const [method, routePath] = route.split(' ');
    it.each(CALLERS)('as %s', async (caller) => {
      const response = await call(caller, method, concrete(routePath));
      const allowed = caller !== 'anonymous' && allowedRoles.includes(caller);
      // a route without parameters and without a body to validate must answer 2xx to whoever may call it
      const exact2xx = method === 'GET' && !routePath.includes(':');
      expectAccess(
        response.status,
        caller,
        allowed,
        exact2xx,
        `${caller} ${route} → ${response.status} ${JSON.stringify(response.body)?.slice(0, 200)}`,
      );
      // a denial is Strapi's error format, and says nothing else
      if (!allowed) expect(response.body?.error?.status).toBe(response.status);
    });
  });

  describe.each(Object.entries(CONTENT_TYPES))('Content Manager %s', (uid, allowedRoles) => {
    it.each(CALLERS)('as %s', async (caller) => {
      const kind = contentTypes().find((type) => type.uid === uid)?.kind;
      const url = `/content-manager/${kind === 'singleType' ? 'single-types' : 'collection-types'}/${uid}`;
      const response = await call(caller, 'GET', url);
      const allowed = caller !== 'anonymous' && allowedRoles.includes(caller);
      expectAccess(response.status, caller, allowed, true, `${caller} GET ${url} → ${response.status}`, [403, 404]);
      if (allowed) expect(response.body?.error, url).toBeUndefined();
    });
  });

  // "Viewer changes nothing", and Sales edits no content: no write of any kind on any type
  describe.each(Object.keys(CONTENT_TYPES))('Content Manager writes on %s', (uid) => {
    it.each(['Viewer', 'Sales'] as const)('are refused to %s', async (caller) => {
      const kind = contentTypes().find((type) => type.uid === uid)?.kind;
      const base = `/content-manager/${kind === 'singleType' ? 'single-types' : 'collection-types'}/${uid}`;
      const writes: Array<[string, string]> =
        kind === 'singleType'
          ? [
              ['PUT', base],
              ['POST', `${base}/actions/publish`],
              ['DELETE', base],
            ]
          : [
              ['POST', base],
              ['PUT', `${base}/nonexistentdocument0000`],
              ['POST', `${base}/nonexistentdocument0000/actions/publish`],
              ['DELETE', `${base}/nonexistentdocument0000`],
              ['POST', `${base}/actions/bulkDelete`],
            ];
      for (const [method, url] of writes) {
        const response = await call(caller, method, url);
        expect(
          response.status,
          `${caller} ${method} ${url} → ${response.status} ${JSON.stringify(response.body)?.slice(0, 200)}`,
        ).toBe(403);
      }
    });
  });
});
