/**
 * Lead analytics against the real CMS: a mix of contacts, activities, Odoo links, whitepaper
 * requests and outbox rows is written with SQL in 2031 (a year no other test uses), the expected
 * figures are computed here from that seed, and the admin endpoints must return exactly them.
 */
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { auth, superAdminToken } from '../helpers/content';
import { createAdminUser } from '../helpers/admin-users';
import { db, rows } from '../helpers/db';
import { api } from '../helpers/http';
import { fakeOdoo } from '../fakes/odoo-client';

const run = crypto.randomBytes(4).toString('hex');
const FROM = '2031-02-01';
const TO = '2031-02-28';
const TYPES = ['contact-form', 'webinar-registration', 'whitepaper-download', 'booking', 'newsletter-signup'];
const SOURCES = ['google', 'linkedin', null, 'newsletter'];
const MEDIUMS = ['cpc', 'social', null];
const CAMPAIGNS = ['spring-2031', null, 'webinar-q1'];

interface SeedContact {
  id?: number;
  documentId: string;
  language: 'en' | 'de';
  confirmed: boolean;
  /** outcome of its crm.lead link: undefined = no link; null = linked, not read back yet */
  lead?: 'open' | 'qualified' | 'won' | 'lost' | null;
}
interface SeedActivity {
  contact: number;
  type: string;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  language: 'en' | 'de';
  occurredAt: Date;
}

/** A small deterministic generator, so a failure can be reproduced. */
function random(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
}

const documentId = () => `a${crypto.randomBytes(12).toString('hex').slice(0, 23)}`;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

const pick = random(2031);
const contacts: SeedContact[] = Array.from({ length: 48 }, (_, i) => ({
  documentId: documentId(),
  language: i % 3 === 0 ? 'en' : 'de',
  confirmed: i % 4 !== 1,
  lead: i % 5 === 0 ? (['won', 'qualified', 'open', null, 'lost'] as const)[(i / 5) % 5] : undefined,
}));
const activities: SeedActivity[] = contacts.flatMap((contact, index) =>
  Array.from({ length: 1 + pick(3) }, () => ({
    contact: index,
    type: TYPES[pick(TYPES.length)],
    utmSource: SOURCES[pick(SOURCES.length)],
    utmMedium: MEDIUMS[pick(MEDIUMS.length)],
    utmCampaign: CAMPAIGNS[pick(CAMPAIGNS.length)],
    // mostly the contact's language; now and then a German contact reads the English page
    language: pick(5) === 0 ? 'en' : contact.language,
    // 2031-01-15 .. 2031-03-15: inside and on both sides of the range
    occurredAt: new Date(day('2031-01-15').getTime() + pick(59 * 24) * 3_600_000 + pick(3_600_000)),
  })),
);
// the range's edges: the first instant is in, the instant after the last day is out
activities.push({
  contact: 2,
  type: 'booking',
  utmSource: 'edge',
  utmMedium: null,
  utmCampaign: null,
  language: 'de',
  occurredAt: day(FROM),
});
activities.push({
  contact: 2,
  type: 'booking',
  utmSource: 'edge',
  utmMedium: null,
  utmCampaign: null,
  language: 'de',
  occurredAt: day('2031-03-01'),
});

const paperId = `wp${run}${'x'.repeat(14)}`;
const requests = Array.from({ length: 9 }, (_, i) => ({
  language: i % 3 === 0 ? 'en' : 'de',
  requestedAt: new Date(day('2031-01-28').getTime() + i * 4 * 86_400_000),
  downloadCount: i % 2 === 0 ? i : 0,
}));

// ------------------------------------------------------------------------------------------
// Expected figures, computed from the seed alone.
// ------------------------------------------------------------------------------------------
const inRange = (at: Date) => at >= day(FROM) && at < day('2031-03-01');
const selected = (locale: 'en' | 'de' | 'all') =>
  activities.filter((a) => inRange(a.occurredAt) && (locale === 'all' || a.language === locale));

function expectedFunnel(locale: 'en' | 'de' | 'all') {
  const ids = new Set(selected(locale).map((a) => a.contact));
  const members = [...ids].map((i) => contacts[i]);
  return {
    submitted: members.length,
    confirmed: members.filter((c) => c.confirmed).length,
    synced: members.filter((c) => c.lead !== undefined).length,
    qualified: members.filter((c) => c.lead === 'qualified' || c.lead === 'won').length,
    won: members.filter((c) => c.lead === 'won').length,
  };
}

