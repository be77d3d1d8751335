/**
 * What happens after a lead is accepted: the outbox worker delivers emails to (fake) SendGrid,
 * retries outages and rate limits, dead-letters, recovers crashed deliveries; double opt-in and
 * unsubscribe links work; GDPR export and erase from the admin API are audited.
 */
import crypto from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it, inject } from 'vitest';
import { signToken } from '@magnetiq/plugin-kit/server';
import { adminToken, api, clientIp } from '../helpers/http';
import { count, rows } from '../helpers/db';
import { eventually } from '../helpers/wait';
import { submission, uniqueEmail } from '../helpers/leads';
import { fakeSendGrid } from '../fakes/sendgrid-client';

const submit = (body: unknown) => api('/api/leads/submissions', { method: 'POST', json: body, ip: clientIp() });

const emailRows = (email: string) =>
  rows(
    `select o.* from leads_outbox o join leads_contacts c on c.id = o.contact_id
     where c.email = $1 and o.topic = 'email.send' order by o.id`,
    [email],
  );

/** Waits until every email of this address has left pending/processing. */
const settled = (email: string, timeoutMs = 20_000) =>
  eventually(
    async () => {
      const outbox = await emailRows(email);
      return outbox.length > 0 && outbox.every((row) => row.status === 'done' || row.status === 'dead') && outbox;
    },
    { timeoutMs, what: `emails of ${email} to settle` },
  );

const linkIn = (text: string, path: string) => {
  const match = text.match(new RegExp(`https?://[^\\s"<>]+${path.replace('/', '\\/')}\\?token=[^\\s"<>]+`));
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return match[0];
};

beforeEach(async () => {
  await fakeSendGrid.clearFailures();
});

