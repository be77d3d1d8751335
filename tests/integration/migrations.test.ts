/**
 * Strapi database migrations (cms/database/migrations) on a copy of this run's seeded database,
 * put back into the shape it had before a schema change of our plugins, then booted: the data
 * must have moved. The copy is made with the backup and restore scripts (the test CMS keeps the
 * original open, so CREATE DATABASE ... TEMPLATE is not possible).
 *
 * whitepapers (053e6ec): download records kept their language in `locale`, now `language`.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { execFile } from 'node:child_process';
import type { Knex } from 'knex';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CMS_DIR, ROOT } from '../../scripts/lib/paths.mjs';
import { createDatabase, dropDatabase, withDatabase } from '../../scripts/lib/postgres.mjs';
import { startTestCms } from '../helpers/cms-process';

const MIGRATION = '2026.11.25T10.36.08.whitepapers-download-language.js';
const requireCjs = createRequire(import.meta.url);
// the knex Strapi runs migrations with: the one @strapi/database depends on
const knexFactory = createRequire(requireCjs.resolve('@strapi/database'))('knex') as typeof import('knex').knex;
const migration = requireCjs(path.join(CMS_DIR, 'database', 'migrations', MIGRATION)) as {
  up: (knex: Knex) => Promise<void>;
};

const copyName = `magnetiq_migrate_${Date.now()}_${crypto.randomBytes(3).toString('hex')}`;
const adminUrl = () => withDatabase(inject('databaseUrl'), 'postgres');
const copyUrl = () => withDatabase(inject('databaseUrl'), copyName);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'magnetiq-migrate-test-'));

const run = (name: string, args: string[], env: Record<string, string>) =>
  new Promise<void>((resolve, reject) => {
    execFile(
      'bash',
      [path.join(ROOT, 'scripts', name), ...args],
      { env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => (error ? reject(new Error(`${name} failed: ${stderr || stdout}`)) : resolve()),
    );
  });

let client: pg.Client;
const sql = async <T = any>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as T[];
const columns = async () =>
  (
    await sql<{ column_name: string }>(
      `select column_name from information_schema.columns where table_schema = 'public' and table_name = 'whitepapers_downloads'`,
    )
  ).map((row) => row.column_name);

/** Download rows as the whitepapers plugin wrote them before the rename, languages in `locale`. */
const OLD_ROWS = [
  { id: 'mig-de', locale: 'de' },
  { id: 'mig-en', locale: 'en' },
  { id: 'mig-none', locale: null },
];

beforeAll(async () => {
  const backups = path.join(work, 'backups');
  await run('backup.sh', [], {
    DATABASE_URL: inject('databaseUrl'),
    BACKUP_DIR: backups,
    SKIP_UPLOADS: '1',
    BACKUP_KEEP_DAYS: '0',
  });
  const [dump] = fs.readdirSync(backups).filter((name) => name.endsWith('.dump'));
  await createDatabase(adminUrl(), copyName);
  await run('restore.sh', ['--yes', path.join(backups, dump)], { DATABASE_URL: copyUrl() });

  client = new pg.Client({ connectionString: copyUrl() });
  await client.connect();
  // back to the old shape: the column was `locale`, and this migration never ran
  if ((await columns()).includes('locale')) await sql(`alter table whitepapers_downloads drop column language`);
  else await sql(`alter table whitepapers_downloads rename column language to locale`);
  await sql(`delete from strapi_migrations where name = $1`, [MIGRATION]);
  for (const row of OLD_ROWS) {
    await sql(
      `insert into whitepapers_downloads (document_id, whitepaper, contact, expires_at, requested_at, download_count, locale, created_at, updated_at, published_at)
       values ($1, 'wp-doc', 'contact-doc', now() + interval '1 day', now(), 0, $2, now(), now(), now())`,
      [row.id, row.locale],
    );
  }
}, 120_000);

afterAll(async () => {
  await client?.end();
  await dropDatabase(adminUrl(), copyName);
  fs.rmSync(work, { recursive: true, force: true });
});

describe('database migrations', () => {
  it('Strapi runs the migration on boot: the old download languages are in `language` afterwards', async () => {
    expect(await columns()).not.toContain('language');
    const cms = await startTestCms('migrations-strapi', {
      ...inject('cmsSecrets'),
      DATABASE_URL: copyUrl(),
      SEED_DEMO_CONTENT: 'false',
      CONTENT_SCHEDULER: 'false',
      OUTBOX_WORKER: 'false',
      WHITEPAPERS_FILES_DIR: inject('whitepapersDir'),
    });
    try {
      expect((await fetch(`${cms.url}/_health`)).status).toBe(204);
    } finally {
      await cms.stop();
    }

    expect(await columns()).toContain('language');
    const rows = await sql<{ document_id: string; language: string | null }>(
      `select document_id, language from whitepapers_downloads where document_id like 'mig-%' order by document_id`,
    );
    expect(rows).toEqual([
      { document_id: 'mig-de', language: 'de' },
      { document_id: 'mig-en', language: 'en' },
      { document_id: 'mig-none', language: null },
    ]);
    expect(await sql(`select name from strapi_migrations where name = $1`, [MIGRATION])).toHaveLength(1);
  }, 180_000);

  it('is idempotent: a second run changes nothing, and never overwrites a language already set', async () => {
    const knex = knexFactory({ client: 'pg', connection: copyUrl() });
    try {
      const snapshot = async () => sql(`select document_id, language from whitepapers_downloads order by document_id`);
      const before = await snapshot();
      await knex.transaction((trx) => migration.up(trx));
      expect(await snapshot()).toEqual(before);

      // half-migrated: both columns, one value moved and one not
      await sql(`alter table whitepapers_downloads add column if not exists locale varchar(255)`);
      await sql(`update whitepapers_downloads set locale = 'fr' where document_id = 'mig-de'`);
      await sql(`update whitepapers_downloads set locale = 'de', language = null where document_id = 'mig-none'`);
      await knex.transaction((trx) => migration.up(trx));
      await knex.transaction((trx) => migration.up(trx));
      const rows = await sql(
        `select document_id, language from whitepapers_downloads where document_id like 'mig-%' order by document_id`,
      );
      expect(rows).toEqual([
        { document_id: 'mig-de', language: 'de' },
        { document_id: 'mig-en', language: 'en' },
        { document_id: 'mig-none', language: 'de' },
      ]);
    } finally {
      await knex.destroy();
    }
  });
});
