/**
 * The newsletter (issue 21, docs/adr/0027) against the shared test CMS, PostgreSQL and the
 * SendGrid fake: signup with double opt-in, the preference centre, RFC 8058 one-click
 * unsubscribe, a campaign to 2,500 subscribers in 3 calls, a 429, the signed event webhook
 * (forged and stale signatures refused), a bounce that keeps an address out of the next campaign.
 * Subscribers for the large campaigns are written with bulk SQL; every count is of this file's rows.
 */
import crypto from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { deriveKey, signToken } from '../../packages/plugin-kit/server/tokens';
import { adminToken, api, clientIp } from '../helpers/http';
import { auth } from '../helpers/content';
import { count, rows } from '../helpers/db';
import { submission, uniqueEmail } from '../helpers/leads';
import { eventually } from '../helpers/wait';
import { fakeSendGrid } from '../fakes/sendgrid-client';

const run = crypto.randomBytes(3).toString('hex');
let token: string;
const admin = (path: string, init: { method?: string; json?: unknown } = {}) =>
  api(`/newsletter${path}`, { ...init, headers: auth(token) });

const newsletterSecret = () => deriveKey(inject('leadsTokenSecret'), 'magnetiq:newsletter-links');
const preferencesToken = (contact: string) =>
  signToken({ purpose: 'newsletter-preferences', subject: contact }, newsletterSecret());
const oneClickToken = (contact: string, campaign = 0) =>
  signToken({ purpose: 'newsletter-unsubscribe', subject: contact, extra: { c: campaign } }, newsletterSecret());

