/**
 * The newsletter's reach into what other plugins know, through contracts only (issue 21,
 * docs/adr/0027): segments by webinar attendance (webinars registers the `webinar-attended`
 * criterion) and by Odoo stage (odoo-sync registers `odoo-stage`), honoured by the live count and
 * by sending; a contact's campaigns in the leads contact timeline (the newsletter registers a
 * timeline provider) for Sales and not for Editor or Viewer; suppressions and a new opt-in; the
 * campaign list with its counts in one answer. Every count is of this file's own rows.
 */
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminToken, api, clientIp } from '../helpers/http';
import { auth, superAdminToken } from '../helpers/content';
import { adminUser, createAdminUser } from '../helpers/admin-users';
import { count, rows } from '../helpers/db';
import { confirmedContact, uniqueEmail } from '../helpers/leads';
import { eventually } from '../helpers/wait';
import { fakeSendGrid } from '../fakes/sendgrid-client';

const run = crypto.randomBytes(3).toString('hex');
let token: string;
const asAdmin = (init: { method?: string; json?: unknown } = {}) => ({ ...init, headers: auth(token) });
const admin = (path: string, init: { method?: string; json?: unknown } = {}) =>
  api(`/newsletter${path}`, asAdmin(init));

const contactId = async (documentId: string) =>
  (await rows<{ id: number }>(`select id from leads_contacts where document_id = $1`, [documentId]))[0].id;

const variants = (subject: string) => ({
  en: { subject, blocks: [{ type: 'text', text: 'Hello from the audience test.' }] },
});

async function campaignTo(filter: Record<string, unknown>, name: string) {
  const segment = await admin('/segments', { method: 'POST', json: { name, filter } });
  expect(segment.status, JSON.stringify(segment.body)).toBe(201);
  const campaign = await admin('/campaigns', {
    method: 'POST',
    json: { name, variants: variants(name), defaultLocale: 'en', segment: segment.body.data.id },
  });
  expect(campaign.status, JSON.stringify(campaign.body)).toBe(201);
  return campaign.body.data.id as number;
}

async function sendAndWait(campaign: number) {
  const sent = await admin(`/campaigns/${campaign}/send`, { method: 'POST' });
  expect(sent.status, JSON.stringify(sent.body)).toBe(202);
  await eventually(async () => (await admin(`/campaigns/${campaign}`)).body.data.status === 'sent', {
    timeoutMs: 60_000,
    intervalMs: 250,
    what: `campaign ${campaign} to be sent`,
  });
}

/** The addresses SendGrid got for one campaign (its personalizations carry the campaign id). */
async function addressesOf(campaign: number) {
  return (await fakeSendGrid.messages())
    .filter((message) =>
      message.body.personalizations?.some((p: any) => p.custom_args?.newsletter_campaign === String(campaign)),
    )
    .flatMap((message) => message.body.personalizations.map((p: any) => p.to[0].email as string))
    .sort();
}

const countOf = async (filter: Record<string, unknown>) => {
  const answer = await admin('/segments/count', { method: 'POST', json: filter });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.data.count as number;
};

/** A topic of its own with one confirmed subscriber: a campaign to it mails nobody else. */
async function topicAndSubscriber(label: string) {
  const slug = `${label}-${run}`;
  const topic = await admin('/topics', { method: 'POST', json: { slug, locale: 'en', name: slug } });
  expect(topic.status, JSON.stringify(topic.body)).toBe(201);
  const email = uniqueEmail(`nl-${label}`);
  const contact = await confirmedContact(email);
  await rows(`insert into newsletter_subscriptions (contact_id, topic_id) values ($1, $2)`, [
    await contactId(contact),
    topic.body.data.id,
  ]);
  return { slug, email, contact };
}

beforeAll(async () => {
  token = await adminToken();
});