describe('email delivery through the outbox', () => {
  it('sends the confirmation, receipt and sales emails once each, with the idempotency key in custom_args', async () => {
    const email = uniqueEmail('deliver');
    expect(
      (await submit(submission({ email, consent: { dataProcessing: true, marketingEmail: true, textVersion: 'v1' } })))
        .status,
    ).toBe(201);

    const outbox = await settled(email);
    expect(outbox.map((row) => row.status)).toEqual(['done', 'done', 'done']);
    for (const row of outbox) {
      const sent = await fakeSendGrid.withKey(row.idempotency_key);
      expect(sent, row.idempotency_key).toHaveLength(1);
    }
    const toVisitor = await fakeSendGrid.to(email);
    expect(toVisitor.map((message) => message.body.custom_args.template).sort()).toEqual([
      'confirm-subscription',
      'contact-receipt',
    ]);
    const plainText = (message: { body: any }) =>
      message.body.content.find((part: any) => part.type === 'text/plain').value as string;
    const toSales = (await fakeSendGrid.to('sales@magnetiq.test')).filter((message) =>
      plainText(message).includes(email),
    );
    expect(toSales).toHaveLength(1);
  });

  it("never echoes the visitor's message into the receipt to the unverified address (phishing relay, issue 17); sales still read it", async () => {
    const email = uniqueEmail('relay');
    const phishing =
      'URGENT: your invoice is overdue. Pay now at https://evil.example/pay?id=4711 or your account is closed.';
    expect((await submit(submission({ email, firstName: 'Billing Department', message: phishing }))).status).toBe(201);
    await settled(email);

    const [receipt] = (await fakeSendGrid.to(email)).filter(
      (message) => message.body.custom_args.template === 'contact-receipt',
    );
    expect(receipt).toBeDefined();
    for (const part of [receipt.body.subject, ...receipt.body.content.map((content: any) => content.value)]) {
      expect(part).not.toContain('evil.example');
      expect(part).not.toContain('invoice is overdue');
      expect(part).not.toContain('Billing Department');
    }
    // it says what was received, in our words, and links to our site
    const plain = receipt.body.content.find((part: any) => part.type === 'text/plain').value as string;
    expect(plain).toContain('contact form');
    expect(plain).toContain(`${inject('siteUrl')}/en/`);
    // the internal notification to sales keeps the text
    const toSales = (await fakeSendGrid.to('sales@magnetiq.test')).filter((message) =>
      message.body.content[0].value.includes(email),
    );
    expect(toSales.map((message) => message.body.content[0].value).join('\n')).toContain(
      'https://evil.example/pay?id=4711',
    );
  });

  it('retries a SendGrid outage and a 429 and then delivers each email exactly once', async () => {
    const email = uniqueEmail('retry');
    await fakeSendGrid.fail(500, 2);
    await fakeSendGrid.fail(429, 1);
    expect((await submit(submission({ email }))).status).toBe(201);

    const outbox = await settled(email);
    expect(outbox.every((row) => row.status === 'done')).toBe(true);
    // two failed attempts (the 500s) spread over the two emails of this lead, then success; the
    // 429 paused the emails until its reset without using an attempt (ADR 0025)
    expect(outbox.reduce((sum, row) => sum + row.attempts, 0)).toBe(outbox.length + 2);
    for (const row of outbox) expect(await fakeSendGrid.withKey(row.idempotency_key)).toHaveLength(1);
  });

  it('dead-letters after the last attempt, shows the error to the admin, and delivers on replay', async () => {
    const email = uniqueEmail('dead');
    await fakeSendGrid.fail(503, 1000);
    expect((await submit(submission({ email }))).status).toBe(201);

    const outbox = await settled(email);
    expect(outbox.map((row) => row.status)).toEqual(['dead', 'dead']);
    expect(outbox[0].attempts).toBe(4);
    expect(outbox[0].last_error).toContain('SendGrid 503');
    await fakeSendGrid.clearFailures();

    const token = await adminToken();
    const auth = { Authorization: `Bearer ${token}` };
    const stats = await api('/leads/outbox/stats', { headers: auth });
    expect(stats.body.data.byStatus.dead).toBeGreaterThanOrEqual(2);
    const dead = await api('/leads/outbox?status=dead&pageSize=100', { headers: auth });
    const listed = dead.body.data.find((row: any) => row.id === outbox[0].id);
    expect(listed).toMatchObject({ status: 'dead', attempts: 4, lastError: expect.stringContaining('503') });

    for (const row of outbox) {
      const replay = await api(`/leads/outbox/${row.id}/replay`, { method: 'POST', headers: auth });
      expect(replay.status).toBe(200);
    }
    const after = await settled(email);
    expect(after.map((row) => row.status)).toEqual(['done', 'done']);
    for (const row of after) expect(await fakeSendGrid.withKey(row.idempotency_key)).toHaveLength(1);

    // replay is for dead rows only
    expect((await api(`/leads/outbox/${outbox[0].id}/replay`, { method: 'POST', headers: auth })).status).toBe(404);
    expect(
      await count(`select count(*) from leads_audit_logs where action = 'outbox.replay' and subject_id = $1`, [
        String(outbox[0].id),
      ]),
    ).toBe(1);
  });

  it('dead-letters a message SendGrid rejects as invalid at once, without retrying', async () => {
    const email = uniqueEmail('rejected');
    await fakeSendGrid.fail(400, 2);
    expect((await submit(submission({ email }))).status).toBe(201);
    const outbox = await settled(email);
    expect(outbox.map((row) => [row.status, row.attempts])).toEqual([
      ['dead', 1],
      ['dead', 1],
    ]);
  });

  it('recovers a row left in processing by a crashed worker and sends it once', async () => {
    const email = uniqueEmail('crashed');
    const key = `email:contact-receipt:test-${crypto.randomBytes(4).toString('hex')}`;
    await rows(
      `insert into leads_outbox (document_id, topic, payload, idempotency_key, status, attempts, next_attempt_at, locked_at, locked_by, created_at, updated_at, published_at)
       values ($1, 'email.send', $2, $3, 'processing', 1, now(), now() - interval '10 minutes', 'dead-host:1', now(), now(), now())`,
      [
        crypto.randomUUID(),
        JSON.stringify({
          template: 'contact-receipt',
          locale: 'de',
          to: email,
          data: { firstName: 'Ada', message: 'Hallo' },
        }),
        key,
      ],
    );

    const [row] = await eventually(
      async () => {
        const found = await rows(`select * from leads_outbox where idempotency_key = $1 and status = 'done'`, [key]);
        return found.length > 0 && found;
      },
      { what: 'the stuck row to be delivered' },
    );
    expect(row.last_error).toBeNull();
    expect(row.attempts).toBe(2);
    const sent = await fakeSendGrid.withKey(key);
    expect(sent).toHaveLength(1);
    expect(sent[0].body.subject).toMatch(/Nachricht|Anfrage|Danke/);
  });

  it('does not send twice when the crash came after SendGrid accepted the email', async () => {
    const email = uniqueEmail('sent-before-crash');
    const key = `email:contact-receipt:test-${crypto.randomBytes(4).toString('hex')}`;
    // the email log says it went out; the outbox row never got marked done
    await rows(
      `insert into leads_emails (document_id, "to", subject, template, transport, provider_message_id, idempotency_key, sent_at, created_at, updated_at, published_at)
       values ($1, $2, 'Thanks', 'contact-receipt', 'sendgrid', 'earlier-id', $3, now(), now(), now(), now())`,
      [crypto.randomUUID(), email, key],
    );
    await rows(
      `insert into leads_outbox (document_id, topic, payload, idempotency_key, status, attempts, next_attempt_at, locked_at, locked_by, created_at, updated_at, published_at)
       values ($1, 'email.send', $2, $3, 'processing', 1, now(), now() - interval '10 minutes', 'dead-host:1', now(), now(), now())`,
      [
        crypto.randomUUID(),
        JSON.stringify({ template: 'contact-receipt', locale: 'en', to: email, data: { message: 'Hi' } }),
        key,
      ],
    );
    await eventually(
      async () =>
        (await count(`select count(*) from leads_outbox where idempotency_key = $1 and status = 'done'`, [key])) === 1,
      {
        what: 'the recovered row to finish',
      },
    );
    expect(await fakeSendGrid.withKey(key)).toHaveLength(0);
  });
});

