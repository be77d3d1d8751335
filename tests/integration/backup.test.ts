/**
 * Backups with the real scripts on the real data of this run: scripts/backup.sh dumps the seeded
 * test database (and archives the uploads folder and the private whitepaper folder),
 * scripts/restore.sh restores it into a new empty database, and every table of the public schema
 * must come back with the same rows (count and a checksum over the ordered rows), every sequence
 * at the same value, every upload and gated PDF byte for byte; a CMS started on the restored
 * database and folder serves the gated PDF through a freshly signed link.
 * Retention: planted old backup pairs are pruned to BACKUP_KEEP_DAYS days, other files and the
 * backup just written stay.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CMS_DIR, ROOT } from '../../scripts/lib/paths.mjs';
import { createDatabase, dropDatabase, startEmbeddedPostgres, withDatabase } from '../../scripts/lib/postgres.mjs';
import { freePort } from '../helpers/ports';
import { startTestCms } from '../helpers/cms-process';
import { adminToken, api, clientIp } from '../helpers/http';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one of the scripts with bash, the way cron would: environment only, no terminal. */
function script(name: string, args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      'bash',
      [path.join(ROOT, 'scripts', name), ...args],
      { env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = (error as { code?: unknown } | null)?.code;
        resolve({ code: error ? (typeof code === 'number' ? code : 1) : 0, stdout, stderr });
      },
    );
  });
}

type Fingerprint = Record<string, { rows: number; md5: string }>;

/** Row count and md5 over the ordered row texts of every table in public, plus every sequence's value. */
async function fingerprint(
  client: pg.Client | pg.PoolClient,
): Promise<{ tables: Fingerprint; sequences: Record<string, string> }> {
  const { rows: tableRows } = await client.query<{ table_name: string }>(
    `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const tables: Fingerprint = {};
  for (const { table_name: table } of tableRows) {
    const quoted = `"public"."${table.replace(/"/g, '""')}"`;
    const { rows } = await client.query<{ rows: number; md5: string }>(
      `select count(*)::int as rows, md5(coalesce(string_agg(t::text, '' order by t::text), '')) as md5 from ${quoted} t`,
    );
    tables[table] = rows[0];
  }
  const { rows: sequenceRows } = await client.query<{ name: string; value: string | null }>(
    `select sequencename as name, last_value::text as value from pg_sequences where schemaname = 'public' order by sequencename`,
  );
  return { tables, sequences: Object.fromEntries(sequenceRows.map((row) => [row.name, row.value ?? 'unused'])) };
}

/** Relative path → sha256 of every file below `dir`. */
function fileDigests(dir: string): Record<string, string> {
  const digests: Record<string, string> = {};
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile())
        digests[path.relative(dir, full)] = crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex');
    }
  };
  walk(dir);
  return digests;
}

const sourceUrl = () => inject('databaseUrl');
const uploadsDir = path.join(CMS_DIR, 'public', 'uploads');
const PDF = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'whitepaper.pdf'));
const gatedPaper = { documentId: '', slug: `backup-paper-${crypto.randomBytes(3).toString('hex')}` };

/** A published gated whitepaper with its PDF in the test CMS's private folder, so the backup has one to keep. */
async function createGatedPaper() {
  const token = await adminToken();
  const asAdmin = (init: RequestInit & { json?: unknown } = {}) => ({
    ...init,
    ip: clientIp(),
    headers: { Authorization: `Bearer ${token}` },
  });
  const created = await api(
    '/whitepapers/papers',
    asAdmin({
      method: 'POST',
      json: {
        title: `Backup paper ${gatedPaper.slug}`,
        slug: gatedPaper.slug,
        summary: 'Kept in the backup.',
        pageCount: 3,
        topics: ['ops'],
        publish: true,
      },
    }),
  );
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  gatedPaper.documentId = created.body.data.documentId;
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), 'backup.pdf');
  const upload = await api(
    `/whitepapers/papers/${gatedPaper.documentId}/file`,
    asAdmin({ method: 'POST', body: form }),
  );
  expect(upload.status, JSON.stringify(upload.body)).toBe(200);
}
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'magnetiq-backup-test-'));
const restoredName = `magnetiq_restore_${Date.now()}_${crypto.randomBytes(3).toString('hex')}`;
const adminUrl = () => withDatabase(sourceUrl(), 'postgres');
const restoredUrl = () => withDatabase(sourceUrl(), restoredName);

afterAll(async () => {
  await dropDatabase(adminUrl(), restoredName);
  fs.rmSync(work, { recursive: true, force: true });
});

