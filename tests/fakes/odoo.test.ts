/**
 * The fake Odoo against the real client our plugin uses (odoo-await over xmlrpc): if these pass,
 * the fake speaks the protocol the way that client expects it.
 */
import OdooAwait from 'odoo-await';
import xmlrpc from 'xmlrpc';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeOdoo, type FakeOdoo, type XmlRpcValue } from './odoo';
import { fakeOdooAt, type FakeOdooControls } from './odoo-client';

let fake: FakeOdoo;
let controls: FakeOdooControls;
let odoo: OdooAwait;

const client = (password = fake.password) =>
  new OdooAwait({ baseUrl: fake.url, db: fake.db, username: fake.login, password });

/** A raw XML-RPC call, for what odoo-await does not expose (exact values, other credentials). */
function rawCall(service: 'common' | 'object', method: string, params: XmlRpcValue[]): Promise<unknown> {
  const rpc = xmlrpc.createClient({ url: `${fake.url}/xmlrpc/2/${service}` });
  return new Promise((resolve, reject) =>
    rpc.methodCall(method, params, (error, value) => (error ? reject(error) : resolve(value))),
  );
}

beforeAll(async () => {
  fake = await startFakeOdoo();
  controls = fakeOdooAt(fake.url);
});

afterAll(async () => {
  await fake.close();
});

beforeEach(async () => {
  await controls.reset();
  odoo = client();
  await odoo.connect();
});

describe('common service', () => {
  it('answers version() and authenticate() like Odoo 17', async () => {
    expect(await rawCall('common', 'version', [])).toEqual({
      server_version: '17.0',
      server_version_info: [17, 0, 0, 'final', 0, ''],
      server_serie: '17.0',
      protocol_version: 1,
    });
    expect(await rawCall('common', 'authenticate', [fake.db, fake.login, fake.password, {}])).toBe(2);
    expect(await rawCall('common', 'authenticate', [fake.db, fake.login, 'wrong', {}])).toBe(false);
  });

  it('lets odoo-await connect with the right password and rejects a wrong one', async () => {
    expect(await client().connect()).toBe(2);
    await expect(client('wrong').connect()).rejects.toMatch(/invalid credentials/);
  });

  it('refuses object calls with wrong credentials: fault 3, Access Denied', async () => {
    await expect(
      rawCall('object', 'execute_kw', [fake.db, 2, 'wrong', 'res.partner', 'search', [[]]]),
    ).rejects.toMatchObject({
      faultCode: 3,
      faultString: 'Access Denied',
    });
  });
});

