/**
 * The fake Odoo's JSON-2 API and version check, against the plugin's own JSON-2 transport and
 * version check (plugins/odoo-sync/server/src/transport): if these pass, the fake answers the way
 * that client expects, from the same database the XML-RPC side serves.
 */
import OdooAwait from 'odoo-await';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { classifyOdooError, OdooHttpError } from '../../plugins/odoo-sync/server/src/domain/faults';
import { protocolFor } from '../../plugins/odoo-sync/server/src/domain/protocol';
import { fetchOdooVersion } from '../../plugins/odoo-sync/server/src/transport/detect';
import { json2Transport } from '../../plugins/odoo-sync/server/src/transport/json2';
import { startFakeOdoo, type FakeOdoo } from './odoo';
import { fakeOdooAt, type FakeOdooControls } from './odoo-client';

let fake: FakeOdoo;
let controls: FakeOdooControls;

const transport = (apiKey = fake.password, db = fake.db) =>
  json2Transport({ url: fake.url, db, username: '', apiKey, timeoutMs: 2000 });
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${fake.url}${path}`, {
    method: 'POST',
    headers: { Authorization: `bearer ${fake.password}`, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  fake = await startFakeOdoo({ version: 19 });
  controls = fakeOdooAt(fake.url);
});

afterAll(async () => {
  await fake.close();
});

beforeEach(async () => {
  await controls.reset();
});

describe('version check', () => {
  it.each([
    [17, '17.0', 'xmlrpc'],
    [18, '18.0', 'xmlrpc'],
    [19, '19.0', 'json2'],
  ] as const)('Odoo %i answers /web/version with %s: auto speaks %s', async (major, version, protocol) => {
    await controls.setVersion(major);
    const found = await fetchOdooVersion(fake.url, 2000);
    expect(found).toEqual({ version, major, minor: 0 });
    expect(protocolFor(found)).toBe(protocol);
    expect(await controls.calls({ service: 'web' })).toHaveLength(1);
  });

  it('has no JSON-2 before 19: a bare 404 page, which the client reads as "wrong protocol"', async () => {
    await controls.setVersion(18);
    const response = await post('/json/2/res.partner/search', { domain: [] });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const thrown = await transport()
      .search('res.partner', [])
      .catch((error: unknown) => error);
    expect(classifyOdooError(thrown)).toMatchObject({ kind: 'unavailable' });
  });

  it('throws (for a retry) instead of guessing while Odoo is down', async () => {
    await controls.down();
    await expect(fetchOdooVersion(fake.url, 2000)).rejects.toThrow();
  });
});

describe('JSON-2 calls', () => {
  it('create, search, search_read, read, write and unlink on the database XML-RPC serves too', async () => {
    const odoo = transport();
    const partner = await odoo.create('res.partner', { name: 'Ada Lovelace', email: 'ada@example.com' });
    const lead = await odoo.create('crm.lead', {
      name: 'Question',
      partner_id: partner,
      email_from: 'ada@example.com',
    });
    expect(await odoo.search('res.partner', [['email', '=ilike', 'ADA@example.com']], { limit: 1 })).toEqual([partner]);
    expect(await odoo.searchRead('crm.lead', [['id', '=', lead]], ['name', 'partner_id'])).toEqual([
      { id: lead, name: 'Question', partner_id: [partner, 'Ada Lovelace'] },
    ]);
    expect(await odoo.write('crm.lead', [lead], { name: 'Question 2' })).toBe(true);
    expect(await odoo.read('crm.lead', [lead], ['name'])).toEqual([{ id: lead, name: 'Question 2' }]);
    // the same row through XML-RPC (odoo-await), as an Odoo 19 serves both
    const xmlrpc = new OdooAwait({ baseUrl: fake.url, db: fake.db, username: fake.login, password: fake.password });
    await xmlrpc.connect();
    expect(await xmlrpc.execute_kw('crm.lead', 'read', [[[lead]], { fields: ['name'] }])).toEqual([
      { id: lead, name: 'Question 2' },
    ]);
    expect(await odoo.unlink('crm.lead', [lead])).toBe(true);
    expect((await controls.records('crm.lead')).map((row) => row.id)).not.toContain(lead);
    expect((await controls.calls({ service: 'json2', model: 'crm.lead' })).map((call) => call.modelMethod)).toEqual([
      'create',
      'search_read',
      'write',
      'read',
      'unlink',
    ]);
  });

  it("tells the API key's user (context_get, then read)", async () => {
    expect(await transport().identity()).toEqual({ uid: fake.uid, name: 'Magnetiq Integration', login: fake.login });
  });

  it('works without X-Odoo-Database (one database per server)', async () => {
    expect(await transport(fake.password, '').search('res.lang', [['code', '=', 'de_DE']])).toEqual([2]);
  });
});

describe("JSON-2 errors: a status and Odoo's error object", () => {
  const failure = async (promise: Promise<unknown>) => {
    const thrown = await promise.catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(OdooHttpError);
    return thrown as OdooHttpError;
  };

  it('401 Invalid apikey for a wrong or missing key', async () => {
    const error = await failure(transport('revoked-key').search('res.partner', []));
    expect(error.status).toBe(401);
    expect(error.body).toMatchObject({
      name: 'werkzeug.exceptions.Unauthorized',
      message: 'Invalid apikey',
      arguments: ['Invalid apikey', 401],
      context: {},
    });
    const bare = await fetch(`${fake.url}/json/2/res.partner/search`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(bare.status).toBe(401);
    expect(classifyOdooError(error).kind).toBe('credentials');
  });

  it('422 for a ValidationError, rolled back', async () => {
    const error = await failure(transport().create('crm.lead', { name: false }));
    expect(error.status).toBe(422);
    expect(error.body).toMatchObject({ name: 'odoo.exceptions.ValidationError' });
    expect(await controls.records('crm.lead')).toEqual([]);
    expect(classifyOdooError(error).kind).toBe('permanent');
  });

  it('422 for bad arguments, 404 for an unknown model or method', async () => {
    const response = await post('/json/2/res.partner/search', { domain: [], badparameter: 1 });
    expect(response.status).toBe(422);
    expect((await response.json()).message).toMatch(/unexpected keyword argument 'badparameter'/);
    expect((await post('/json/2/no.such.model/search', { domain: [] })).status).toBe(404);
    const unknownMethod = await post('/json/2/res.partner/no_such_method', {});
    expect(unknownMethod.status).toBe(404);
    expect(classifyOdooError(await failure(transport().search('no.such.model', [])))).toMatchObject({
      kind: 'permanent',
      message: /no such model/,
    });
  });

  it.each([
    ['access', 403, 'odoo.exceptions.AccessError', 'permanent'],
    ['validation', 422, 'odoo.exceptions.ValidationError', 'permanent'],
    ['server', 500, 'psycopg2.OperationalError', 'transient'],
    ['auth', 401, 'werkzeug.exceptions.Unauthorized', 'credentials'],
    ['rate-limit', 429, 'werkzeug.exceptions.TooManyRequests', 'rate-limited'],
  ] as const)('the injected %s fault is a %i %s (%s)', async (kind, status, name, failureKind) => {
    await controls.fault({ kind, model: 'crm.lead', method: 'create', retryAfter: 3 });
    const error = await failure(transport().create('crm.lead', { name: 'x' }));
    expect(error.status).toBe(status);
    expect(error.body?.name).toBe(name);
    expect(classifyOdooError(error).kind).toBe(failureKind);
    if (kind === 'rate-limit') expect(error.retryAfter).toBe('3');
    // used up: the next call goes through
    expect(await transport().create('crm.lead', { name: 'x' })).toBeGreaterThan(0);
  });

  it('drops connections while down, and before or after applying a flaky call', async () => {
    await controls.down();
    const thrown = await transport()
      .search('res.partner', [])
      .catch((error: unknown) => error);
    expect(classifyOdooError(thrown).kind).toBe('transient');
    await controls.up();
    await controls.flaky(1, { when: 'after' });
    await transport()
      .create('crm.tag', { name: 'lost answer' })
      .catch(() => undefined);
    await controls.flaky(0);
    expect((await controls.records('crm.tag')).map((tag) => tag.name)).toEqual(['lost answer']);
    expect((await controls.calls({ service: 'json2', model: 'crm.tag' }))[0]).toMatchObject({
      outcome: 'dropped',
      applied: true,
    });
  });
});

describe('XML-RPC faults added with JSON-2', () => {
  it('auth: fault 3; rate-limit: HTTP 429 before Odoo runs the call', async () => {
    const xmlrpc = new OdooAwait({ baseUrl: fake.url, db: fake.db, username: fake.login, password: fake.password });
    await xmlrpc.connect();
    await controls.fault({ kind: 'auth' });
    await expect(xmlrpc.execute_kw('res.partner', 'search', [[[]], {}])).rejects.toMatchObject({ faultCode: 3 });
    await controls.fault({ kind: 'rate-limit', model: 'crm.tag' });
    const thrown = await xmlrpc.execute_kw('crm.tag', 'create', [[{ name: 'x' }], {}]).catch((error: unknown) => error);
    // the HTTP status under the XML-RPC answer is read: a 429 waits its turn (docs/adr/0025)
    expect(classifyOdooError(thrown).kind).toBe('rate-limited');
    expect(await controls.records('crm.tag')).toEqual([]);
  });
});
