import type { Knex } from 'knex';

/**
 * The editorial plugin's own tables, created here (not as Strapi content types): versions are
 * JSONB documents written by raw SQL inside the Document Service's transaction, releases are
 * claimed with FOR UPDATE SKIP LOCKED, and none of it belongs in the Content Manager.
 * `create table if not exists` under an advisory lock: several instances start at once.
 */
export const TABLES = {
  versions: 'editorial_versions',
  settings: 'editorial_settings',
  stages: 'editorial_stages',
  releases: 'editorial_releases',
  releaseActions: 'editorial_release_actions',
} as const;

const DDL = [
  `create table if not exists ${TABLES.versions} (
     id bigserial primary key,
     content_type varchar(255) not null,
     document_id varchar(255) not null,
     locale varchar(35) not null default '',
     status varchar(16) not null,
     action varchar(32) not null,
     data jsonb not null,
     restored_from bigint,
     created_by_id integer,
     created_by_name varchar(255),
     created_at timestamptz not null default now())`,
  `create index if not exists editorial_versions_document on ${TABLES.versions} (content_type, document_id, locale, id desc)`,
  `create index if not exists editorial_versions_created on ${TABLES.versions} (created_at)`,
  `create table if not exists ${TABLES.settings} (
     content_type varchar(255) primary key,
     history boolean not null default true,
     review boolean not null default false,
     stages jsonb,
     reset_on_edit boolean not null default true,
     updated_at timestamptz not null default now())`,
  `create table if not exists ${TABLES.stages} (
     content_type varchar(255) not null,
     document_id varchar(255) not null,
     locale varchar(35) not null default '',
     stage varchar(100) not null,
     assignee_id integer,
     updated_by_id integer,
     updated_at timestamptz not null default now(),
     primary key (content_type, document_id, locale))`,
  `create index if not exists editorial_stages_assignee on ${TABLES.stages} (assignee_id)`,
  `create table if not exists ${TABLES.releases} (
     id bigserial primary key,
     name varchar(255) not null,
     status varchar(16) not null default 'open',
     scheduled_at timestamptz,
     time_zone varchar(64),
     runs integer not null default 0,
     error text,
     run_by varchar(255),
     started_at timestamptz,
     finished_at timestamptz,
     created_by_id integer,
     created_at timestamptz not null default now(),
     updated_at timestamptz not null default now())`,
  `create index if not exists editorial_releases_due on ${TABLES.releases} (scheduled_at) where status in ('scheduled', 'running')`,
  `create table if not exists ${TABLES.releaseActions} (
     id bigserial primary key,
     release_id bigint not null references ${TABLES.releases}(id) on delete cascade,
     position integer not null,
     locale varchar(35) not null default '',
     content_type varchar(255) not null,
     document_id varchar(255) not null,
     type varchar(16) not null)`,
  `create index if not exists editorial_release_actions_release on ${TABLES.releaseActions} (release_id, position)`,
];

export async function installTables(knex: Knex): Promise<void> {
  await knex.transaction(async (trx) => {
    await trx.raw(`select pg_advisory_xact_lock(hashtext('magnetiq.editorial-tables'))`);
    for (const statement of DDL) await trx.raw(statement);
  });
}