describe('segments by webinar attendance (the webinars plugin’s criterion)', () => {
  it('counts and mails only who attended, as the attendance stands now', async () => {
    const created = await api(
      '/webinars/webinars',
      asAdmin({
        method: 'POST',
        json: {
          title: `Audience ${run}`,
          slug: `audience-${run}`,
          summary: 'Attendance.',
          topics: ['sales'],
          publish: true,
        },
      }),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const webinar = created.body.data.documentId as string;
    const startsAt = new Date(Date.now() + 7 * 24 * 3600_000);
    const session = await api(
      `/webinars/webinars/${webinar}/sessions`,
      asAdmin({
        method: 'POST',
        json: {
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
          timeZone: 'Europe/Berlin',
          capacity: 10,
          joinUrl: 'https://meet.example.test/audience',
        },
      }),
    );
    expect(session.status, JSON.stringify(session.body)).toBe(201);
    const sessionId = session.body.data.documentId as string;
    const [attendee, absent, unconfirmed] = ['att', 'abs', 'unc'].map((label) => uniqueEmail(`nl-${label}-${run}`));
    for (const email of [attendee, absent, unconfirmed]) {
      const registered = await api('/api/webinars/registrations', {
        method: 'POST',
        ip: clientIp(),
        json: {
          session: sessionId,
          locale: 'en',
          email,
          firstName: 'Ada',
          consent: { dataProcessing: true, textVersion: 'webinar-2026-11' },
        },
      });
      expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    }
    // subscribers: two confirmed marketing email (as the double opt-in does), one did not
    await rows(`update leads_contacts set status = 'confirmed', confirmed_at = now() where email in ($1, $2)`, [
      attendee,
      absent,
    ]);
    const report = `Email;Dauer (Minuten)\n${attendee};55\n${unconfirmed};40\n`;
    const imported = await api(
      `/webinars/sessions/${sessionId}/attendance/import`,
      asAdmin({ method: 'POST', json: { csv: report } }),
    );
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);

    const attended = { criteria: [{ name: 'webinar-attended', values: [webinar] }] };
    expect(await countOf({ webinars: [webinar] })).toBe(2);
    expect(await countOf(attended)).toBe(1);

    // the segment editor offers the webinar (registered and attended) as a choice, not free text
    const options = await admin('/segments/options');
    expect(options.status, JSON.stringify(options.body)).toBe(200);
    expect(options.body.data.webinars).toContainEqual({ value: webinar, label: `Audience ${run}` });
    const criterion = options.body.data.criteria.find((c: { name: string }) => c.name === 'webinar-attended');
    expect(criterion.options).toContainEqual({ value: webinar, label: `Audience ${run}` });
    expect(options.body.data.languages.map((o: { value: string }) => o.value)).toEqual(
      expect.arrayContaining(['en', 'de']),
    );

    const campaign = await campaignTo(attended, `Attended ${run}`);
    expect((await admin(`/campaigns/${campaign}/audience`)).body.data.count).toBe(1);
    await sendAndWait(campaign);
    expect(await addressesOf(campaign)).toEqual([attendee]);

    // a corrected mark counts as it stands now: the attendee was absent after all
    const registration = (await rows(`select document_id from webinars_registrations where email = $1`, [attendee]))[0]
      .document_id;
    const corrected = await api(
      `/webinars/sessions/${sessionId}/attendance`,
      asAdmin({ method: 'POST', json: { marks: [{ registration, status: 'no-show' }] } }),
    );
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    expect(await countOf(attended)).toBe(0);
  }, 90_000);
});

