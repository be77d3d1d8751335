/**
 * Lead events reach Odoo CRM through the leads outbox: a real Strapi on PostgreSQL, the plugin's
 * real transports (odoo-await over XML-RPC, fetch over JSON-2), and a fake Odoo speaking both from
 * one database (tests/fakes/odoo/). Every test runs over both protocols.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { adminToken, api, clientIp } from '../helpers/http';
import { rows } from '../helpers/db';
import { eventually } from '../helpers/wait';
import { confirmedContact, submission, uniqueEmail } from '../helpers/leads';
import { fakeOdoo } from '../fakes/odoo-client';

const submit = (body: unknown) => api('/api/leads/submissions', { method: 'POST', json: body, ip: clientIp() });

const odooRows = (email: string) =>
  rows(
    `select o.* from leads_outbox o join leads_contacts c on c.id = o.contact_id where c.email = $1 and o.topic = 'odoo.upsert-lead' order by o.id`,
    [email],
  );

/** Waits until every Odoo event of this address is done (or dead) and returns the rows. */
const settled = (email: string, timeoutMs = 20_000) =>
  eventually(
    async () => {
      const outbox = await odooRows(email);
      return outbox.length > 0 && outbox.every((row) => row.status === 'done' || row.status === 'dead') && outbox;
    },
    { timeoutMs, what: `Odoo events of ${email}` },
  );

async function partnersFor(email: string) {
  return (await fakeOdoo.records('res.partner')).filter((partner: any) => partner.email === email);
}

async function leadsFor(email: string) {
  return (await fakeOdoo.records('crm.lead')).filter((lead: any) => lead.email_from === email);
}

/**
 * Submits `emails` while the Odoo topic is busy with a first lead whose calls the fake answers
 * slowly: the worker claims them meanwhile, and they go to Odoo in one batch when it is free.
 */
async function submitAsOneBatch(emails: string[]) {
  const first = uniqueEmail('odoo-first');
  await fakeOdoo.slow(700);
  await submit(submission({ email: first }));
  await eventually(async () => (await odooRows(first))[0]?.status === 'processing', {
    what: 'the first lead in delivery',
  });
  const answers = await Promise.all(emails.map((email) => submit(submission({ email }))));
  expect(answers.map((answer) => answer.status)).toEqual(emails.map(() => 201));
  // the first lead's delivery takes 3 slow calls or more (2.1 s): these are claimed on their NOTIFY before it ends
  await new Promise((resolve) => setTimeout(resolve, 300));
  await fakeOdoo.slow(0);
  await settled(first);
}

/** The create calls at the fake that made any of these records. */
const createsOf = async (model: string, ids: number[]) =>
  (await fakeOdoo.calls({ model, modelMethod: 'create' })).filter((call) =>
    call.created?.some((id) => ids.includes(id)),
  );

let auth: Record<string, string>;

beforeAll(async () => {
  auth = { Authorization: `Bearer ${await adminToken()}` };
});

beforeEach(async () => {
  await fakeOdoo.clear();
});
/** The same suite over each protocol: the fake pretends to be that Odoo version, and the plugin
 * (ODOO_PROTOCOL=auto in the test setup) finds it again through the admin's connection test. */
const PROTOCOLS = [
  { protocol: 'xmlrpc', version: 17, service: 'object' },
  { protocol: 'json2', version: 19, service: 'json2' },
] as const;

/** An upgrade (or downgrade) of the Odoo behind ODOO_URL; the connection test asks /web/version again. */
async function switchOdoo(version: 17 | 18 | 19) {
  await fakeOdoo.setVersion(version);
  const response = await api('/odoo-sync/test-connection', { method: 'POST', headers: auth });
  expect(response.status).toBe(200);
  return response.body.data;
}

afterAll(async () => {
  // the other files expect the default: Odoo 17 over XML-RPC
  await switchOdoo(17);
});

