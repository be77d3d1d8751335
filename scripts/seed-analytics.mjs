#!/usr/bin/env node
/**
 * A realistic volume for the lead analytics dashboard, written with set-based SQL (seconds, not
 * minutes): contacts, activities over the last 12 months with UTM and languages, confirmations,
 * Odoo lead links with read-back outcomes, whitepaper requests and a few outbox rows.
 * Needs a database whose schema the CMS has created (boot it once). Deterministic (setseed).
 *
 *   node scripts/seed-analytics.mjs postgres://… [--activities 20000] [--contacts 8000]
 */
import { parseArgs } from 'node:util';
import pg from 'pg';

const MARK = '@analytics-seed.example';

/** @param {pg.ClientBase} client */
export async function seedAnalytics(client, { activities = 20_000, contacts = 8_000, now = new Date() } = {}) {
  const started = Date.now();
  await client.query('begin');
  try {
    await client.query('select setseed(0.42)');
    // contacts: 55 % German, 62 % confirmed (double opt-in a few hours after signing up)
    await client.query(
      `insert into leads_contacts (document_id, email, status, confirmed_at, language, created_at, updated_at, published_at)
       select 's' || substr(md5('contact' || g), 1, 23), 'lead-' || g || $2::text,
              case when r < 0.62 then 'confirmed' else 'new' end,
              case when r < 0.62 then created + interval '3 hours' end,
              case when l < 0.55 then 'de' else 'en' end, created, created, created
       from (select g, random() as r, random() as l, $3::timestamp - random() * interval '365 days' as created
             from generate_series(1, $1) g) c
       on conflict (email) do nothing`,
      [contacts, MARK, now],
    );
    // activities: each to a random seeded contact, weighted types, UTM and languages
    await client.query(
      `with seeded as (select id, language, row_number() over (order by id) as rn from leads_contacts where email like '%' || $2::text),
            total as (select count(*) as n from seeded),
            picks as (
              select g, 1 + floor(random() * (select n from total))::int as rn, random() as t, random() as s, random() as m, random() as c, random() as l,
                     $3::timestamp - random() * interval '365 days' as at
              from generate_series(1, $1) g)
       insert into leads_activities (document_id, type, reference, utm_source, utm_medium, utm_campaign, language, occurred_at, created_at, updated_at, published_at)
       select 'a' || substr(md5('activity' || g), 1, 23),
              case when t < 0.30 then 'contact-form' when t < 0.65 then 'whitepaper-download' when t < 0.90 then 'webinar-registration' else 'booking' end,
              'seed-contact-' || seeded.id,
              case when s < 0.30 then 'google' when s < 0.55 then 'linkedin' when s < 0.70 then 'newsletter' when s < 0.75 then 'bing' when s < 0.80 then 'partner-portal' end,
              case when s < 0.30 or (s >= 0.70 and s < 0.75) then 'cpc' when s < 0.55 then 'social' when s < 0.70 then 'email' when s < 0.80 then 'referral' end,
              case when c < 0.20 then 'spring-launch' when c < 0.35 then 'webinar-series' when c < 0.45 then 'whitepaper-ai' when c < 0.52 then 'trade-fair' when c < 0.58 then 'retargeting' end,
              case when l < 0.85 then seeded.language when seeded.language = 'de' then 'en' else 'de' end,
              at, at, at, at
       from picks join seeded using (rn)`,
      [activities, MARK, now],
    );
    await client.query(
      `insert into leads_activities_contact_lnk (activity_id, contact_id)
       select id, substr(reference, 14)::int from leads_activities a
       where reference like 'seed-contact-%' and not exists (select 1 from leads_activities_contact_lnk l where l.activity_id = a.id)`,
    );
    // Odoo: about 40 % of confirmed contacts became a crm.lead; stages read back
    await client.query(
      `insert into odoo_sync_links (document_id, key, model, odoo_id, contact_document_id, stage_name, probability, outcome, synced_at, stage_checked_at, created_at, updated_at, published_at)
       select 'k' || substr(md5('link' || c.id), 1, 23), 'lead:' || c.document_id || ':contact-form:seed', 'crm.lead', 100000 + c.id, c.document_id,
              case when o < 0.50 then 'New' when o < 0.75 then 'Qualified' when o < 0.85 then 'Won' else 'New' end,
              case when o < 0.50 then 10 when o < 0.75 then 40 when o < 0.85 then 100 else 0 end,
              case when o < 0.50 then 'open' when o < 0.75 then 'qualified' when o < 0.85 then 'won' else 'lost' end,
              c.confirmed_at, $2::timestamp, c.confirmed_at, c.confirmed_at, c.confirmed_at
       from (select c.*, random() as o, random() as pick from leads_contacts c where c.email like '%' || $1::text and c.confirmed_at is not null) c
       where pick < 0.40
       on conflict (key) do nothing`,
      [MARK, now],
    );
    // whitepapers: every whitepaper-download activity is a request of one of five papers
    await client.query(
      `insert into whitepapers_downloads (document_id, whitepaper, whitepaper_title, contact, expires_at, requested_at, first_downloaded_at, last_downloaded_at, download_count, language, utm_source, utm_medium, utm_campaign, created_at, updated_at, published_at)
       select 'w' || substr(md5('download' || a.id), 1, 23), 'seedpaper' || p || 'xxxxxxxxxxxxxx',
              (array['AI in B2B sales', 'CRM migration checklist', 'Lead scoring 101', 'GDPR for marketers', 'Webinar playbook'])[p],
              c.document_id, a.occurred_at + interval '3 days', a.occurred_at,
              case when d < 0.7 then a.occurred_at + interval '10 minutes' end, case when d < 0.7 then a.occurred_at + interval '1 day' end,
              case when d < 0.5 then 1 when d < 0.7 then 2 else 0 end, a.language, a.utm_source, a.utm_medium, a.utm_campaign, a.occurred_at, a.occurred_at, a.occurred_at
       from (select a.*, 1 + floor(random() * 5)::int as p, random() as d from leads_activities a where a.type = 'whitepaper-download' and a.reference like 'seed-contact-%') a
       join leads_contacts c on c.id = substr(a.reference, 14)::int
       on conflict do nothing`,
    );
    // outbox health: a few waiting (due tomorrow, so no worker touches them) and dead rows
    await client.query(
      `insert into leads_outbox (document_id, topic, payload, idempotency_key, status, attempts, next_attempt_at, last_error, created_at, updated_at, published_at)
       select 'o' || substr(md5('outbox' || g), 1, 23), case when g % 3 = 0 then 'email.send' else 'odoo.upsert-lead' end, '{}', 'analytics-seed-' || g,
              case when g <= 7 then 'pending' else 'dead' end, case when g <= 7 then 1 else 20 end, $1::timestamp + interval '1 day', case when g > 7 then 'seeded failure' end, $1, $1, $1
       from generate_series(1, 10) g
       on conflict (idempotency_key) do nothing`,
      [now],
    );
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
  await client.query(
    'analyze leads_contacts, leads_activities, leads_activities_contact_lnk, odoo_sync_links, whitepapers_downloads, leads_outbox',
  );
  const { rows } = await client.query(
    `select (select count(*) from leads_activities where reference like 'seed-contact-%')::int as activities, (select count(*) from leads_contacts where email like '%' || $1::text)::int as contacts, (select count(*) from odoo_sync_links where key like '%:seed')::int as links`,
    [MARK],
  );
  return { ...rows[0], ms: Date.now() - started };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { activities: { type: 'string', default: '20000' }, contacts: { type: 'string', default: '8000' } },
  });
  const url = positionals[0] ?? process.env.DATABASE_URL;
  if (!url) {
    console.error('usage: node scripts/seed-analytics.mjs <DATABASE_URL> [--activities N] [--contacts N]');
    process.exit(2);
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await seedAnalytics(client, {
      activities: Number(values.activities),
      contacts: Number(values.contacts),
    });
    console.log(
      `seeded ${result.contacts} contacts, ${result.activities} activities, ${result.links} Odoo links in ${result.ms} ms`,
    );
  } finally {
    await client.end();
  }
}