describe('double opt-in and unsubscribe', () => {
  it("links the confirmation email to the site's page; a scanner's GET confirms nothing; the POST from the page does (issue 17)", async () => {
    const email = uniqueEmail('optin');
    await submit(
      submission({ email, locale: 'de', consent: { dataProcessing: true, marketingEmail: true, textVersion: 'v2' } }),
    );
    await settled(email);
    const [confirmation] = (await fakeSendGrid.to(email)).filter(
      (message) => message.body.custom_args.template === 'confirm-subscription',
    );
    const text = confirmation.body.content.find((part: any) => part.type === 'text/plain').value;
    const link = linkIn(text, '/de/confirm-subscription/');
    expect(link.startsWith(`${inject('siteUrl')}/de/confirm-subscription/?token=`)).toBe(true);
    const token = new URL(link).searchParams.get('token')!;
    // the email log the admin reads keeps the text but not the link's token
    const [logged] = await rows(`select text from leads_emails where "to" = $1 and template = 'confirm-subscription'`, [
      email,
    ]);
    expect(logged.text).toContain('token=[redacted]');
    expect(logged.text).not.toContain(token);

    const [contact] = await rows(`select * from leads_contacts where email = $1`, [email]);
    const marketingGrants = () =>
      count(
        `select count(*) from leads_consents c join leads_consents_contact_lnk l on l.consent_id = c.id where l.contact_id = $1 and c.purpose = 'marketing-email' and c.action = 'granted'`,
        [contact.id],
      );
    const confirmedActivities = () =>
      count(
        `select count(*) from leads_activities a join leads_activities_contact_lnk l on l.activity_id = a.id where l.contact_id = $1 and a.type = 'email-confirmed'`,
        [contact.id],
      );

    // a mail scanner opens the site page and the CMS's own link (the one older emails carried), as a browser and as a bot
    expect((await fetch(link, { headers: { Accept: 'text/html' } })).status).toBe(200);
    const scanned = await fetch(`${inject('cmsUrl')}/api/leads/confirm?token=${encodeURIComponent(token)}`, {
      redirect: 'manual',
      headers: { Accept: 'text/html' },
    });
    expect(scanned.status).toBe(302);
    expect(scanned.headers.get('location')).toBe(
      `${inject('siteUrl')}/de/confirm-subscription/?token=${encodeURIComponent(token)}`,
    );
    const asJson = await api(`/api/leads/confirm?token=${encodeURIComponent(token)}`, { ip: clientIp() });
    expect(asJson.status).toBe(200);
    expect(asJson.body.data).toEqual({ status: 'pending', method: 'POST' });
    const unchanged = (await rows(`select status, confirmed_at from leads_contacts where id = $1`, [contact.id]))[0];
    expect(unchanged).toEqual({ status: 'new', confirmed_at: null });
    expect(await marketingGrants()).toBe(0);
    expect(await confirmedActivities()).toBe(0);

    // the page's button
    const pressed = await api('/api/leads/confirm', {
      method: 'POST',
      json: { token },
      ip: clientIp(),
      headers: { Origin: inject('siteUrl') },
    });
    expect(pressed.status, JSON.stringify(pressed.body)).toBe(200);
    expect(pressed.body.data).toEqual({ status: 'subscription-confirmed', language: 'de' });
    const [after] = await rows(`select * from leads_contacts where id = $1`, [contact.id]);
    expect(after.status).toBe('confirmed');
    expect(after.confirmed_at).not.toBeNull();
    expect(await marketingGrants()).toBe(1);
    expect(await confirmedActivities()).toBe(1);

    // a second press changes nothing
    const again = await api('/api/leads/confirm', { method: 'POST', json: { token }, ip: clientIp() });
    expect(again.status).toBe(200);
    expect(await confirmedActivities()).toBe(1);
  });

  it("a scanner's GET on the unsubscribe link keeps the contact subscribed; the page's POST unsubscribes (issue 17)", async () => {
    const email = uniqueEmail('unsub-get');
    await submit(submission({ email, consent: { dataProcessing: true, marketingEmail: true, textVersion: 'v2' } }));
    const [contact] = await rows(`select * from leads_contacts where email = $1`, [email]);
    await rows(`update leads_contacts set status = 'confirmed', confirmed_at = now() where id = $1`, [contact.id]);
    const token = signToken({ purpose: 'unsubscribe', subject: contact.document_id }, inject('leadsTokenSecret'));
    const withdrawals = () =>
      count(
        `select count(*) from leads_consents c join leads_consents_contact_lnk l on l.consent_id = c.id where l.contact_id = $1 and c.action = 'withdrawn'`,
        [contact.id],
      );

    const scanned = await fetch(`${inject('cmsUrl')}/api/leads/unsubscribe?token=${encodeURIComponent(token)}`, {
      redirect: 'manual',
      headers: { Accept: 'text/html' },
    });
    expect(scanned.status).toBe(302);
    expect(scanned.headers.get('location')).toBe(
      `${inject('siteUrl')}/en/unsubscribe/?token=${encodeURIComponent(token)}`,
    );
    expect((await api(`/api/leads/unsubscribe?token=${encodeURIComponent(token)}`, { ip: clientIp() })).status).toBe(
      200,
    );
    expect((await rows(`select status from leads_contacts where id = $1`, [contact.id]))[0].status).toBe('confirmed');
    expect(await withdrawals()).toBe(0);

    const pressed = await api('/api/leads/unsubscribe', {
      method: 'POST',
      json: { token },
      ip: clientIp(),
      headers: { Origin: inject('siteUrl') },
    });
    expect(pressed.status, JSON.stringify(pressed.body)).toBe(200);
    expect((await rows(`select status from leads_contacts where id = $1`, [contact.id]))[0].status).toBe(
      'unsubscribed',
    );
    expect(await withdrawals()).toBe(1);
  });

  it('refuses a tampered or expired confirmation link with 400 and changes nothing', async () => {
    const email = uniqueEmail('tamper');
    await submit(submission({ email, consent: { dataProcessing: true, marketingEmail: true, textVersion: 'v2' } }));
    const [contact] = await rows(`select * from leads_contacts where email = $1`, [email]);
    const secret = inject('leadsTokenSecret');

    const forged = signToken(
      { purpose: 'confirm', subject: contact.document_id, expiresAt: new Date(Date.now() + 3600_000) },
      'not-the-secret',
    );
    const forgedResponse = await api(`/api/leads/confirm?token=${forged}`);
    expect(forgedResponse.status).toBe(400);
    expect(forgedResponse.body.error.details.reason).toBe('bad-signature');

    const expired = signToken(
      { purpose: 'confirm', subject: contact.document_id, expiresAt: new Date(Date.now() - 1000) },
      secret,
    );
    const expiredResponse = await api(`/api/leads/confirm?token=${expired}`);
    expect(expiredResponse.status).toBe(400);
    expect(expiredResponse.body.error.details.reason).toBe('expired');

    const wrongPurpose = signToken({ purpose: 'unsubscribe', subject: contact.document_id }, secret);
    expect((await api(`/api/leads/confirm?token=${wrongPurpose}`)).status).toBe(400);

    const browser = await fetch(`${inject('cmsUrl')}/api/leads/confirm?token=${forged}`, {
      redirect: 'manual',
      headers: { Accept: 'text/html' },
    });
    expect(browser.headers.get('location')).toContain('/en/link-invalid/');

    expect((await rows(`select status from leads_contacts where id = $1`, [contact.id]))[0].status).toBe('new');
  });

  it('unsubscribes with one POST (RFC 8058) and withdraws marketing consent', async () => {
    const email = uniqueEmail('unsub');
    await submit(submission({ email, consent: { dataProcessing: true, marketingEmail: true, textVersion: 'v2' } }));
    const [contact] = await rows(`select * from leads_contacts where email = $1`, [email]);
    const token = signToken({ purpose: 'unsubscribe', subject: contact.document_id }, inject('leadsTokenSecret'));

    const response = await fetch(`${inject('cmsUrl')}/api/leads/unsubscribe?token=${encodeURIComponent(token)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(response.status).toBe(200);
    const [after] = await rows(`select status from leads_contacts where id = $1`, [contact.id]);
    expect(after.status).toBe('unsubscribed');
    const consents = await rows(
      `select c.purpose, c.action from leads_consents c join leads_consents_contact_lnk l on l.consent_id = c.id where l.contact_id = $1 order by c.id desc limit 1`,
      [contact.id],
    );
    expect(consents[0]).toEqual({ purpose: 'marketing-email', action: 'withdrawn' });
  });
});

describe('GDPR in the admin API', () => {
  let auth: Record<string, string>;
  beforeAll(async () => {
    auth = { Authorization: `Bearer ${await adminToken()}` };
  });

  it('refuses the contact list without an admin session', async () => {
    const response = await api('/leads/contacts');
    expect(response.status).toBe(401);
  });

  it('lists and searches contacts, exports one as JSON and audits the export', async () => {
    const email = uniqueEmail('export');
    await submit(submission({ email, firstName: 'Export', utm: { source: 'linkedin' } }));
    const list = await api(`/leads/contacts?q=${encodeURIComponent(email)}`, { headers: auth });
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(1);
    const { documentId } = list.body.data[0];

    const exported = await api(`/leads/contacts/${documentId}/export`, { headers: auth });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toContain('attachment');
    expect(exported.body.data.contact).toMatchObject({ email, firstName: 'Export' });
    expect(exported.body.data.consents.length).toBeGreaterThan(0);
    expect(exported.body.data.activities[0]).toMatchObject({ type: 'contact-form', utmSource: 'linkedin' });
    expect(exported.body.data.deliveries.length).toBeGreaterThan(0);

    const audit = await api(`/leads/audit-log?subjectId=${documentId}`, { headers: auth });
    expect(audit.body.data.map((entry: any) => [entry.action, entry.actorEmail])).toContainEqual([
      'contact.export',
      inject('adminEmail'),
    ]);
  });

  it('erases a contact: personal data gone, consent proof kept as a hash, pending emails cancelled, audited', async () => {
    const email = uniqueEmail('erase');
    await submit(submission({ email, firstName: 'Erase', phone: '+49 30 1234567', message: 'secret plans' }));
    const [contact] = await rows(`select * from leads_contacts where email = $1`, [email]);

    const response = await api(`/leads/contacts/${contact.document_id}/erase`, { method: 'POST', headers: auth });
    expect(response.status).toBe(200);

    const [after] = await rows(`select * from leads_contacts where id = $1`, [contact.id]);
    expect(after).toMatchObject({ status: 'erased', first_name: null, phone: null });
    expect(after.email).not.toContain('erase-');
    const consents = await rows(
      `select c.* from leads_consents c join leads_consents_contact_lnk l on l.consent_id = c.id where l.contact_id = $1`,
      [contact.id],
    );
    expect(consents.length).toBeGreaterThan(0);
    expect(consents.every((consent) => /^[0-9a-f]{32,}$/.test(consent.proof_hash) && consent.ip_hash === null)).toBe(
      true,
    );
    const leftovers = await count(
      `select count(*) from leads_outbox where contact_id = $1 and (payload::text like $2 or payload::text like '%secret plans%')`,
      [contact.id, `%${email}%`],
    );
    expect(leftovers).toBe(0);
    const activities = await rows(
      `select a.details from leads_activities a join leads_activities_contact_lnk l on l.activity_id = a.id where l.contact_id = $1`,
      [contact.id],
    );
    expect(JSON.stringify(activities)).not.toContain('secret plans');
    expect(
      await count(
        `select count(*) from leads_audit_logs where action = 'contact.erase' and subject_id = $1 and actor_email = $2`,
        [contact.document_id, inject('adminEmail')],
      ),
    ).toBe(1);

    // the erased person can no longer be found by their address
    const list = await api(`/leads/contacts?q=${encodeURIComponent(email)}`, { headers: auth });
    expect(list.body.data).toHaveLength(0);
  });

  it('answers 404 for a contact that does not exist', async () => {
    const response = await api('/leads/contacts/doesnotexist000000000000/export', { headers: auth });
    expect(response.status).toBe(404);
    expect(response.body.error.name).toBe('NotFoundError');
  });
});