async function createTopic(label: string, locale = 'en') {
  const created = await admin('/topics', {
    method: 'POST',
    json: { slug: `${label}-${run}`, locale, name: `${label} ${run}` },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.data as { id: number; slug: string };
}

/** `n` confirmed contacts subscribed to `topicId`, in one statement each (this file's addresses only). */
async function seedSubscribers(n: number, topicId: number, label: string, language = 'en') {
  const inserted = await rows<{ id: number; document_id: string; email: string }>(
    `insert into leads_contacts (document_id, email, status, confirmed_at, language, created_at, updated_at, published_at)
     select 'nl' || substr(md5(random()::text || i::text), 1, 22), $1 || '-' || i || '@example.com', 'confirmed', now(), $2, now(), now(), now()
     from generate_series(1, $3) as i
     returning id, document_id, email`,
    [`nl-${label}-${run}`, language, n],
  );
  await rows(`insert into newsletter_subscriptions (contact_id, topic_id) select unnest($1::int[]), $2`, [
    inserted.map((row) => row.id),
    topicId,
  ]);
  return inserted;
}

const variants = (subject: string) => ({
  en: {
    subject,
    preheader: 'What is new',
    blocks: [
      { type: 'text', text: 'Hello from the newsletter test.' },
      { type: 'button', label: 'Read', url: 'https://example.com/read' },
    ],
  },
  de: { subject: `${subject} (de)`, blocks: [{ type: 'text', text: 'Hallo aus dem Test.' }] },
});

async function campaignFor(topicSlug: string, name: string) {
  const segment = await admin('/segments', { method: 'POST', json: { name, filter: { topics: [topicSlug] } } });
  expect(segment.status, JSON.stringify(segment.body)).toBe(201);
  const campaign = await admin('/campaigns', {
    method: 'POST',
    json: { name, variants: variants(name), defaultLocale: 'en', segment: segment.body.data.id },
  });
  expect(campaign.status, JSON.stringify(campaign.body)).toBe(201);
  return { campaign: campaign.body.data.id as number, segment: segment.body.data.id as number };
}

async function sendAndWait(campaign: number, timeoutMs = 60_000) {
  const sent = await admin(`/campaigns/${campaign}/send`, { method: 'POST' });
  expect(sent.status, JSON.stringify(sent.body)).toBe(202);
  await eventually(async () => (await admin(`/campaigns/${campaign}`)).body.data.status === 'sent', {
    timeoutMs,
    intervalMs: 250,
    what: `campaign ${campaign} to be sent`,
  });
  return sent.body.data as { recipients: number; batches: number };
}

/** The SendGrid calls of one campaign (its personalizations carry the campaign id). */
async function callsOf(campaign: number) {
  return (await fakeSendGrid.messages()).filter((message) =>
    message.body.personalizations?.some((p: any) => p.custom_args?.newsletter_campaign === String(campaign)),
  );
}

const addressesOf = (calls: Array<{ body: any }>) =>
  calls.flatMap((call) => call.body.personalizations.map((p: any) => p.to[0].email as string));

beforeAll(async () => {
  token = await adminToken();
});

describe('signup and double opt-in', () => {
  it('signs up with topics, confirms from the email, and is then in the topic segment', async () => {
    const topic = await createTopic('product');
    const email = uniqueEmail('nl-signup');
    const signup = await api('/api/newsletter/subscriptions', {
      method: 'POST',
      ip: clientIp(),
      json: {
        email,
        locale: 'en',
        topics: [topic.slug],
        consent: { dataProcessing: true, marketingEmail: true, textVersion: 'newsletter-2026-12' },
        utm: { source: 'test-run', campaign: run },
      },
    });
    expect(signup.status, JSON.stringify(signup.body)).toBe(201);
    expect(signup.body).toEqual({ data: { received: true } });

    const [contact] = await rows(`select id, document_id, status from leads_contacts where email = $1`, [email]);
    expect(contact.status).not.toBe('confirmed');
    expect(await count(`select count(*) from newsletter_subscriptions where contact_id = $1`, [contact.id])).toBe(1);
    expect(
      await count(
        `select count(*) from leads_consents c join leads_consents_contact_lnk l on l.consent_id = c.id
         where l.contact_id = $1 and c.text_version = $2 and c.action = 'requested'`,
        [contact.id, `newsletter-topic:${topic.slug}`],
      ),
    ).toBe(1);
    // not yet confirmed: not in the segment
    const before = await admin('/segments/count', { method: 'POST', json: { topics: [topic.slug] } });
    expect(before.body.data.count).toBe(0);

    // the confirmation email from the leads core, then the site's confirm button
    const [message] = await eventually(async () => {
      const found = await fakeSendGrid.to(email);
      return found.length > 0 && found;
    });
    const confirmToken = decodeURIComponent(
      String(message.body.content.find((part: any) => part.type === 'text/plain').value).match(/token=([^\s&]+)/)![1],
    );
    const confirmed = await api('/api/leads/confirm', {
      method: 'POST',
      ip: clientIp(),
      json: { token: confirmToken },
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    const after = await admin('/segments/count', { method: 'POST', json: { topics: [topic.slug] } });
    expect(after.body.data.count).toBe(1);
  });

  it('refuses an unknown topic, a missing marketing consent and unknown fields with field codes', async () => {
    const topic = await createTopic('refuse');
    const base = {
      email: uniqueEmail('nl-bad'),
      locale: 'en',
      topics: [topic.slug],
      consent: { dataProcessing: true, marketingEmail: true, textVersion: 'v1' },
    };
    const unknown = await api('/api/newsletter/subscriptions', {
      method: 'POST',
      ip: clientIp(),
      json: { ...base, topics: [`nope-${run}`] },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.errors[0].code).toBe('unknown-topic');
    const noConsent = await api('/api/newsletter/subscriptions', {
      method: 'POST',
      ip: clientIp(),
      json: { ...base, consent: { ...base.consent, marketingEmail: false } },
    });
    expect(noConsent.status).toBe(400);
    const extra = await api('/api/newsletter/subscriptions', {
      method: 'POST',
      ip: clientIp(),
      json: { ...base, admin: true },
    });
    expect(extra.status).toBe(400);
    expect(extra.body.error.details.errors[0].code).toBe('unknown_field');
    expect(await count(`select count(*) from leads_contacts where email = $1`, [base.email])).toBe(0);
  });

  it('answers a bot that fills the honeypot like a person and stores nothing', async () => {
    const topic = await createTopic('honeypot');
    const email = uniqueEmail('nl-bot');
    const answer = await api('/api/newsletter/subscriptions', {
      method: 'POST',
      ip: clientIp(),
      json: {
        email,
        topics: [topic.slug],
        website: 'https://spam.example',
        consent: { dataProcessing: true, marketingEmail: true, textVersion: 'v1' },
      },
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({ data: { received: true } });
    expect(await count(`select count(*) from leads_contacts where email = $1`, [email])).toBe(0);
  });
});

describe('preference centre', () => {
  it('shows and changes topics and language with a signed link; every change is a consent record', async () => {
    const news = await createTopic('prefs-news');
    const events = await createTopic('prefs-events');
    await createTopic('prefs-events', 'de');
    const [contact] = await seedSubscribers(1, news.id, 'prefs');
    const link = preferencesToken(contact.document_id);

    const shown = await api(`/api/newsletter/preferences?token=${encodeURIComponent(link)}`);
    expect(shown.status, JSON.stringify(shown.body)).toBe(200);
    expect(shown.body.data.subscribed).toBe(true);
    expect(shown.body.data.email).not.toContain(contact.email.split('@')[0]);
    const subscribed = (data: any) => data.topics.filter((t: any) => t.subscribed).map((t: any) => t.slug);
    expect(subscribed(shown.body.data)).toEqual([news.slug]);

    const changed = await api('/api/newsletter/preferences', {
      method: 'POST',
      ip: clientIp(),
      json: { token: link, topics: [events.slug] },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(subscribed(changed.body.data)).toEqual([events.slug]);
    const consents = await rows(
      `select c.action, c.text_version, c.source from leads_consents c join leads_consents_contact_lnk l on l.consent_id = c.id
       where l.contact_id = $1 order by c.id`,
      [contact.id],
    );
    expect(consents).toEqual([
      { action: 'withdrawn', text_version: `newsletter-topic:${news.slug}`, source: 'newsletter-preferences' },
      { action: 'granted', text_version: `newsletter-topic:${events.slug}`, source: 'newsletter-preferences' },
    ]);

    const german = await api('/api/newsletter/preferences', {
      method: 'POST',
      ip: clientIp(),
      json: { token: link, language: 'de' },
    });
    expect(german.status).toBe(200);
    expect(german.body.data.language).toBe('de');
    expect((await rows(`select language from leads_contacts where id = $1`, [contact.id]))[0].language).toBe('de');

    const all = await api('/api/newsletter/preferences', {
      method: 'POST',
      ip: clientIp(),
      json: { token: link, unsubscribeAll: true },
    });
    expect(all.status).toBe(200);
    expect(all.body.data.subscribed).toBe(false);
    expect((await rows(`select status from leads_contacts where id = $1`, [contact.id]))[0].status).toBe(
      'unsubscribed',
    );
    expect(await count(`select count(*) from newsletter_subscriptions where contact_id = $1`, [contact.id])).toBe(0);
  });

  it('refuses a link signed for another purpose or with another key, and changes nothing', async () => {
    const topic = await createTopic('prefs-forged');
    const [contact] = await seedSubscribers(1, topic.id, 'forged');
    const wrongPurpose = oneClickToken(contact.document_id);
    const wrongKey = signToken({ purpose: 'newsletter-preferences', subject: contact.document_id }, 'x'.repeat(32));
    for (const link of [wrongPurpose, wrongKey, 'garbage']) {
      const answer = await api('/api/newsletter/preferences', {
        method: 'POST',
        ip: clientIp(),
        json: { token: link, unsubscribeAll: true },
      });
      expect(answer.status).toBe(403);
    }
    expect((await rows(`select status from leads_contacts where id = $1`, [contact.id]))[0].status).toBe('confirmed');
  });
});

describe('one-click unsubscribe (RFC 8058)', () => {
  it('does nothing on GET and unsubscribes on POST List-Unsubscribe=One-Click', async () => {
    const topic = await createTopic('oneclick');
    const [contact] = await seedSubscribers(1, topic.id, 'oneclick');
    const path = `/api/newsletter/unsubscribe?token=${encodeURIComponent(oneClickToken(contact.document_id))}`;

    const get = await api(path);
    expect(get.status).toBeGreaterThanOrEqual(400);
    expect((await rows(`select status from leads_contacts where id = $1`, [contact.id]))[0].status).toBe('confirmed');

    const post = await api(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(post.status, JSON.stringify(post.body)).toBe(200);
    expect(post.body.data).toEqual({ unsubscribed: true });
    expect((await rows(`select status from leads_contacts where id = $1`, [contact.id]))[0].status).toBe(
      'unsubscribed',
    );
    expect(
      await count(
        `select count(*) from leads_consents c join leads_consents_contact_lnk l on l.consent_id = c.id
         where l.contact_id = $1 and c.action = 'withdrawn' and c.source = 'list-unsubscribe-one-click'`,
        [contact.id],
      ),
    ).toBe(1);
    // a second click is fine and records nothing new
    expect(
      (
        await api(path, {
          method: 'POST',
          body: 'List-Unsubscribe=One-Click',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        })
      ).status,
    ).toBe(200);
  });
});

describe('campaigns', () => {
  it('sends a campaign to a 2,500-subscriber segment in 3 SendGrid calls, everyone once, with RFC 8058 headers', async () => {
    const topic = await createTopic('big');
    const contacts = await seedSubscribers(2500, topic.id, 'big');
    const { campaign, segment } = await campaignFor(topic.slug, `Big ${run}`);
    expect((await admin(`/segments/${segment}/count`)).body.data.count).toBe(2500);
    expect((await admin(`/campaigns/${campaign}/audience`)).body.data.count).toBe(2500);

    const started = Date.now();
    const result = await sendAndWait(campaign);
    expect(result).toEqual({ recipients: 2500, batches: 3 });
    const calls = await callsOf(campaign);
    expect(calls).toHaveLength(3);
    expect(calls.map((call) => call.body.personalizations.length).sort()).toEqual([1000, 1000, 500]);
    const addresses = addressesOf(calls);
    expect(new Set(addresses).size).toBe(2500);
    expect(new Set(addresses)).toEqual(new Set(contacts.map((c) => c.email)));

    const [first] = calls;
    const personalization = first.body.personalizations[0];
    expect(personalization.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(personalization.headers['List-Unsubscribe']).toMatch(/^<http.*\/api\/newsletter\/unsubscribe\?token=.+>$/);
    expect(Object.values(personalization.substitutions)).toHaveLength(2);
    const text = first.body.content.find((part: any) => part.type === 'text/plain').value;
    expect(text).toContain('Teststraße 1');
    expect(text).toContain('{{unsubscribe_url}}');
    expect(first.body.content.map((part: any) => part.type)).toEqual(['text/plain', 'text/html']);
    console.log(`newsletter: 2,500 recipients sent in ${Date.now() - started} ms`);

    // the one-click link of a real email works
    const oneClick = personalization.headers['List-Unsubscribe'].slice(1, -1).replace(/^https?:\/\/[^/]+/, '');
    const unsubscribed = await api(oneClick, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(unsubscribed.status).toBe(200);
    const stats = await admin(`/campaigns/${campaign}/stats`);
    expect(stats.body.data).toMatchObject({ recipients: 2500, sent: 2500, unsubscribed: 1 });
  }, 90_000);

  it('waits for the reset after a 429 and then sends every batch once', async () => {
    const topic = await createTopic('limited');
    await seedSubscribers(1200, topic.id, 'limited');
    const { campaign } = await campaignFor(topic.slug, `Limited ${run}`);
    await fakeSendGrid.fail(429, 1, { resetSeconds: 2 });
    const limitedAt = Date.now();
    await sendAndWait(campaign);
    const calls = await callsOf(campaign);
    expect(calls).toHaveLength(2);
    expect(new Set(addressesOf(calls)).size).toBe(1200);
    // nothing was accepted before the reset (the limit's second started at most 1 s before the 429)
    const firstAccepted = Math.min(...calls.map((call) => new Date(call.receivedAt).getTime()));
    expect(firstAccepted - limitedAt).toBeGreaterThanOrEqual(1000);
  }, 90_000);

  it('sends a scheduled campaign at its time, and a cancelled schedule not at all', async () => {
    const topic = await createTopic('scheduled');
    await seedSubscribers(5, topic.id, 'scheduled');
    const { campaign } = await campaignFor(topic.slug, `Scheduled ${run}`);
    const cancelled = await campaignFor(topic.slug, `Cancelled ${run}`);
    const at = new Date(Date.now() + 2500).toISOString();
    const scheduled = await admin(`/campaigns/${campaign}/schedule`, { method: 'POST', json: { at } });
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(200);
    expect(scheduled.body.data).toMatchObject({ status: 'scheduled', scheduledAt: at });
    expect((await admin(`/campaigns/${cancelled.campaign}/schedule`, { method: 'POST', json: { at } })).status).toBe(
      200,
    );
    expect((await admin(`/campaigns/${cancelled.campaign}/cancel`, { method: 'POST' })).body.data.status).toBe('draft');
    expect(await callsOf(campaign)).toHaveLength(0);
    await eventually(async () => (await admin(`/campaigns/${campaign}`)).body.data.status === 'sent', {
      timeoutMs: 20_000,
      intervalMs: 250,
      what: 'the scheduled campaign to be sent',
    });
    const [call] = await callsOf(campaign);
    expect(new Date(call.receivedAt).getTime()).toBeGreaterThanOrEqual(new Date(at).getTime());
    expect(await callsOf(cancelled.campaign)).toHaveLength(0);
    expect((await admin(`/campaigns/${cancelled.campaign}`)).body.data.status).toBe('draft');
  }, 90_000);

  it('lets an editor test-send only to their own address', async () => {
    const topic = await createTopic('test-send');
    const { campaign } = await campaignFor(topic.slug, `Test ${run}`);
    const other = await admin(`/campaigns/${campaign}/test`, {
      method: 'POST',
      json: { email: 'someone@example.com' },
    });
    expect(other.status).toBe(403);
    const own = await admin(`/campaigns/${campaign}/test`, { method: 'POST', json: { email: inject('adminEmail') } });
    expect(own.status, JSON.stringify(own.body)).toBe(202);
    const [message] = await eventually(async () => {
      const found = (await callsOf(campaign)).filter((call) => call.body.subject.startsWith('[Test]'));
      return found.length > 0 && found;
    });
    expect(addressesOf([message])).toEqual([inject('adminEmail')]);
    expect((await admin(`/campaigns/${campaign}`)).body.data.status).toBe('draft');
  }, 90_000);
});

describe('SendGrid event webhook', () => {
  it('refuses a forged or stale signature with 401 and changes nothing', async () => {
    const topic = await createTopic('forged-hook');
    const [contact] = await seedSubscribers(1, topic.id, 'forged-hook');
    const bounce = [
      {
        email: contact.email,
        event: 'bounce',
        type: 'bounce',
        sg_event_id: `forged-${run}`,
        timestamp: Math.floor(Date.now() / 1000),
      },
    ];
    const forged = await fakeSendGrid.postEvents(bounce, { key: 'other' });
    expect(forged.status).toBe(401);
    const stale = await fakeSendGrid.postEvents(bounce, { timestamp: Math.floor(Date.now() / 1000) - 3600 });
    expect(stale.status).toBe(401);
    const unsigned = await api('/api/newsletter/sendgrid/events', { method: 'POST', json: bounce });
    expect(unsigned.status).toBe(401);
    expect(await count(`select count(*) from newsletter_suppressions where contact_id = $1`, [contact.id])).toBe(0);
    expect(await count(`select count(*) from newsletter_events where sg_event_id = $1`, [`forged-${run}`])).toBe(0);
  });

  it('a bounce keeps the address out of the next campaign; deliveries and opens feed the statistics', async () => {
    const topic = await createTopic('bounce');
    const contacts = await seedSubscribers(3, topic.id, 'bounce');
    const first = await campaignFor(topic.slug, `Bounce A ${run}`);
    await sendAndWait(first.campaign);
    expect(addressesOf(await callsOf(first.campaign)).sort()).toEqual(contacts.map((c) => c.email).sort());

    const now = Math.floor(Date.now() / 1000);
    const args = { newsletter_campaign: String(first.campaign) };
    const events = [
      { email: contacts[0].email, event: 'bounce', type: 'bounce', sg_event_id: `b-${run}`, timestamp: now, ...args },
      { email: contacts[1].email, event: 'delivered', sg_event_id: `d1-${run}`, timestamp: now, ...args },
      { email: contacts[2].email, event: 'delivered', sg_event_id: `d2-${run}`, timestamp: now, ...args },
      { email: contacts[2].email, event: 'open', sg_event_id: `o2-${run}`, timestamp: now, ...args },
    ];
    const posted = await fakeSendGrid.postEvents(events);
    expect(posted).toEqual({ status: 200, body: { data: { applied: 4 }, meta: {} } });
    // SendGrid retries a request: the same events count once
    expect((await fakeSendGrid.postEvents(events)).body.data.applied).toBe(0);

    const stats = await admin(`/campaigns/${first.campaign}/stats`);
    expect(stats.body.data).toMatchObject({
      sent: 3,
      delivered: 2,
      bounced: 1,
      opened: 1,
      deliveryRate: 0.6667,
      openRate: 0.5,
    });

    const second = await campaignFor(topic.slug, `Bounce B ${run}`);
    expect((await admin(`/campaigns/${second.campaign}/audience`)).body.data.count).toBe(2);
    await sendAndWait(second.campaign);
    expect(addressesOf(await callsOf(second.campaign)).sort()).toEqual([contacts[1].email, contacts[2].email].sort());

    // a hard bounce stops the leads core's emails to the address too (the contact form's receipt)
    const submitted = await api('/api/leads/submissions', {
      method: 'POST',
      ip: clientIp(),
      json: submission({ email: contacts[0].email }),
    });
    expect(submitted.status).toBe(201);
    const receipts = await eventually(
      async () => {
        const found = await rows(
          `select status, result from leads_outbox where contact_id = $1 and topic = 'email.send'`,
          [contacts[0].id],
        );
        return found.length > 0 && found.every((row) => row.status === 'done') && found;
      },
      { what: 'the receipt to be handled' },
    );
    expect(receipts.map((row) => row.result?.skipped)).toContain('suppressed');
    expect((await fakeSendGrid.to(contacts[0].email)).filter((m) => !m.body.custom_args?.newsletter_batch)).toEqual([]);

    // the "Newsletter" section of the analytics dashboard shows the campaign's counts
    const today = new Date().toISOString().slice(0, 10);
    const overview = await api(`/analytics/overview?from=${today}&to=${today}&locale=all`, { headers: auth(token) });
    expect(overview.status).toBe(200);
    const section = overview.body.data.sections.find(
      (table: { name: string }) => table.name === 'newsletter.campaigns',
    );
    expect(section.rows.find((row: { name: string }) => row.name === `Bounce A ${run}`)).toMatchObject({
      sent: 3,
      delivered: 2,
      bounced: 1,
      opened: 1,
    });

    const csv = await admin('/stats/campaigns.csv');
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain(`Bounce A ${run}`);
  }, 90_000);

  it('a spam report withdraws marketing consent', async () => {
    const topic = await createTopic('spam');
    const [contact] = await seedSubscribers(1, topic.id, 'spam');
    const { campaign } = await campaignFor(topic.slug, `Spam ${run}`);
    await sendAndWait(campaign);
    const posted = await fakeSendGrid.postEvents([
      { email: contact.email, event: 'spamreport', sg_event_id: `s-${run}`, newsletter_campaign: String(campaign) },
    ]);
    expect(posted.status).toBe(200);
    expect((await rows(`select status from leads_contacts where id = $1`, [contact.id]))[0].status).toBe(
      'unsubscribed',
    );
  }, 90_000);
});

describe('roles', () => {
  it('an Editor composes and sends, a Viewer only reads statistics', async () => {
    const { adminUser } = await import('../helpers/admin-users');
    const editor = await adminUser('Editor');
    const viewer = await adminUser('Viewer');
    const as = (user: { token: string }, path: string, init: { method?: string; json?: unknown } = {}) =>
      api(`/newsletter${path}`, { ...init, headers: auth(user.token) });
    const body = { name: `Roles ${run}`, variants: variants('Roles'), defaultLocale: 'en' };
    const created = await as(editor, '/campaigns', { method: 'POST', json: body });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await as(viewer, '/campaigns', { method: 'POST', json: body })).status).toBe(403);
    expect((await as(viewer, `/campaigns/${created.body.data.id}/send`, { method: 'POST' })).status).toBe(403);
    expect((await as(viewer, `/campaigns/${created.body.data.id}/stats`)).status).toBe(200);
    expect(
      (await as(editor, '/settings', { method: 'PUT', json: { physicalAddress: 'Somewhere 1, 12345 Town' } })).status,
    ).toBe(403);
  });
});