describe('backup and restore of the seeded database', () => {
  const backupDir = path.join(work, 'backups');
  let source: Awaited<ReturnType<typeof fingerprint>>;
  let backup: Run;
  let dumpFile: string;
  let uploadsArchive: string;
  let whitepapersArchive: string;
  const restoredWhitepapers = path.join(work, 'restored-whitepapers');

  beforeAll(async () => {
    await createGatedPaper();
    // The test CMS keeps running (outbox worker, scheduler). To compare the restore with the data
    // as it was dumped, writes pause while the dump runs: this session locks every table in
    // EXCLUSIVE mode (it blocks writers, not pg_dump's ACCESS SHARE reads), fingerprints them,
    // runs the real backup script, and commits.
    const client = new pg.Client({ connectionString: sourceUrl() });
    await client.connect();
    try {
      // read committed: every fingerprint query sees the state after the lock, as pg_dump does
      await client.query('begin');
      const { rows } = await client.query<{ name: string }>(
        `select format('%I.%I', schemaname, tablename) as name from pg_tables where schemaname = 'public'`,
      );
      await client.query(`lock table ${rows.map((row) => row.name).join(', ')} in exclusive mode`);
      source = await fingerprint(client);
      backup = await script('backup.sh', [], {
        DATABASE_URL: sourceUrl(),
        BACKUP_DIR: backupDir,
        UPLOADS_DIR: uploadsDir,
        WHITEPAPERS_FILES_DIR: inject('whitepapersDir'),
      });
      await client.query('commit');
    } finally {
      await client.end();
    }
    dumpFile = backup.stdout.match(/database dump: (\S+)/)?.[1] ?? '';
    uploadsArchive = backup.stdout.match(/uploads archive: (\S+)/)?.[1] ?? '';
    whitepapersArchive = backup.stdout.match(/whitepapers archive: (\S+)/)?.[1] ?? '';
  }, 120_000);

  it('writes a timestamped custom-format dump, uploads and whitepapers archives, readable by their owner only', () => {
    expect(backup.code, backup.stderr).toBe(0);
    expect(path.basename(dumpFile)).toMatch(/^magnetiq-\d{8}T\d{6}Z\.dump$/);
    expect(uploadsArchive).toBe(dumpFile.replace(/\.dump$/, '-uploads.tar.gz'));
    expect(whitepapersArchive).toBe(dumpFile.replace(/\.dump$/, '-whitepapers.tar.gz'));
    expect(fs.readFileSync(dumpFile).subarray(0, 5).toString()).toBe('PGDMP');
    expect(fs.statSync(dumpFile).mode & 0o777).toBe(0o600);
    expect(fs.statSync(uploadsArchive).mode & 0o777).toBe(0o600);
    expect(fs.statSync(whitepapersArchive).mode & 0o777).toBe(0o600);
    expect(fs.statSync(backupDir).mode & 0o777).toBe(0o700);
    // the client tool was chosen for the server's major version, and said so
    expect(backup.stdout).toMatch(/\[pg_dump\] pg_dump \(PostgreSQL\) (\d+)\S* .*for PostgreSQL \1\b/);
    // no password in the output
    expect(backup.stdout + backup.stderr).not.toMatch(/postgres:[^*@/]+@/);
  });

  it('restores into a new empty database with every table, row and sequence as it was dumped', async () => {
    await createDatabase(adminUrl(), restoredName);
    const restoredUploads = path.join(work, 'restored-uploads');
    const restore = await script('restore.sh', ['--yes', dumpFile, uploadsArchive, whitepapersArchive], {
      DATABASE_URL: restoredUrl(),
      UPLOADS_DIR: restoredUploads,
      WHITEPAPERS_DIR: restoredWhitepapers,
    });
    expect(restore.code, restore.stderr).toBe(0);

    const client = new pg.Client({ connectionString: restoredUrl() });
    await client.connect();
    const restored = await fingerprint(client).finally(() => client.end());

    // real data: the seeded site (pages, articles, images) and the admin
    const tables = Object.keys(source.tables);
    expect(tables.length).toBeGreaterThan(30);
    for (const table of ['articles', 'pages', 'files', 'admin_users']) {
      expect(source.tables[table]?.rows, table).toBeGreaterThan(0);
    }
    expect(Object.keys(restored.tables)).toEqual(tables);
    for (const table of tables) expect(restored.tables[table], table).toEqual(source.tables[table]);
    expect(restored.sequences).toEqual(source.sequences);

    // uploads: the same files with the same bytes
    const original = fileDigests(uploadsDir);
    expect(Object.keys(original).length).toBeGreaterThan(5);
    expect(fileDigests(restoredUploads)).toEqual(original);

    // the private whitepaper folder: the same files with the same bytes, the gated PDF among them
    const papers = fileDigests(inject('whitepapersDir'));
    expect(Object.values(papers)).toContain(crypto.createHash('sha256').update(PDF).digest('hex'));
    expect(fileDigests(restoredWhitepapers)).toEqual(papers);
  });

  it('serves a gated PDF from the restored database and folder through a freshly signed link', async () => {
    // a CMS of its own on the restored database and whitepaper folder (no outbox, no scheduler)
    const cms = await startTestCms('backup-restored-strapi', {
      ...inject('cmsSecrets'),
      DATABASE_URL: restoredUrl(),
      WHITEPAPERS_FILES_DIR: restoredWhitepapers,
      WHITEPAPERS_INSTANT_DOWNLOAD: 'true',
      SEED_DEMO_CONTENT: 'false',
      CONTENT_SCHEDULER: 'false',
      OUTBOX_WORKER: 'false',
      TRUST_PROXY: 'true',
    });
    try {
      const request = await fetch(`${cms.url}/api/whitepapers/requests`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Forwarded-For': clientIp() },
        body: JSON.stringify({
          whitepaper: gatedPaper.documentId,
          locale: 'en',
          email: `restored-${crypto.randomBytes(4).toString('hex')}@example.com`,
          firstName: 'Res',
          lastName: 'Tored',
          company: 'Backups Ltd',
          consent: { dataProcessing: true, textVersion: 'whitepaper-2026-12' },
        }),
        signal: AbortSignal.timeout(15_000),
      });
      const answer = await request.json();
      expect(request.status, JSON.stringify(answer)).toBe(201);
      const link = answer.data.downloadUrl as string;
      expect(link).toContain(`${cms.url}/api/whitepapers/download/`);
      const download = await fetch(link, {
        headers: { 'X-Forwarded-For': clientIp() },
        signal: AbortSignal.timeout(15_000),
      });
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toContain('application/pdf');
      expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);
    } finally {
      await cms.stop();
    }
  }, 180_000);

  it('refuses to restore over a database that is not empty, unless forced, and changes nothing', async () => {
    const client = new pg.Client({ connectionString: restoredUrl() });
    await client.connect();
    const articles = async () => (await client.query(`select count(*)::int as n from articles`)).rows[0].n as number;
    try {
      await client.query('delete from articles');
      const refused = await script('restore.sh', ['--yes', dumpFile], { DATABASE_URL: restoredUrl() });
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain('is not empty');
      expect(await articles()).toBe(0);

      const forced = await script('restore.sh', ['--yes', '--force', dumpFile], { DATABASE_URL: restoredUrl() });
      expect(forced.code, forced.stderr).toBe(0);
      expect(await articles()).toBe(source.tables.articles.rows);
    } finally {
      await client.end();
    }
  });

  it('refuses a pg_dump older than the server, naming both versions, and writes nothing', async () => {
    const oldTools = path.join(work, 'old-tools');
    fs.mkdirSync(oldTools);
    fs.writeFileSync(path.join(oldTools, 'pg_dump'), '#!/bin/sh\necho "pg_dump (PostgreSQL) 9.6.24"\n', {
      mode: 0o755,
    });
    const dir = path.join(work, 'never-written');
    const run = await script('backup.sh', [], {
      DATABASE_URL: sourceUrl(),
      BACKUP_DIR: dir,
      PG_BIN_DIR: oldTools,
      SKIP_UPLOADS: '1',
    });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/pg_dump 9 in PG_BIN_DIR=.* is older than the server \(PostgreSQL \d+\)/);
    expect(fs.existsSync(dir)).toBe(false);
  });
});