function expectedTimeline(locale: 'en' | 'de' | 'all') {
  const counts = new Map<string, number>();
  for (const a of selected(locale))
    counts.set(
      `${a.occurredAt.toISOString().slice(0, 10)}|${a.type}`,
      (counts.get(`${a.occurredAt.toISOString().slice(0, 10)}|${a.type}`) ?? 0) + 1,
    );
  const types = new Set(selected(locale).map((a) => a.type));
  const buckets = [];
  for (let t = day(FROM).getTime(); t < day('2031-03-01').getTime(); t += 86_400_000) {
    const bucket = new Date(t).toISOString().slice(0, 10);
    const byType = Object.fromEntries([...types].map((type) => [type, counts.get(`${bucket}|${type}`) ?? 0]));
    buckets.push({ bucket, total: Object.values(byType).reduce((s, n) => s + n, 0), counts: byType });
  }
  return { types, buckets };
}

function expectedUtm(locale: 'en' | 'de' | 'all', field: 'utmSource' | 'utmMedium' | 'utmCampaign') {
  const groups = new Map<string | null, { activities: number; contacts: Set<number> }>();
  for (const a of selected(locale)) {
    const group = groups.get(a[field]) ?? { activities: 0, contacts: new Set<number>() };
    group.activities += 1;
    group.contacts.add(a.contact);
    groups.set(a[field], group);
  }
  return [...groups]
    .map(([value, group]) => {
      const confirmed = [...group.contacts].filter((i) => contacts[i].confirmed).length;
      return {
        value,
        activities: group.activities,
        contacts: group.contacts.size,
        confirmed,
        conversion: Math.round((confirmed / group.contacts.size) * 10_000) / 10_000,
      };
    })
    .sort(
      (a, b) =>
        b.contacts - a.contacts ||
        (a.value === null ? 1 : b.value === null ? -1 : a.value < b.value ? -1 : a.value > b.value ? 1 : 0),
    )
    .slice(0, 10);
}

// ------------------------------------------------------------------------------------------