describe('segments by Odoo stage (odoo-sync’s criterion)', () => {
  it('counts the subscribers whose crm.lead is in one of the chosen stages, and refuses an unknown criterion', async () => {
    const qualified = `Qualified ${run}`;
    const won = `Won ${run}`;
    const contacts = await Promise.all(
      ['q', 'w', 'n'].map((label) => confirmedContact(uniqueEmail(`nl-odoo-${label}`))),
    );
    // odoo-sync's stage read-back writes these on its link rows (tests/integration/odoo-sync.test.ts)
    const stages = [qualified, won, null];
    for (const [index, contact] of contacts.entries())
      await rows(
        `insert into odoo_sync_links (document_id, key, model, odoo_id, contact_document_id, stage_name, created_at, updated_at, published_at)
         values ($1, $2, 'crm.lead', $3, $4, $5, now(), now(), now())`,
        [`od${run}${index}`.padEnd(24, 'x'), `audience:${run}:${index}`, 900_000 + index, contact, stages[index]],
      );
    const byStage = (values: string[]) => ({ criteria: [{ name: 'odoo-stage', values }] });
    expect(await countOf(byStage([qualified]))).toBe(1);
    expect(await countOf(byStage([qualified, won]))).toBe(2);
    // AND with another part: the qualified one is English, so is every contact here
    expect(await countOf({ ...byStage([qualified, won]), languages: ['de'] })).toBe(0);

    const options = await admin('/segments/options');
    const criterion = options.body.data.criteria.find((c: { name: string }) => c.name === 'odoo-stage');
    expect(criterion.options).toEqual(
      expect.arrayContaining([
        { value: qualified, label: qualified },
        { value: won, label: won },
      ]),
    );

    const unknown = await admin('/segments/count', {
      method: 'POST',
      json: { criteria: [{ name: 'no-such-criterion', values: ['x'] }] },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.errors[0]).toMatchObject({ code: 'unknown-criterion' });
    const saved = await admin('/segments', {
      method: 'POST',
      json: { name: `Unknown ${run}`, filter: { criteria: [{ name: 'no-such-criterion', values: ['x'] }] } },
    });
    expect(saved.status).toBe(400);
  });
});

describe("a contact's campaigns in the leads contact timeline", () => {
  it('Sales sees sent, opened and clicked; Editor and Viewer see no contact; contacts.read alone sees no campaigns', async () => {
    const { slug, email, contact } = await topicAndSubscriber('timeline');
    const campaign = await campaignTo({ topics: [slug] }, `Timeline ${run}`);
    await sendAndWait(campaign);
    expect(await addressesOf(campaign)).toEqual([email]);
    const now = Math.floor(Date.now() / 1000);
    const args = { newsletter_campaign: String(campaign) };
    const posted = await fakeSendGrid.postEvents([
      { email, event: 'open', sg_event_id: `tl-o-${run}`, timestamp: now, ...args },
      { email, event: 'click', sg_event_id: `tl-c-${run}`, timestamp: now + 1, ...args },
    ]);
    expect(posted.status).toBe(200);

    const sales = await adminUser('Sales');
    const seen = await api(`/leads/contacts/${contact}`, { headers: auth(sales.token) });
    expect(seen.status, JSON.stringify(seen.body)).toBe(200);
    const mine = seen.body.data.entries.filter((entry: { title: string }) => entry.title === `Timeline ${run}`);
    expect(mine.map((entry: { type: string }) => entry.type).sort()).toEqual([
      'newsletter-clicked',
      'newsletter-opened',
      'newsletter-sent',
    ]);
    // newest first, like the activities
    expect(mine[0].type).toBe('newsletter-clicked');

    for (const role of ['Editor', 'Viewer'] as const) {
      const user = await adminUser(role);
      expect((await api(`/leads/contacts/${contact}`, { headers: auth(user.token) })).status).toBe(403);
      expect((await api(`/newsletter/contacts/${contact}/history`, { headers: auth(user.token) })).status).toBe(403);
    }

    // a role with the leads core's contacts.read but not the newsletter's history.read: the timeline without campaigns
    const superToken = await superAdminToken();
    const role = await api('/admin/roles', {
      method: 'POST',
      headers: auth(superToken),
      json: { name: `Contacts only ${run}`, description: 'contacts.read without newsletter history' },
    });
    expect(role.status, JSON.stringify(role.body)).toBe(201);
    const granted = await api(`/admin/roles/${role.body.data.id}/permissions`, {
      method: 'PUT',
      headers: auth(superToken),
      json: {
        permissions: [{ action: 'plugin::leads.contacts.read', subject: null, properties: {}, conditions: [] }],
      },
    });
    expect(granted.status, JSON.stringify(granted.body)).toBe(200);
    const contactsOnly = await createAdminUser(`Contacts only ${run}`);
    const limited = await api(`/leads/contacts/${contact}`, { headers: auth(contactsOnly.token) });
    expect(limited.status, JSON.stringify(limited.body)).toBe(200);
    expect(limited.body.data.entries).toEqual([]);

    // the GDPR export holds the campaigns too
    const exported = await api(`/leads/contacts/${contact}/export`, { headers: auth(sales.token) });
    expect(exported.status).toBe(200);
    expect(
      exported.body.data.timelineEntries.filter((entry: { title: string }) => entry.title === `Timeline ${run}`),
    ).toHaveLength(3);
  }, 90_000);
});

describe('suppressions and a new opt-in', () => {
  const signup = (email: string, topic: string) =>
    api('/api/newsletter/subscriptions', {
      method: 'POST',
      ip: clientIp(),
      json: {
        email,
        locale: 'en',
        topics: [topic],
        consent: { dataProcessing: true, marketingEmail: true, textVersion: 'newsletter-2026-12' },
      },
    });

  async function confirmFromEmail(email: string) {
    const link = await eventually(async () => {
      const texts = (await fakeSendGrid.to(email)).map((m) =>
        String(m.body.content?.find((part: any) => part.type === 'text/plain')?.value ?? ''),
      );
      return texts.map((text) => text.match(/confirm-subscription\/\?token=([^\s&]+)/)).find(Boolean) ?? false;
    });
    const confirmToken = decodeURIComponent(link[1]);
    const confirmed = await api('/api/leads/confirm', {
      method: 'POST',
      ip: clientIp(),
      json: { token: confirmToken },
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
  }

  /** One campaign to the topic, sent, and the events SendGrid then reports for the address. */
  async function sendWithEvent(slug: string, email: string, event: Record<string, unknown>) {
    const campaign = await campaignTo({ topics: [slug] }, `${slug} ${event.event}`);
    await sendAndWait(campaign);
    const posted = await fakeSendGrid.postEvents([
      { email, sg_event_id: `${slug}-${event.event}`, newsletter_campaign: String(campaign), ...event },
    ]);
    expect(posted.status).toBe(200);
  }

  it('a hard bounce stays suppressed after a new signup until an admin removes it', async () => {
    const { slug, email } = await topicAndSubscriber('hard-bounce');
    expect(await countOf({ topics: [slug] })).toBe(1);
    await sendWithEvent(slug, email, { event: 'bounce', type: 'bounce', timestamp: Math.floor(Date.now() / 1000) });
    expect(await countOf({ topics: [slug] })).toBe(0);

    expect((await signup(email, slug)).status).toBe(201);
    expect(await countOf({ topics: [slug] })).toBe(0);
    // even a double opt-in confirmed after the bounce does not lift it (the address takes no mail)
    await rows(`update leads_contacts set confirmed_at = now() + interval '1 second' where email = $1`, [email]);
    expect(await countOf({ topics: [slug] })).toBe(0);
    const looked = await admin('/suppressions/lookup', { method: 'POST', json: { email: email.toUpperCase() } });
    expect(looked.status, JSON.stringify(looked.body)).toBe(200);
    expect(looked.body.data).toMatchObject({ suppressed: true, scope: 'all', kind: 'delivery', reason: 'bounce' });

    // marketing may not lift it: that is Admin's (the settings permission)
    const editor = await adminUser('Editor');
    const refused = await api('/newsletter/suppressions/remove', {
      method: 'POST',
      json: { email },
      headers: auth(editor.token),
    });
    expect(refused.status).toBe(403);
    expect(await countOf({ topics: [slug] })).toBe(0);

    const removed = await admin('/suppressions/remove', { method: 'POST', json: { email } });
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(await countOf({ topics: [slug] })).toBe(1);
    expect((await admin('/suppressions/remove', { method: 'POST', json: { email } })).status).toBe(404);
    expect((await admin('/suppressions/lookup', { method: 'POST', json: { email } })).body.data).toEqual({
      suppressed: false,
    });
  }, 90_000);

  it('an unsubscribe at SendGrid is lifted by a new confirmed opt-in, and the next campaign reaches the address', async () => {
    const { slug, email, contact } = await topicAndSubscriber('resubscribe');
    await sendWithEvent(slug, email, { event: 'unsubscribe', timestamp: Math.floor(Date.now() / 1000) });
    expect((await rows(`select status from leads_contacts where document_id = $1`, [contact]))[0].status).toBe(
      'unsubscribed',
    );
    expect(await countOf({ topics: [slug] })).toBe(0);

    // signing up again is not yet consent: only the confirmation from the email is
    expect((await signup(email, slug)).status).toBe(201);
    expect(await countOf({ topics: [slug] })).toBe(0);
    await confirmFromEmail(email);
    expect(await countOf({ topics: [slug] })).toBe(1);
    const looked = await admin('/suppressions/lookup', { method: 'POST', json: { email } });
    expect(looked.body.data).toMatchObject({ suppressed: true, kind: 'consent' });

    const next = await campaignTo({ topics: [slug] }, `${slug} again`);
    await sendAndWait(next);
    expect(await addressesOf(next)).toEqual([email]);
    expect(
      await count(`select count(*) from newsletter_recipients where campaign_id = $1 and status = 'sent'`, [next]),
    ).toBe(1);

    // a spam report after that suppresses again (a newer withdrawal than the confirmation)
    const posted = await fakeSendGrid.postEvents([
      { email, event: 'spamreport', sg_event_id: `${slug}-spam`, newsletter_campaign: String(next) },
    ]);
    expect(posted.status).toBe(200);
    await rows(`update leads_contacts set status = 'confirmed' where document_id = $1`, [contact]);
    expect(await countOf({ topics: [slug] })).toBe(0);
  }, 120_000);
});

describe('the campaign list', () => {
  it('carries every campaign’s counts in one answer', async () => {
    const { slug } = await topicAndSubscriber('list');
    const campaign = await campaignTo({ topics: [slug] }, `List ${run}`);
    const draft = await campaignTo({ topics: [slug] }, `List draft ${run}`);
    await sendAndWait(campaign);
    const list = await admin('/campaigns');
    expect(list.status).toBe(200);
    const sent = list.body.data.find((row: { id: number }) => row.id === campaign);
    expect(sent.stats).toMatchObject({ campaign, recipients: 1, sent: 1, deliveryRate: 0 });
    expect(sent.stats).toEqual((await admin(`/campaigns/${campaign}/stats`)).body.data);
    expect(list.body.data.find((row: { id: number }) => row.id === draft).stats).toMatchObject({
      recipients: 0,
      sent: 0,
    });
  }, 90_000);
});