describe('records', () => {
  it('creates partners and finds them with =ilike, | and implicit AND', async () => {
    const jane = await odoo.create('res.partner', { name: 'Jane Doe', email: 'Jane.Doe@Example.com' });
    await odoo.create('res.partner', { name: 'John Roe', email: 'john_roe@example.com' });
    await odoo.create('res.partner', { name: 'Acme GmbH', is_company: true });
    expect(jane).toBeGreaterThan(0);

    const byEmail = await odoo.searchRead<{ id: number; name: string }>(
      'res.partner',
      [['email', '=ilike', 'jane.doe@example.com']],
      ['name'],
    );
    expect(byEmail).toEqual([{ id: jane, name: 'Jane Doe' }]);

    // `_` is a wildcard unless escaped, as in SQL
    expect(await odoo.search('res.partner', [['email', '=ilike', 'john\\_roe@example.com']])).toHaveLength(1);
    expect(await odoo.search('res.partner', [['email', '=ilike', 'john\\_roe@example.co']])).toHaveLength(0);

    const either = await odoo.searchRead<{ name: string }>(
      'res.partner',
      ['|', ['email', 'ilike', 'jane'], ['is_company', '=', true]],
      ['name'],
      { order: 'name asc' },
    );
    expect(either.map((partner) => partner.name)).toEqual(['Acme GmbH', 'Jane Doe']);
    expect(
      await odoo.search('res.partner', [
        ['name', 'ilike', 'o'],
        ['is_company', '=', false],
      ]),
    ).toHaveLength(2);
    expect(await odoo.execute_kw('res.partner', 'search_count', [[[['email', '!=', false]]]])).toBe(2);
  });

  it('reads many2one as [id, display name], empty fields as false, dates in UTC without zone', async () => {
    const acme = await odoo.create('res.partner', { name: 'Acme GmbH', is_company: true });
    const jane = await odoo.create('res.partner', { name: 'Jane Doe', parent_id: acme });
    const [partner] = await odoo.read<Record<string, unknown>>('res.partner', jane, [
      'name',
      'parent_id',
      'phone',
      'display_name',
      'write_date',
    ]);
    expect(partner).toMatchObject({
      id: jane,
      name: 'Jane Doe',
      parent_id: [acme, 'Acme GmbH'],
      phone: false,
      display_name: 'Acme GmbH, Jane Doe',
    });
    expect(partner.write_date).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

    const [german] = await odoo.search('res.lang', [['code', '=', 'de_DE']]);
    const lead = await odoo.create('crm.lead', {
      name: 'Offer',
      partner_id: jane,
      lang_id: german,
      description: 'Hello & welcome',
    });
    const [read] = await odoo.searchRead<Record<string, unknown>>(
      'crm.lead',
      [
        ['partner_id.email', '=', false],
        ['partner_id.name', '=', 'Jane Doe'],
      ],
      ['partner_id', 'lang_id', 'type', 'description', 'active'],
    );
    expect(read).toEqual({
      id: lead,
      partner_id: [jane, 'Acme GmbH, Jane Doe'],
      lang_id: [german, 'German / Deutsch'],
      type: 'lead',
      description: '<p>Hello &amp; welcome</p>', // Odoo sanitizes html fields
      active: true,
    });
  });

  it('accepts a list of values in create and answers a list of ids', async () => {
    const ids = await odoo.execute_kw('crm.tag', 'create', [[[{ name: 'A' }, { name: 'B' }]]]);
    expect(ids).toEqual([1, 2]);
    // the record of calls says which records each create made (tests of batching)
    expect(await controls.calls({ model: 'crm.tag', modelMethod: 'create' })).toEqual([
      expect.objectContaining({ created: [1, 2] }),
    ]);
  });

  it('writes many2many with command lists', async () => {
    const [a, b, c] = await Promise.all(['A', 'B', 'C'].map((name) => odoo.create('crm.tag', { name })));
    const lead = await odoo.create('crm.lead', { name: 'Tagged', tag_ids: [[6, 0, [a, b]]] });
    const tags = async () => (await odoo.read<{ tag_ids: number[] }>('crm.lead', lead, ['tag_ids']))[0].tag_ids;
    expect(await tags()).toEqual([a, b]);

    expect(await odoo.update('crm.lead', lead, { tag_ids: [[6, 0, [c]]] })).toBe(true);
    expect(await tags()).toEqual([c]);
    await odoo.update('crm.lead', lead, {
      tag_ids: [
        [4, a, 0],
        [3, c, 0],
        [0, 0, { name: 'D' }],
      ],
    });
    const [d] = await odoo.search('crm.tag', [['name', '=', 'D']]);
    expect(await tags()).toEqual([a, d]);
    expect(await odoo.search('crm.lead', [['tag_ids', 'in', [d]]])).toEqual([lead]);
    await odoo.update('crm.lead', lead, { tag_ids: [[5, 0, 0]] });
    expect(await tags()).toEqual([]);
    expect(await odoo.search('crm.lead', [['tag_ids', '=', false]])).toEqual([lead]);
  });

  it('leaves archived records out unless the domain or the context asks for them', async () => {
    const old = await odoo.create('res.partner', { name: 'Old Contact', active: false });
    expect(await odoo.search('res.partner', [['name', '=', 'Old Contact']])).toEqual([]);
    expect(
      await odoo.search('res.partner', [
        ['name', '=', 'Old Contact'],
        '|',
        ['active', '=', true],
        ['active', '=', false],
      ]),
    ).toEqual([old]);
    expect(
      await odoo.searchRead('res.partner', [['name', '=', 'Old Contact']], ['name'], {
        context: { active_test: false },
      }),
    ).toHaveLength(1);
  });

  it('orders, offsets and limits like search(domain, offset, limit, order)', async () => {
    for (const name of ['b', 'c', 'a', 'd']) await odoo.create('crm.tag', { name });
    const names = async (kwargs: Record<string, unknown>) =>
      (
        (await odoo.execute_kw('crm.tag', 'search_read', [[], { fields: ['name'], ...kwargs }])) as Array<{
          name: string;
        }>
      ).map((tag) => tag.name);
    expect(await names({})).toEqual(['b', 'c', 'a', 'd']); // crm.tag's _order: id
    expect(await names({ order: 'name desc', offset: 1, limit: 2 })).toEqual(['c', 'b']);
  });

  it('gives utm records a free name and computes a lead name from its customer, as Odoo does', async () => {
    const first = await odoo.create('utm.source', { name: 'Newsletter' });
    const second = await odoo.create('utm.source', { name: 'Newsletter' });
    const names = (await odoo.read<{ name: string }>('utm.source', [first, second], ['name'])).map(
      (source) => source.name,
    );
    expect(names).toEqual(['Newsletter', 'Newsletter [2]']);

    const partner = await odoo.create('res.partner', { name: 'Jane' });
    const lead = await odoo.create('crm.lead', { partner_id: partner });
    expect((await odoo.read<{ name: string }>('crm.lead', lead, ['name']))[0].name).toBe("Jane's opportunity");
  });
});