describe.each(PROTOCOLS)('over $protocol (Odoo $version)', ({ protocol, version, service }) => {
  beforeAll(async () => {
    expect(await switchOdoo(version)).toMatchObject({ ok: true, protocol, version: `${version}.0` });
  });
  describe('odoo sync', () => {
    it("turns a confirmed contact's form submission into one partner under its company and one lead with the right fields", async () => {
      const email = uniqueEmail('odoo');
      const company = `Odoo Test ${crypto.randomBytes(3).toString('hex')} GmbH`;
      // confirmed: its input may create the company partner and UTM records (ADR 0014)
      await confirmedContact(email);
      await submit(
        submission({
          email,
          firstName: 'Jürgen',
          lastName: 'Schmidt',
          company,
          jobTitle: 'Head of Sales',
          phone: '+49 30 123456',
          locale: 'de',
          message: 'Wir brauchen ein Angebot.',
          consent: { dataProcessing: true, marketingEmail: true, textVersion: 'contact-2026-11' },
          utm: { source: 'linkedin', medium: 'social', campaign: 'q4-launch' },
        }),
      );
      const [row] = await settled(email);
      expect(row.status).toBe('done');

      const [person, ...twins] = await partnersFor(email);
      expect(twins).toHaveLength(0);
      expect(person).toMatchObject({
        name: 'Jürgen Schmidt',
        phone: '+49 30 123456',
        function: 'Head of Sales',
        is_company: false,
        lang: 'de_DE',
      });
      expect(person.ref).toMatch(/^magnetiq:/);
      const companies = (await fakeOdoo.records('res.partner')).filter((partner: any) => partner.name === company);
      expect(companies).toHaveLength(1);
      expect(companies[0].is_company).toBe(true);
      expect(person.parent_id).toBe(companies[0].id);

      const [lead, ...more] = await leadsFor(email);
      expect(more).toHaveLength(0);
      expect(lead).toMatchObject({
        type: 'lead',
        name: `Contact form: ${company}`,
        partner_id: person.id,
        contact_name: 'Jürgen Schmidt',
        partner_name: company,
        phone: '+49 30 123456',
      });
      const names = async (model: string, ids: number[]) =>
        (await fakeOdoo.records(model))
          .filter((record: any) => ids.includes(record.id))
          .map((record: any) => record.name);
      expect(await names('utm.source', [lead.source_id])).toEqual(['linkedin']);
      expect(await names('utm.medium', [lead.medium_id])).toEqual(['social']);
      expect(await names('utm.campaign', [lead.campaign_id])).toEqual(['q4-launch']);
      expect(await names('crm.tag', lead.tag_ids)).toEqual(['Contact form']);
      expect((await fakeOdoo.records('res.lang')).find((language: any) => language.id === lead.lang_id)?.code).toBe(
        'de_DE',
      );
      // created over this protocol
      const creates = await fakeOdoo.calls({ model: 'crm.lead', modelMethod: 'create' });
      expect(creates.at(-1)?.service).toBe(service);
      expect(lead.description).toContain('Wir brauchen ein Angebot.');
      // the contact confirmed its address before: the marketing consent is granted at once
      expect(lead.description).toContain('marketing-email: granted');
      expect(lead.description).toMatch(/\[magnetiq-lead:[^\]]+\]/);

      // the outbox row records what was created, and our side knows the Odoo ids
      expect(row.result).toMatchObject({ partnerId: person.id, leadId: lead.id, created: true });
    });

    it('never writes to an Odoo partner Magnetiq did not create: links the lead to it and leaves a note (issue 17)', async () => {
      const email = uniqueEmail('customer');
      const suffix = crypto.randomBytes(3).toString('hex');
      const [customerCompany] = await fakeOdoo.seed('res.partner', {
        name: `Real Customer ${suffix} AG`,
        is_company: true,
      });
      const [customer] = await fakeOdoo.seed('res.partner', {
        name: 'Carla Customer',
        email,
        phone: '+49 30 111',
        function: 'CFO',
        parent_id: customerCompany,
        ref: 'CUST-0042',
      });
      const before = (await fakeOdoo.records('res.partner')).find((partner: any) => partner.id === customer);

      // a stranger types the customer's address with other details
      await submit(
        submission({
          email,
          firstName: 'Mallory',
          lastName: 'Attacker',
          company: `Evil ${suffix} Corp`,
          phone: '+1 666 666',
          jobTitle: 'Fraud Lead',
          message: 'Please call me.',
        }),
      );
      const [row] = await settled(email);
      expect(row.status).toBe('done');

      const after = (await fakeOdoo.records('res.partner')).find((partner: any) => partner.id === customer);
      expect(after).toEqual(before);
      expect(await partnersFor(email)).toHaveLength(1);
      expect(
        (await fakeOdoo.records('res.partner')).filter((partner: any) =>
          String(partner.name).includes(`Evil ${suffix}`),
        ),
      ).toEqual([]);
      const [lead] = await leadsFor(email);
      expect(lead.partner_id).toBe(customer);
      expect(lead.description).toContain(`existing Odoo partner #${customer}, which Magnetiq did not create`);
      expect(lead.description).toContain('name "Mallory Attacker"');
      expect(row.result).toMatchObject({ partnerId: customer, partnerNotCreatedByMagnetiq: true });
    });

    it('creates no company partner and no UTM record from an unconfirmed contact; existing UTM records are still used (issue 17)', async () => {
      const email = uniqueEmail('anonymous');
      const suffix = crypto.randomBytes(3).toString('hex');
      const [knownSource] = await fakeOdoo.seed('utm.source', { name: `known-source-${suffix}` });
      await submit(
        submission({
          email,
          company: `Typed Company ${suffix}`,
          utm: { source: `known-source-${suffix}`, medium: `new-medium-${suffix}`, campaign: `new-campaign-${suffix}` },
        }),
      );
      const [row] = await settled(email);
      expect(row.status).toBe('done');

      const all = await fakeOdoo.records('res.partner');
      expect(all.filter((partner: any) => String(partner.name).includes(`Typed Company ${suffix}`))).toEqual([]);
      const [person] = await partnersFor(email);
      expect(person.parent_id).toBe(false);
      expect(
        (await fakeOdoo.records('utm.medium')).filter((medium: any) => medium.name === `new-medium-${suffix}`),
      ).toEqual([]);
      expect(
        (await fakeOdoo.records('utm.campaign')).filter((campaign: any) => campaign.name === `new-campaign-${suffix}`),
      ).toEqual([]);
      const [lead] = await leadsFor(email);
      expect(lead).toMatchObject({
        source_id: knownSource,
        medium_id: false,
        campaign_id: false,
        partner_name: `Typed Company ${suffix}`,
      });
    });

    it('updates the same partner and lead when the same address writes again', async () => {
      const email = uniqueEmail('odoo-again');
      await submit(submission({ email, message: 'First question.' }));
      await settled(email);
      await submit(submission({ email: email.toUpperCase(), message: 'Second question.', phone: '+49 89 555' }));
      const outbox = await settled(email);
      expect(outbox.map((row) => row.status)).toEqual(['done', 'done']);

      expect(await partnersFor(email)).toHaveLength(1);
      const leads = await leadsFor(email);
      expect(leads).toHaveLength(1);
      expect(leads[0].description).toContain('First question.');
      expect(leads[0].description.indexOf('Second question.')).toBeLessThan(
        leads[0].description.indexOf('First question.'),
      );
      expect(leads[0].phone).toBe('+49 89 555');
    });

    it('waits out an Odoo outage and then delivers exactly once', async () => {
      const email = uniqueEmail('odoo-down');
      await fakeOdoo.down();
      await submit(submission({ email }));
      const [failing] = await eventually(
        async () => {
          const found = await odooRows(email);
          return found.length > 0 && found[0].attempts >= 1 && found[0].last_error && found;
        },
        { what: 'a failed attempt' },
      );
      // waiting for its retry, or already in its next attempt (the worker retries on a timer of its own)
      expect(['pending', 'processing']).toContain(failing.status);
      expect(failing.last_error).toMatch(/unreachable|ECONNRESET|socket/i);

      await fakeOdoo.up();
      const [row] = await settled(email, 30_000);
      expect(row.status).toBe('done');
      expect(await partnersFor(email)).toHaveLength(1);
      expect(await leadsFor(email)).toHaveLength(1);
    });

    it('sends an access error to dead-letter at once, and a replay after the fix delivers it', async () => {
      const email = uniqueEmail('odoo-access');
      await fakeOdoo.fault({ kind: 'access', model: 'crm.lead', method: 'create', times: -1 });
      await submit(submission({ email }));
      const [dead] = await settled(email);
      expect(dead).toMatchObject({ status: 'dead', attempts: 1 });
      expect(dead.last_error).toMatch(/access error: You are not allowed/i);
      expect(await leadsFor(email)).toHaveLength(0);

      await fakeOdoo.clear();
      expect((await api(`/leads/outbox/${dead.id}/replay`, { method: 'POST', headers: auth })).status).toBe(200);
      const [row] = await settled(email);
      expect(row.status).toBe('done');
      expect(await partnersFor(email)).toHaveLength(1);
      expect(await leadsFor(email)).toHaveLength(1);
    });

    it('ends 200 submissions during a flapping Odoo with 200 leads, no duplicates, no loss', async () => {
      const run = crypto.randomBytes(3).toString('hex');
      const emails = Array.from({ length: 200 }, (_, index) => `flap-${run}-${index}@example.com`);
      await fakeOdoo.flaky(0.3);
      for (let start = 0; start < emails.length; start += 20) {
        const answers = await Promise.all(
          emails.slice(start, start + 20).map((email) => submit(submission({ email }))),
        );
        expect(answers.every((answer) => answer.status === 201)).toBe(true);
      }
      await eventually(
        async () => {
          const [{ open }] = await rows(
            `select count(*)::int as open from leads_outbox o join leads_contacts c on c.id = o.contact_id
             where c.email like $1 and o.topic = 'odoo.upsert-lead' and o.status not in ('done', 'dead')`,
            [`flap-${run}-%`],
          );
          return open === 0;
        },
        { timeoutMs: 150_000, intervalMs: 500, what: '200 Odoo events to settle' },
      );
      await fakeOdoo.flaky(0);

      const statuses = await rows(
        `select o.status, count(*)::int as count from leads_outbox o join leads_contacts c on c.id = o.contact_id
         where c.email like $1 and o.topic = 'odoo.upsert-lead' group by o.status`,
        [`flap-${run}-%`],
      );
      expect(statuses).toEqual([{ status: 'done', count: 200 }]);
      const ours = (email: unknown) => typeof email === 'string' && email.startsWith(`flap-${run}-`);
      const leads = (await fakeOdoo.records('crm.lead')).filter((lead: any) => ours(lead.email_from));
      const partners = (await fakeOdoo.records('res.partner')).filter((partner: any) => ours(partner.email));
      expect(new Set(leads.map((lead: any) => lead.email_from)).size).toBe(200);
      expect(leads).toHaveLength(200);
      expect(partners).toHaveLength(200);
    }, 240_000);
  });

  describe('odoo sync faults and erase', () => {
    it('sends a batch of leads with one create per model, each lead and partner once', async () => {
      const emails = Array.from({ length: 8 }, (_, index) => uniqueEmail(`odoo-batch-${index}`));
      await submitAsOneBatch(emails);
      const rowsOf = await Promise.all(emails.map((email) => settled(email)));
      expect(rowsOf.map(([row, ...more]) => [row.status, row.attempts, more.length])).toEqual(
        emails.map(() => ['done', 1, 0]),
      );
      const partners = await Promise.all(emails.map((email) => partnersFor(email)));
      const leads = await Promise.all(emails.map((email) => leadsFor(email)));
      expect(partners.map((found) => found.length)).toEqual(emails.map(() => 1));
      expect(leads.map((found) => found.length)).toEqual(emails.map(() => 1));
      expect(leads.map(([lead], index) => lead.partner_id === partners[index][0].id)).toEqual(emails.map(() => true));

      const partnerIds = partners.map(([partner]) => partner.id);
      const leadIds = leads.map(([lead]) => lead.id);
      const partnerCreates = await createsOf('res.partner', partnerIds);
      const leadCreates = await createsOf('crm.lead', leadIds);
      expect(partnerCreates).toHaveLength(1);
      expect(partnerCreates[0].created).toEqual(expect.arrayContaining(partnerIds));
      expect(leadCreates).toHaveLength(1);
      expect(leadCreates[0].created).toEqual(expect.arrayContaining(leadIds));
      expect(leadCreates[0].service).toBe(service);
    });

    it(`dead-letters the one record Odoo rejects (${protocol === 'json2' ? 'HTTP 422' : 'fault 2'}) and delivers the others of its batch`, async () => {
      const emails = Array.from({ length: 5 }, (_, index) => uniqueEmail(`odoo-422-${index}`));
      const bad = emails[2];
      await fakeOdoo.fault({ kind: 'validation', model: 'crm.lead', method: 'create', times: -1, contains: bad });
      await submitAsOneBatch(emails);
      const rowsOf = await Promise.all(emails.map((email) => settled(email)));
      expect(rowsOf.map(([row]) => row.status)).toEqual(emails.map((email) => (email === bad ? 'dead' : 'done')));
      const dead = rowsOf[2][0];
      expect(dead).toMatchObject({ attempts: 1 });
      expect(dead.last_error).toMatch(/rejected the data/);
      const leads = (await Promise.all(emails.map((email) => leadsFor(email)))).map((found) => found.length);
      expect(leads).toEqual(emails.map((email) => (email === bad ? 0 : 1)));
      // the partner step went through for all five: its record is there, once
      expect((await Promise.all(emails.map((email) => partnersFor(email)))).map((found) => found.length)).toEqual(
        emails.map(() => 1),
      );
      const rejected = (await fakeOdoo.calls({ model: 'crm.lead', modelMethod: 'create' })).filter(
        (call) => call.outcome === 'fault',
      );
      expect(rejected.at(-1)?.service).toBe(service);
    });

    it('waits out a rate-limited call (HTTP 429, Retry-After) and delivers it once, in the same attempt', async () => {
      const email = uniqueEmail('odoo-429');
      await fakeOdoo.fault({ kind: 'rate-limit', model: 'crm.lead', method: 'create', times: 2, retryAfter: 1 });
      await submit(submission({ email }));
      const [row] = await settled(email);
      // the call is repeated after Retry-After: a batch does not fail (and redo its lookups) for a 429
      expect(row).toMatchObject({ status: 'done', attempts: 1 });
      const [lead, ...twins] = await leadsFor(email);
      expect(twins).toHaveLength(0);
      const creates = (await fakeOdoo.calls({ model: 'crm.lead', modelMethod: 'create' })).slice(-3);
      expect(creates.map((call) => [call.service, call.outcome])).toEqual([
        [service, 'fault'],
        [service, 'fault'],
        [service, 'result'],
      ]);
      expect(creates[2].created).toEqual([lead.id]);
    });

    it('erases the contact in Odoo: our partner and lead anonymised and archived', async () => {
      const email = uniqueEmail('odoo-erase');
      await submit(submission({ email, phone: '+49 30 987654' }));
      await settled(email);
      const [contact] = await rows(`select document_id from leads_contacts where email = $1`, [email]);
      const erased = await api(`/leads/contacts/${contact.document_id}/erase`, { method: 'POST', headers: auth });
      expect(erased.status, JSON.stringify(erased.body)).toBe(200);
      await eventually(
        async () =>
          (
            await rows(`select status from leads_outbox where idempotency_key = $1`, [
              `odoo:erase:${contact.document_id}`,
            ])
          )[0]?.status === 'done',
        { timeoutMs: 20_000, what: 'the Odoo erase delivery' },
      );
      const partners = (await fakeOdoo.records('res.partner')).filter(
        (partner) => partner.ref === `magnetiq:${contact.document_id}`,
      );
      expect(partners).toHaveLength(1);
      expect(partners[0]).toMatchObject({ name: 'Erased contact', email: false, phone: false, active: false });
      expect(await partnersFor(email)).toEqual([]);
      expect(await leadsFor(email)).toEqual([]);
      const writes = await fakeOdoo.calls({ model: 'res.partner', modelMethod: 'write' });
      expect(writes.at(-1)?.service).toBe(service);
    });
  });

  describe('odoo sync admin', () => {
    it('reports the connection, the counts and the mapping', async () => {
      const response = await api('/odoo-sync/status', { headers: auth });
      expect(response.status).toBe(200);
      expect(response.body.data.connection).toMatchObject({
        configured: true,
        circuit: 'closed',
        unreachableSince: null,
      });
      expect(response.body.data.counts.done).toBeGreaterThan(0);
      expect(response.body.data.linked['crm.lead']).toBeGreaterThan(0);
      expect(response.body.data.mapping.length).toBeGreaterThan(5);
    });

    it('tests the connection: protocol, version and user', async () => {
      const response = await api('/odoo-sync/test-connection', { method: 'POST', headers: auth });
      expect(response.body.data).toMatchObject({
        ok: true,
        protocol,
        version: `${version}.0`,
        user: 'Magnetiq Integration',
      });
      expect((await api('/odoo-sync/status', { headers: auth })).body.data.connection).toMatchObject({
        protocolSetting: 'auto',
        protocol,
        version: `${version}.0`,
      });
    });

    it('opens the circuit while Odoo is down and says since when', async () => {
      await fakeOdoo.down();
      const email = uniqueEmail('odoo-circuit');
      await Promise.all(Array.from({ length: 3 }, () => submit(submission({ email: uniqueEmail('odoo-circuit') }))));
      await submit(submission({ email }));
      const status = await eventually(
        async () => {
          const response = await api('/odoo-sync/status', { headers: auth });
          return response.body.data.connection.circuit === 'open' && response.body.data.connection;
        },
        { timeoutMs: 20_000, what: 'the circuit to open' },
      );
      expect(new Date(status.unreachableSince).getTime()).toBeLessThanOrEqual(Date.now());
      // While open, events wait instead of calling: at most one trial call per reset period
      // (ODOO_BREAKER_RESET_MS=5000 in the test setup), though five events are due.
      const callsBefore = (await fakeOdoo.calls()).length;
      const attemptsBefore = (await odooRows(email))[0].attempts;
      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect((await fakeOdoo.calls()).length - callsBefore).toBeLessThanOrEqual(1);
      expect((await odooRows(email))[0].attempts - attemptsBefore).toBeLessThanOrEqual(1);
      await fakeOdoo.up();
      await settled(email, 30_000);
    });

    it('re-syncs one contact on request without creating a second lead', async () => {
      const email = uniqueEmail('odoo-resync');
      await submit(submission({ email }));
      await settled(email);
      const [contact] = await rows(`select document_id from leads_contacts where email = $1`, [email]);
      const response = await api(`/odoo-sync/contacts/${contact.document_id}/resync`, {
        method: 'POST',
        headers: auth,
      });
      expect(response.body.data).toEqual({ queued: 1 });
      const outbox = await eventually(
        async () => {
          const found = await odooRows(email);
          return found.length === 2 && found.every((row) => row.status === 'done') && found;
        },
        { what: 'the re-sync to finish' },
      );
      expect(outbox).toHaveLength(2);
      expect(await leadsFor(email)).toHaveLength(1);
      expect(
        (await api('/odoo-sync/contacts/nosuchcontact000000000000/resync', { method: 'POST', headers: auth })).status,
      ).toBe(404);
    });
  });
});

describe('ODOO_PROTOCOL=auto', () => {
  it('speaks XML-RPC to Odoo 17 and 18 and JSON-2 to Odoo 19, and delivers over it', async () => {
    for (const [version, protocol, service] of [
      [17, 'xmlrpc', 'object'],
      [18, 'xmlrpc', 'object'],
      [19, 'json2', 'json2'],
    ] as const) {
      expect(await switchOdoo(version)).toMatchObject({ ok: true, protocol, version: `${version}.0` });
      const email = uniqueEmail(`odoo-auto-${version}`);
      await submit(submission({ email }));
      expect((await settled(email))[0].status).toBe('done');
      const creates = await fakeOdoo.calls({ model: 'crm.lead', modelMethod: 'create' });
      expect(creates.at(-1), `Odoo ${version}`).toMatchObject({ service, ok: true });
    }
  });
});
