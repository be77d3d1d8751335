import type { Core } from '@strapi/strapi';
import { TABLE } from '../utils';

/**
 * The newsletter's tables, plain SQL (docs/adr/0027-newsletter.md): the recipients table needs a
 * unique (campaign, contact) row and bulk inserts of 100,000 rows from a query, which Strapi's
 * content types cannot declare. Strapi's schema sync leaves tables it never created alone.
 * Contacts are referred to by the leads core's ids (no foreign key into another plugin's tables);
 * the erase hook removes a contact's rows.
 */
const STATEMENTS = [
  `create table if not exists ${TABLE.topics} (
    id serial primary key,
    slug varchar(60) not null,
    locale varchar(35) not null,
    name varchar(120) not null,
    description varchar(500),
    position integer not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (slug, locale))`,
  `create table if not exists ${TABLE.subscriptions} (
    contact_id integer not null,
    topic_id integer not null references ${TABLE.topics} (id) on delete cascade,
    created_at timestamptz not null default now(),
    primary key (contact_id, topic_id))`,
  `create index if not exists newsletter_subscriptions_topic on ${TABLE.subscriptions} (topic_id)`,
  `create table if not exists ${TABLE.segments} (
    id serial primary key,
    name varchar(120) not null,
    filter jsonb not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now())`,
  `create table if not exists ${TABLE.campaigns} (
    id serial primary key,
    name varchar(200) not null,
    variants jsonb not null,
    default_locale varchar(35) not null,
    segment_id integer references ${TABLE.segments} (id) on delete set null,
    segment_filter jsonb,
    status varchar(20) not null default 'draft',
    scheduled_at timestamptz,
    started_at timestamptz,
    finished_at timestamptz,
    recipient_count integer,
    created_by integer,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now())`,
  `create table if not exists ${TABLE.recipients} (
    id bigserial primary key,
    campaign_id integer not null references ${TABLE.campaigns} (id) on delete cascade,
    contact_id integer not null,
    contact_document_id varchar(255) not null,
    email varchar(320) not null,
    language varchar(35) not null,
    batch integer not null,
    status varchar(20) not null default 'pending',
    message_id varchar(255),
    sent_at timestamptz,
    delivered_at timestamptz,
    opened_at timestamptz,
    clicked_at timestamptz,
    bounced_at timestamptz,
    unsubscribed_at timestamptz,
    spam_at timestamptz,
    unique (campaign_id, contact_id))`,
  `create index if not exists newsletter_recipients_batch on ${TABLE.recipients} (campaign_id, language, batch, status)`,
  `create index if not exists newsletter_recipients_contact on ${TABLE.recipients} (contact_id)`,
  `create table if not exists ${TABLE.suppressions} (
    email_hash varchar(64) primary key,
    contact_id integer,
    scope varchar(20) not null,
    reason varchar(40) not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now())`,
  `create index if not exists newsletter_suppressions_contact on ${TABLE.suppressions} (contact_id)`,
  // delivery (bounce, block, drop): until an admin removes it; consent (spam report, unsubscribe at
  // SendGrid): lifted by a double opt-in confirmed after it (docs/adr/0027)
  `alter table ${TABLE.suppressions} add column if not exists kind varchar(20)`,
  `update ${TABLE.suppressions} set kind = case when reason in ('spamreport', 'unsubscribe', 'group_unsubscribe') then 'consent' else 'delivery' end where kind is null`,
  // the recipient's double opt-in when the campaign started: a consent suppression older than it is lifted
  `alter table ${TABLE.recipients} add column if not exists confirmed_at timestamptz`,
  `create table if not exists ${TABLE.events} (
    sg_event_id varchar(100) primary key,
    received_at timestamptz not null default now())`,
  `create table if not exists ${TABLE.settings} (
    key varchar(60) primary key,
    value jsonb not null,
    updated_at timestamptz not null default now())`,
];

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Creates the tables once; instances booting together wait on one advisory lock. */
  async ensure() {
    await strapi.db.connection.transaction(async (trx) => {
      await trx.raw(`select pg_advisory_xact_lock(hashtext('magnetiq:newsletter:schema'))`);
      for (const statement of STATEMENTS) await trx.raw(statement);
    });
  },
});