describe('errors Odoo sends', () => {
  it('an unknown model is a UserError (code 2)', async () => {
    await expect(odoo.search('crm.nothing', [])).rejects.toMatchObject({
      faultCode: 2,
      faultString: "Object crm.nothing doesn't exist",
    });
  });

  it('an unknown field is a ValueError traceback (code 1), in values and in domains', async () => {
    await expect(odoo.create('res.partner', { name: 'X', nickname: 'x' })).rejects.toMatchObject({
      faultCode: 1,
      faultString: expect.stringMatching(
        /^Traceback[\s\S]*ValueError: Invalid field 'nickname' on model 'res.partner'\n$/,
      ),
    });
    await expect(odoo.search('res.partner', [['nickname', '=', 'x']])).rejects.toMatchObject({
      faultCode: 1,
      faultString: expect.stringContaining(
        "ValueError: Invalid field res.partner.nickname in leaf ('nickname', '=', 'x')",
      ),
    });
  });

  it('a missing required field is a ValidationError (code 2) and nothing is written', async () => {
    await expect(
      odoo.execute_kw('crm.lead', 'create', [[[{ name: 'ok' }, { email_from: 'x@example.com' }]]]),
    ).rejects.toMatchObject({
      faultCode: 2,
      faultString: expect.stringContaining('Model: Lead/Opportunity (crm.lead)\nField: Opportunity (name)'),
    });
    expect(await controls.records('crm.lead')).toEqual([]);
  });

  it('a planned access fault arrives as code 4 with the AccessError text, then calls work again', async () => {
    await controls.fault({ kind: 'access', model: 'crm.lead', method: 'create' });
    const refused = odoo.create('crm.lead', { name: 'Forbidden' });
    await expect(refused).rejects.toMatchObject({
      faultCode: 4,
      faultString: expect.stringContaining(
        "You are not allowed to create 'Lead/Opportunity' (crm.lead) records.\n\nThis operation is allowed for the following groups:\n\t- Sales/User",
      ),
    });
    expect(await odoo.search('crm.lead', [])).toEqual([]); // other methods are not affected
    expect(await odoo.create('crm.lead', { name: 'Allowed' })).toBeGreaterThan(0);
  });

  it('a fault planned for calls whose arguments contain a text fails only those (a record Odoo refuses)', async () => {
    await controls.fault({ kind: 'validation', model: 'res.partner', method: 'create', times: -1, contains: 'bad@' });
    const refused = odoo.execute_kw('res.partner', 'create', [
      [[{ name: 'Good' }, { name: 'Bad', email: 'bad@x.test' }]],
    ]);
    await expect(refused).rejects.toMatchObject({ faultCode: 2 });
    expect(await controls.records('res.partner')).toEqual([]); // the whole create is refused, as in Odoo
    expect(await odoo.create('res.partner', { name: 'Good', email: 'good@x.test' })).toBeGreaterThan(0);
    await expect(odoo.create('res.partner', { name: 'Bad', email: 'bad@x.test' })).rejects.toMatchObject({
      faultCode: 2,
    });
  });

  it('validation and server faults, until cleared with times: -1', async () => {
    await controls.fault({ kind: 'server', times: -1 });
    await controls.fault({ kind: 'validation', model: 'res.partner' }); // the first matching plan wins
    for (let attempt = 0; attempt < 2; attempt++) {
      await expect(odoo.search('res.partner', [])).rejects.toMatchObject({
        faultCode: 1,
        faultString: expect.stringContaining('psycopg2.OperationalError'),
      });
    }
    await controls.clear();
    expect(await odoo.search('res.partner', [])).toEqual([]);
  });
});