async function seed() {
  const now = new Date();
  const client = await db().connect();
  try {
    await client.query('begin');
    for (const [index, contact] of contacts.entries()) {
      const [row] = (
        await client.query(
          `insert into leads_contacts (document_id, email, status, confirmed_at, language, created_at, updated_at, published_at)
           values ($1, $2, $3, $4, $5, $6, $6, $6) returning id`,
          [
            contact.documentId,
            `analytics-${run}-${index}@example.test`,
            contact.confirmed ? 'confirmed' : 'new',
            contact.confirmed ? day('2031-02-10') : null,
            contact.language,
            day('2031-01-15'),
          ],
        )
      ).rows;
      contact.id = row.id;
      if (contact.lead !== undefined) {
        await client.query(
          `insert into odoo_sync_links (document_id, key, model, odoo_id, contact_document_id, outcome, synced_at, created_at, updated_at, published_at)
           values ($1, $2, 'crm.lead', $3, $4, $5, $6, $6, $6, $6)`,
          [
            documentId(),
            `lead:${contact.documentId}:contact-form:${run}`,
            50_000_000 + index,
            contact.documentId,
            contact.lead,
            now,
          ],
        );
      }
      // a partner link alone is not "synced": the funnel counts crm.lead links
      if (index % 7 === 3) {
        await client.query(
          `insert into odoo_sync_links (document_id, key, model, odoo_id, contact_document_id, synced_at, created_at, updated_at, published_at)
           values ($1, $2, 'res.partner', $3, $4, $5, $5, $5, $5)`,
          [documentId(), `partner:${contact.documentId}:${run}`, 60_000_000 + index, contact.documentId, now],
        );
      }
    }
    for (const activity of activities) {
      const [row] = (
        await client.query(
          `insert into leads_activities (document_id, type, utm_source, utm_medium, utm_campaign, language, occurred_at, created_at, updated_at, published_at)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $8, $8) returning id`,
          [
            documentId(),
            activity.type,
            activity.utmSource,
            activity.utmMedium,
            activity.utmCampaign,
            activity.language,
            activity.occurredAt,
            now,
          ],
        )
      ).rows;
      await client.query('insert into leads_activities_contact_lnk (activity_id, contact_id) values ($1, $2)', [
        row.id,
        contacts[activity.contact].id,
      ]);
    }
    for (const [index, request] of requests.entries()) {
      await client.query(
        `insert into whitepapers_downloads (document_id, whitepaper, whitepaper_title, contact, expires_at, requested_at, first_downloaded_at, download_count, language, created_at, updated_at, published_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $10)`,
        [
          documentId(),
          paperId,
          `Analytics paper ${run}`,
          contacts[index].documentId,
          new Date(request.requestedAt.getTime() + 3 * 86_400_000),
          request.requestedAt,
          request.downloadCount > 0 ? request.requestedAt : null,
          request.downloadCount,
          request.language,
          now,
        ],
      );
    }
    await client.query(
      `insert into leads_outbox (document_id, topic, payload, idempotency_key, status, attempts, next_attempt_at, created_at, updated_at, published_at)
       values ($1, $2, '{}', $3, 'dead', 8, $4, $4, $4, $4), ($5, $2, '{}', $6, 'dead', 8, $4, $4, $4, $4)`,
      [documentId(), `analytics.test-${run}`, `analytics-${run}-1`, now, documentId(), `analytics-${run}-2`],
    );
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

let superToken: string;
let viewerToken: string;
const overview = (token: string | null, query = `from=${FROM}&to=${TO}`) =>
  api(`/analytics/overview?${query}`, { headers: token ? auth(token) : {} });

beforeAll(async () => {
  await seed();
  superToken = await superAdminToken();
  viewerToken = (await createAdminUser('Viewer')).token;
});

describe('lead analytics overview', () => {
  it.each(['all', 'de', 'en'] as const)(
    'returns the seeded funnel, timeline and UTM figures for locale %s',
    async (locale) => {
      const response = await overview(viewerToken, `from=${FROM}&to=${TO}&locale=${locale}&interval=day`);
      expect(response.status).toBe(200);
      const data = response.body.data;
      expect(data.range).toEqual({ from: FROM, to: TO, locale, interval: 'day' });
      expect(data.funnel).toEqual(expectedFunnel(locale));
      const timeline = expectedTimeline(locale);
      expect(new Set(data.timeline.types)).toEqual(timeline.types);
      expect(data.timeline.buckets).toEqual(timeline.buckets);
      expect(data.utm.source).toEqual(expectedUtm(locale, 'utmSource'));
      expect(data.utm.medium).toEqual(expectedUtm(locale, 'utmMedium'));
      expect(data.utm.campaign).toEqual(expectedUtm(locale, 'utmCampaign'));
    },
  );

  it('buckets by ISO week when asked', async () => {
    const response = await overview(viewerToken, `from=${FROM}&to=${TO}&interval=week`);
    expect(response.status).toBe(200);
    const weeks = response.body.data.timeline.buckets;
    expect(weeks.map((week: { bucket: string }) => week.bucket)).toEqual([
      '2031-01-27',
      '2031-02-03',
      '2031-02-10',
      '2031-02-17',
      '2031-02-24',
    ]);
    expect(weeks.reduce((sum: number, week: { total: number }) => sum + week.total, 0)).toBe(selected('all').length);
  });

  it("includes the whitepapers plugin's section: requests vs downloads per paper", async () => {
    const response = await overview(viewerToken, `from=${FROM}&to=${TO}&locale=de`);
    const section = response.body.data.sections.find(
      (table: { name: string }) => table.name === 'whitepapers.requests',
    );
    expect(section).toBeDefined();
    const ours = requests.filter((r) => inRange(r.requestedAt) && r.language === 'de');
    const row = section.rows.find((candidate: { title: string }) => candidate.title === `Analytics paper ${run}`);
    expect(row).toEqual({
      title: `Analytics paper ${run}`,
      requests: ours.length,
      downloaded: ours.filter((r) => r.downloadCount > 0).length,
      rate: Math.round((ours.filter((r) => r.downloadCount > 0).length / ours.length) * 10_000) / 10_000,
      downloads: ours.reduce((sum, r) => sum + r.downloadCount, 0),
    });
  });

  it('shows dead outbox rows per topic', async () => {
    const response = await overview(viewerToken);
    expect(response.body.data.outbox).toContainEqual({
      topic: `analytics.test-${run}`,
      pending: 0,
      processing: 0,
      dead: 2,
    });
  });

  it('carries no personal data: no seeded email or document id anywhere in the answer', async () => {
    const text = JSON.stringify((await overview(viewerToken)).body);
    expect(text).not.toContain(`analytics-${run}-`);
    expect(text).not.toContain(contacts[0].documentId);
  });

  it('rejects a bad filter with 400 and the field in the details', async () => {
    const response = await overview(viewerToken, 'from=2031-02-30&to=2031-03-01&locale=tlh');
    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('ValidationError');
    expect(response.body.error.details.errors.map((error: { path: string[] }) => error.path[0]).sort()).toEqual([
      'from',
      'locale',
    ]);
  });

  it('answers 401 without an admin token and 403 to an admin whose role lacks the permission', async () => {
    expect((await overview(null)).status).toBe(401);
    expect((await api(`/analytics/export/funnel?from=${FROM}&to=${TO}`)).status).toBe(401);
    const roleName = `NoAnalytics${run}`;
    const created = await api('/admin/roles', {
      method: 'POST',
      headers: auth(superToken),
      json: { name: roleName, description: 'test role without permissions' },
    });
    expect([200, 201]).toContain(created.status);
    const outsider = await createAdminUser(roleName);
    expect((await overview(outsider.token)).status).toBe(403);
  });
});

describe('CSV export', () => {
  it('exports the complete UTM source table for the range and locale', async () => {
    const response = await api(`/analytics/export/utm-source?from=${FROM}&to=${TO}&locale=de`, {
      headers: { ...auth(viewerToken), Accept: 'text/csv' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const lines = String(response.body).trim().split('\n');
    expect(lines[0]).toBe('value,activities,contacts,confirmed,conversion');
    const expected = expectedUtm('de', 'utmSource').map((row) =>
      [row.value ?? '', row.activities, row.contacts, row.confirmed, row.conversion].join(','),
    );
    expect(lines.slice(1)).toEqual(expected);
  });

  it("exports a plugin's section by its name, and 404s an unknown table", async () => {
    const section = await api(`/analytics/export/whitepapers.requests?from=${FROM}&to=${TO}`, {
      headers: { ...auth(viewerToken), Accept: 'text/csv' },
    });
    expect(section.status).toBe(200);
    expect(String(section.body)).toContain(`Analytics paper ${run}`);
    expect((await api(`/analytics/export/contacts?from=${FROM}&to=${TO}`, { headers: auth(viewerToken) })).status).toBe(
      404,
    );
  });
});

describe('Odoo stage read-back', () => {
  it('reads stage, probability and outcome of our crm.leads from Odoo and moves the funnel past "synced"', async () => {
    // three confirmed German contacts with an activity in range, linked to leads that exist in Odoo
    const chosen = contacts
      .map((contact, index) => ({ contact, index }))
      .filter(({ contact, index }) => contact.lead === undefined && selected('de').some((a) => a.contact === index))
      .slice(0, 3);
    expect(chosen).toHaveLength(3);
    const ids = await fakeOdoo.seed(
      'crm.lead',
      chosen.map(({ index }) => ({ name: `Analytics lead ${run} ${index}` })),
    );
    for (const [n, { contact }] of chosen.entries()) {
      await rows(
        `insert into odoo_sync_links (document_id, key, model, odoo_id, contact_document_id, synced_at, created_at, updated_at, published_at)
         values ($1, $2, 'crm.lead', $3, $4, now(), now(), now(), now())`,
        [documentId(), `lead:${contact.documentId}:booking:${run}`, ids[n], contact.documentId],
      );
    }
    const before = (await overview(viewerToken, `from=${FROM}&to=${TO}&locale=de`)).body.data.funnel;
    await fakeOdoo.moveLead(ids[0], { stage: 'Won' });
    await fakeOdoo.moveLead(ids[1], { stage: 'Qualified' });
    await fakeOdoo.moveLead(ids[2], { lost: true });

    const readBack = await api('/odoo-sync/stages/read-back', { method: 'POST', headers: auth(superToken) });
    expect(readBack.status).toBe(200);
    expect(readBack.body.data.updated).toBeGreaterThanOrEqual(3);

    const links = await rows(
      `select odoo_id, stage_name, probability, outcome from odoo_sync_links where odoo_id = any($1) and key like $2 order by odoo_id`,
      [ids, `%:${run}`],
    );
    expect(links).toEqual([
      { odoo_id: ids[0], stage_name: 'Won', probability: 100, outcome: 'won' },
      { odoo_id: ids[1], stage_name: 'Qualified', probability: 10, outcome: 'qualified' },
      { odoo_id: ids[2], stage_name: 'New', probability: 0, outcome: 'lost' },
    ]);
    const after = (await overview(viewerToken, `from=${FROM}&to=${TO}&locale=de`)).body.data.funnel;
    expect(after).toEqual({ ...before, qualified: before.qualified + 2, won: before.won + 1 });
    // the read-back asked Odoo in one batch, by the ids we stored
    const calls = await fakeOdoo.calls({ model: 'crm.lead', modelMethod: 'search_read' });
    expect(calls.length).toBeGreaterThan(0);
  });

  it('needs the manage permission of odoo-sync', async () => {
    expect((await api('/odoo-sync/stages/read-back', { method: 'POST', headers: auth(viewerToken) })).status).toBe(403);
  });
});