describe('client tools for the embedded PostgreSQL 18 of npm start', () => {
  it('uses a pg_dump 18 or newer if the machine has one, else stops before writing and says what to install', async () => {
    const dataDir = path.join(os.tmpdir(), `magnetiq-backup-pg18-${crypto.randomBytes(3).toString('hex')}`);
    const embedded = await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      persistent: false,
    });
    try {
      const dir = path.join(work, 'embedded');
      const run = await script('backup.sh', [], {
        DATABASE_URL: embedded.adminUrl,
        BACKUP_DIR: dir,
        SKIP_UPLOADS: '1',
        SKIP_WHITEPAPERS: '1',
        BACKUP_KEEP_DAYS: '0',
      });
      const major = Number(
        run.stdout.match(/for PostgreSQL (\d+)/)?.[1] ?? run.stderr.match(/\(PostgreSQL (\d+)\)/)?.[1],
      );
      expect(major).toBeGreaterThanOrEqual(18);
      if (run.code === 0) {
        const tool = Number(run.stdout.match(/\[pg_dump\] pg_dump \(PostgreSQL\) (\d+)/)![1]);
        expect(tool).toBeGreaterThanOrEqual(major);
        expect(fs.readdirSync(dir).filter((name) => name.endsWith('.dump'))).toHaveLength(1);
      } else {
        expect(run.stderr).toContain(`No pg_dump >= ${major}`);
        expect(run.stderr).toContain(`postgresql-client-${major}`);
        expect(fs.existsSync(dir)).toBe(false);
      }
    } finally {
      await embedded.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('backup retention', () => {
  const plant = (dir: string, stamps: string[]) => {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    for (const stamp of stamps) {
      fs.writeFileSync(path.join(dir, `magnetiq-${stamp}.dump`), 'old dump');
      fs.writeFileSync(path.join(dir, `magnetiq-${stamp}-uploads.tar.gz`), 'old uploads');
      fs.writeFileSync(path.join(dir, `magnetiq-${stamp}-whitepapers.tar.gz`), 'old whitepapers');
    }
  };
  const names = (dir: string) => fs.readdirSync(dir).sort();

  it('keeps the backups of the newest BACKUP_KEEP_DAYS days (pairs together) and nothing else of its own', async () => {
    const dir = path.join(work, 'retention');
    // nine earlier days, two backups on the newest of them
    const days = [
      '20260101',
      '20260102',
      '20260103',
      '20260105',
      '20260108',
      '20260113',
      '20260121',
      '20260130',
      '20260214',
    ];
    plant(dir, [...days.map((day) => `${day}T023000Z`), '20260214T180000Z']);
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a backup');
    fs.writeFileSync(path.join(dir, 'magnetiq-20250101T000000Z.dump.partial'), 'interrupted');

    const run = await script('backup.sh', [], {
      DATABASE_URL: sourceUrl(),
      BACKUP_DIR: dir,
      UPLOADS_DIR: uploadsDir,
      SKIP_WHITEPAPERS: '1',
      BACKUP_KEEP_DAYS: '3',
    });
    expect(run.code, run.stderr).toBe(0);
    const written = path.basename(run.stdout.match(/database dump: (\S+)/)![1]).replace(/\.dump$/, '');
    expect(names(dir)).toEqual(
      [
        `${written}-uploads.tar.gz`,
        `${written}.dump`,
        'magnetiq-20250101T000000Z.dump.partial',
        'magnetiq-20260130T023000Z-uploads.tar.gz',
        'magnetiq-20260130T023000Z-whitepapers.tar.gz',
        'magnetiq-20260130T023000Z.dump',
        'magnetiq-20260214T023000Z-uploads.tar.gz',
        'magnetiq-20260214T023000Z-whitepapers.tar.gz',
        'magnetiq-20260214T023000Z.dump',
        'magnetiq-20260214T180000Z-uploads.tar.gz',
        'magnetiq-20260214T180000Z-whitepapers.tar.gz',
        'magnetiq-20260214T180000Z.dump',
        'notes.txt',
      ].sort(),
    );
    expect(run.stdout).toContain('pruned 21 file(s)');
  });

  it('never deletes the backup just written, keeps everything with 0, and rejects a bad setting', async () => {
    const dir = path.join(work, 'retention-future');
    // a clock that was wrong once: a backup dated after today
    plant(dir, ['20991231T000000Z', '20200101T000000Z']);
    const run = await script('backup.sh', [], {
      DATABASE_URL: sourceUrl(),
      BACKUP_DIR: dir,
      SKIP_UPLOADS: '1',
      SKIP_WHITEPAPERS: '1',
      BACKUP_KEEP_DAYS: '1',
    });
    expect(run.code, run.stderr).toBe(0);
    const written = path.basename(run.stdout.match(/database dump: (\S+)/)![1]);
    expect(names(dir)).toEqual(
      [
        written,
        'magnetiq-20991231T000000Z-uploads.tar.gz',
        'magnetiq-20991231T000000Z-whitepapers.tar.gz',
        'magnetiq-20991231T000000Z.dump',
      ].sort(),
    );

    const keepAll = path.join(work, 'retention-all');
    plant(keepAll, ['20200101T000000Z', '20200102T000000Z']);
    const all = await script('backup.sh', [], {
      DATABASE_URL: sourceUrl(),
      BACKUP_DIR: keepAll,
      SKIP_UPLOADS: '1',
      SKIP_WHITEPAPERS: '1',
      BACKUP_KEEP_DAYS: '0',
    });
    expect(all.code, all.stderr).toBe(0);
    expect(names(keepAll)).toHaveLength(7);

    const bad = await script('backup.sh', [], {
      DATABASE_URL: sourceUrl(),
      BACKUP_DIR: path.join(work, 'bad'),
      BACKUP_KEEP_DAYS: 'a week',
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('BACKUP_KEEP_DAYS');
  });
});