describe('network faults', () => {
  it('down drops every call without an answer until up', async () => {
    await controls.down();
    await expect(odoo.search('res.partner', [])).rejects.toMatchObject({ code: 'ECONNRESET' });
    await expect(client().connect()).rejects.toMatchObject({ code: 'ECONNRESET' });
    await controls.up();
    expect(await odoo.search('res.partner', [])).toEqual([]);
  });

  it('down for some milliseconds comes back by itself', async () => {
    await controls.down(150);
    await expect(odoo.search('res.partner', [])).rejects.toMatchObject({ code: 'ECONNRESET' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await odoo.search('res.partner', [])).toEqual([]);
  });

  it('flaky after applying: the call fails but the record exists', async () => {
    await controls.flaky(1, { when: 'after' });
    await expect(odoo.create('res.partner', { name: 'Written, answer lost' })).rejects.toMatchObject({
      code: 'ECONNRESET',
    });
    await controls.flaky(0);
    expect((await controls.records('res.partner')).map((partner) => partner.name)).toEqual(['Written, answer lost']);
    const [call] = await controls.calls({ modelMethod: 'create' });
    expect(call).toMatchObject({
      service: 'object',
      method: 'execute_kw',
      model: 'res.partner',
      ok: false,
      outcome: 'dropped',
      applied: true,
    });
  });

  it('flaky before applying: the call fails and nothing is written', async () => {
    await controls.flaky(1, { when: 'before' });
    await expect(odoo.create('res.partner', { name: 'Never written' })).rejects.toMatchObject({ code: 'ECONNRESET' });
    await controls.clear();
    expect(await controls.records('res.partner')).toEqual([]);
  });

  it('flaky at a rate drops about that share of calls, both halves, reproducibly per seed', async () => {
    await controls.flaky(0.5, { seed: 7 });
    const outcomes = [];
    for (let index = 0; index < 40; index++) {
      outcomes.push(
        await odoo.create('crm.tag', { name: `t${index}` }).then(
          () => 'ok',
          () => 'failed',
        ),
      );
    }
    await controls.flaky(0);
    const failed = outcomes.filter((outcome) => outcome === 'failed').length;
    expect(failed).toBeGreaterThan(8);
    expect(failed).toBeLessThan(32);
    const calls = await controls.calls({ modelMethod: 'create' });
    const lost = calls.filter((call) => call.outcome === 'dropped' && call.applied).length;
    expect(lost).toBeGreaterThan(0);
    expect(lost).toBeLessThan(failed);
    expect(await controls.records('crm.tag')).toHaveLength(40 - failed + lost);
  });

  it('max-calls answers 429 to ORM calls beyond the rate (a token bucket) until it refills', async () => {
    await controls.clearCalls();
    await controls.maxCalls(2);
    await odoo.search('res.partner', []);
    await odoo.search('res.partner', []);
    await expect(
      rawCall('object', 'execute_kw', [fake.db, 2, fake.password, 'res.partner', 'search', [[]]]),
    ).rejects.toThrow();
    const outcomes = (await controls.calls({ modelMethod: 'search' })).map((call) => call.outcome);
    expect(outcomes).toEqual(['result', 'result', 'fault']);
    await new Promise((resolve) => setTimeout(resolve, 600)); // half a second: one call's token back
    expect(await odoo.search('res.partner', [])).toEqual([]);
    await controls.maxCalls(0);
    for (let call = 0; call < 5; call++) await odoo.search('res.partner', []);
  });

  it('slow holds every answer back', async () => {
    await controls.slow(150);
    const started = Date.now();
    await odoo.search('res.partner', []);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('records the calls it received, for tests that check a client stopped calling', async () => {
    await controls.clearCalls();
    await odoo.search('res.partner', []);
    await controls.down();
    await odoo.search('crm.lead', []).catch(() => undefined);
    await controls.up();
    expect(await controls.calls()).toEqual([
      expect.objectContaining({
        service: 'object',
        method: 'execute_kw',
        model: 'res.partner',
        modelMethod: 'search',
        ok: true,
        outcome: 'result',
      }),
      expect.objectContaining({
        model: 'crm.lead',
        modelMethod: 'search',
        ok: false,
        outcome: 'dropped',
        applied: false,
      }),
    ]);
  });
});

describe('controls', () => {
  it('seeds records and resets to a fresh database with languages and the API user', async () => {
    const [id] = await controls.seed('res.partner', { name: 'Seeded', email: 'seed@example.com' });
    expect(await odoo.search('res.partner', [['email', '=', 'seed@example.com']])).toEqual([id]);
    await controls.reset();
    expect(await controls.records('res.partner')).toEqual([]);
    expect((await controls.records('res.lang')).map((language) => language.code)).toEqual(['en_US', 'de_DE']);
    const [user] = await odoo.execute_kw('res.users', 'read', [[2], { fields: ['name', 'login'] }]);
    expect(user).toEqual({ id: 2, name: expect.any(String), login: fake.login });
  });
});
