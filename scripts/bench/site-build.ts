/**
 * The static site build at volume (issue 19, docs/adr/0025 addendum "Site build"): 1,000
 * articles x 2 locales on top of the demo content, a full build (empty content store) and a
 * rebuild after one article was edited (the incremental loader keeps the store in the cache dir
 * and fetches only what changed); in the same rebuild one article is unpublished and one deleted,
 * and the bench fails unless the edit is in the HTML and both others are gone. A third build with
 * `SITE_FULL_SYNC=true` (the store kept, every article fetched again) separates the fetching from
 * the rendering. Each build is timed by phase: content sync, static routes, precompression (whose
 * cache of compressed copies sits beside the content store). Plain find-by-slug (response cache off) is the reference of the run.
 *
 *   node scripts/bench/site-build.ts [--articles 1000]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, stripVTControlCharacters } from 'node:util';
import pg from 'pg';
import { DATA_DIR, ROOT, SITE_DIR } from '../lib/paths.mjs';
import { precompress } from '../lib/precompress.mjs';
import { freePort } from '../lib/ports.mjs';
import { load, log, machine, startBenchCms, writeResult } from './lib/harness.ts';

const { values: options } = parseArgs({ options: { articles: { type: 'string', default: '1000' } } });
const articleCount = Number(options.articles);

const ADMIN = { email: 'bench-site@magnetiq.test', password: 'Bench-Passw0rd!' };
const LOCALES = ['en', 'de'];
const round = (value: number) => Math.round(value);

/** Copies a demo article's rows (draft and published, per locale) N times, with their relations (author, category, cover). */
async function seedArticles(sql: <T>(text: string, params?: unknown[]) => Promise<T[]>, count: number) {
  const [template] = await sql<{ document_id: string }>(
    `select a.document_id from articles a
      where a.locale = 'en' and a.published_at is not null
        and exists (select 1 from articles b where b.document_id = a.document_id and b.locale = 'de')
      order by a.id limit 1`,
  );
  if (!template) throw new Error('no demo article in en and de to copy');
  const columns = (
    await sql<{ column_name: string }>(
      `select column_name from information_schema.columns where table_name = 'articles' and column_name <> 'id' order by ordinal_position`,
    )
  ).map((row) => row.column_name);
  const value = (column: string) =>
    ({
      document_id: `'bench' || lpad(g::text, 19, '0')`,
      slug: `'bench-' || t.locale || '-' || g`,
      title: `case t.locale when 'de' then 'Bench-Artikel ' else 'Bench article ' end || g`,
      excerpt: `'An article of the site build benchmark, number ' || g || '.'`,
      published_date: `date '2024-01-01' + g`,
      created_at: `now() - interval '1 day'`,
      updated_at: `now() - interval '1 day'`,
      published_at: `case when t.published_at is null then null else now() - interval '1 day' end`,
    })[column] ?? `t.${column}`;
  // tables holding the demo article's relations: <x>_lnk with article_id, and the media morph table
  const links = (
    await sql<{ table_name: string }>(
      `select table_name from information_schema.columns where column_name = 'article_id' and table_name like 'articles_%_lnk'`,
    )
  ).map((row) => row.table_name);
  const rows = await sql<{ id: number; locale: string; published: boolean }>(
    `select id, locale, published_at is not null as published from articles where document_id = $1 and locale = any($2)`,
    [template.document_id, LOCALES],
  );
  let inserted = 0;
  for (const row of rows) {
    const created = await sql<{ id: number }>(
      `insert into articles (${columns.map((column) => `"${column}"`).join(', ')})
       select ${columns.map(value).join(', ')} from articles t cross join generate_series(1, $2) g where t.id = $1
       returning id`,
      [row.id, count],
    );
    const ids = created.map((entry) => entry.id);
    inserted += ids.length;
    for (const table of links) {
      const other = (
        await sql<{ column_name: string }>(
          `select column_name from information_schema.columns where table_name = $1 and column_name not in ('id', 'article_id')`,
          [table],
        )
      ).map((entry) => `"${entry.column_name}"`);
      await sql(
        `insert into ${table} (article_id, ${other.join(', ')})
         select n.id, ${other.map((column) => `t.${column}`).join(', ')} from ${table} t cross join unnest($2::int[]) n(id)
         where t.article_id = $1`,
        [row.id, ids],
      );
    }
    await sql(
      `insert into files_related_mph (file_id, related_id, related_type, field, "order")
       select t.file_id, n.id, t.related_type, t.field, t."order" from files_related_mph t cross join unnest($2::int[]) n(id)
       where t.related_type = 'api::article.article' and t.related_id = $1`,
      [row.id, ids],
    );
  }
  return inserted;
}

interface Build {
  ms: number;
  /** content sync (the loaders): "Syncing content" → "Synced content" */
  contentSyncMs: number | null;
  /** static routes: "generating static routes" → the last route's "Completed in" */
  renderMs: number | null;
  precompressMs: number;
  loaderLines: string[];
}

/** One `astro build` into `outDir` with the content store in `cacheDir`, timed by phase from its output. */
async function build(outDir: string, env: Record<string, string>): Promise<Build> {
  const started = performance.now();
  const marks: Record<string, number> = {};
  const loaderLines: string[] = [];
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', outDir],
      { cwd: SITE_DIR, env: { ...process.env, ...env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let partial = '';
    const onData = (chunk: Buffer) => {
      const at = performance.now() - started;
      output += chunk;
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        const plain = stripVTControlCharacters(line);
        if (/Syncing content/.test(plain)) marks.syncStart ??= at;
        if (/Synced content/.test(plain)) marks.syncEnd = at;
        if (/generating static routes/.test(plain)) marks.renderStart ??= at;
        if (/Completed in/.test(plain) && marks.renderStart !== undefined) marks.renderEnd = at;
        if (/strapi-articles/.test(plain)) loaderLines.push(plain.trim());
        // the build's own steps with the time they were printed (not the thousands of route lines)
        if (plain.trim() && !/[├└]─/.test(plain)) console.log(`  +${round(at)} ms ${plain.trim()}`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`astro build failed (${code}):\n${output.slice(-3000)}`)),
    );
  });
  const compressStart = performance.now();
  await precompress(outDir, { cacheDir: path.join(env.SITE_CACHE_DIR!, 'precompressed') });
  const end = performance.now();
  return {
    ms: round(end - started),
    contentSyncMs: marks.syncStart !== undefined && marks.syncEnd ? round(marks.syncEnd - marks.syncStart) : null,
    renderMs: marks.renderStart !== undefined && marks.renderEnd ? round(marks.renderEnd - marks.renderStart) : null,
    precompressMs: round(end - compressStart),
    loaderLines,
  };
}

const htmlOf = (dist: string, locale: string, slug: string) => path.join(dist, locale, 'insights', slug, 'index.html');

async function main() {
  const sitePort = await freePort();
  const siteUrl = `http://127.0.0.1:${sitePort}`;
  const whitepapersDir = fs.mkdtempSync(path.join(os.tmpdir(), 'magnetiq-bench-papers-'));
  const cms = await startBenchCms({
    name: 'site',
    env: {
      SEED_DEMO_CONTENT: 'true',
      CONTENT_CACHE_TTL_MS: '0',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      SITE_URL: siteUrl,
      CORS_ORIGINS: siteUrl,
      WHITEPAPERS_FILES_DIR: whitepapersDir,
    },
  });
  const pool = new pg.Pool({ connectionString: cms.databaseUrl, max: 2 });
  const sql = async <T>(text: string, params: unknown[] = []) => (await pool.query(text, params)).rows as T[];
  const work = fs.mkdtempSync(path.join(DATA_DIR, 'bench-site-'));
  const dist = path.join(work, 'dist');
  const cacheDir = path.join(work, 'cache');
  const env = { CMS_URL: cms.url, SITE_URL: siteUrl, SITE_CACHE_DIR: cacheDir };
  try {
    const seeded = await seedArticles(sql, articleCount);
    const published = await sql<{ locale: string; count: string }>(
      `select locale, count(*) from articles where published_at is not null group by locale order by locale`,
    );
    log(
      `seeded ${seeded} article rows; published per locale: ${published.map((row) => `${row.locale} ${row.count}`).join(', ')}`,
    );

    const findPath = `/api/articles?filters[slug][$eq]=bench-en-500&locale=en`;
    const plainFind = await load({ url: `${cms.url}${findPath}`, connections: 10, durationSeconds: 10 });
    if (plainFind.byStatus['200'] !== plainFind.requests)
      throw new Error(`plain find: ${JSON.stringify(plainFind.byStatus)}`);
    log(`plain find-by-slug (cache off): ${plainFind.rps} req/s, p97.5 ${plainFind.p97_5} ms`);

    log('full build (empty content store)');
    const full = await build(dist, env);
    log(`full build: ${full.ms} ms (content ${full.contentSyncMs} ms, routes ${full.renderMs} ms)`);
    const pages = fs.readdirSync(path.join(dist, 'en', 'insights')).length;

    // one edit (the figure), one unpublish and one delete (correctness of the incremental store)
    const login = await fetch(`${cms.url}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    if (login.status !== 200) throw new Error(`admin login failed: ${login.status}`);
    const token = ((await login.json()) as { data: { token: string } }).data.token;
    const cm = (pathName: string, method: string, body?: unknown) =>
      fetch(`${cms.url}/content-manager/collection-types/api::article.article/${pathName}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }).then(async (response) => {
        if (!response.ok) throw new Error(`${method} ${pathName}: ${response.status} ${await response.text()}`);
      });
    const doc = (n: number) => `bench${String(n).padStart(19, '0')}`;
    const editedTitle = `Bench article 7, edited ${Date.now()}`;
    await cm(`${doc(7)}?locale=en`, 'PUT', { title: editedTitle });
    await cm(`${doc(7)}/actions/publish?locale=en`, 'POST', {});
    await cm(`${doc(8)}/actions/unpublish?locale=de`, 'POST', {});
    await cm(`${doc(9)}?locale=en`, 'DELETE');
    if (!fs.existsSync(htmlOf(dist, 'de', 'bench-de-8')) || !fs.existsSync(htmlOf(dist, 'en', 'bench-en-9')))
      throw new Error('the full build lacks the articles the rebuild should remove');

    log('rebuild after one edit (content store kept)');
    const incremental = await build(dist, env);
    log(`rebuild: ${incremental.ms} ms (content ${incremental.contentSyncMs} ms, routes ${incremental.renderMs} ms)`);
    const correct = {
      editedTitleInHtml: fs.readFileSync(htmlOf(dist, 'en', 'bench-en-7'), 'utf8').includes(editedTitle),
      unpublishedGone: !fs.existsSync(htmlOf(dist, 'de', 'bench-de-8')),
      deletedGone: !fs.existsSync(htmlOf(dist, 'en', 'bench-en-9')),
    };
    // astro build empties outDir first: a page that is not rendered any more is not there
    if (!Object.values(correct).every(Boolean))
      throw new Error(`incremental rebuild is wrong: ${JSON.stringify(correct)}`);

    log('rebuild with every article fetched again (SITE_FULL_SYNC=true, same store)');
    const refetch = await build(dist, { ...env, SITE_FULL_SYNC: 'true' });
    log(`rebuild, full fetch: ${refetch.ms} ms (content ${refetch.contentSyncMs} ms, routes ${refetch.renderMs} ms)`);

    const inFinds = (ms: number) => Math.round((ms / 1000) * plainFind.rps);
    writeResult('site-build.json', {
      benchmark: 'site-build',
      at: new Date().toISOString(),
      machine: machine(),
      settings: {
        articlesPerLocale: articleCount,
        locales: LOCALES,
        publishedArticles: Object.fromEntries(published.map((row) => [row.locale, Number(row.count)])),
        builtInsightsFolders: pages,
        note: 'astro build + precompress (gzip 9 and brotli 11 of every text file, copies of unchanged files from the cache beside the content store), CMS and build on the same 2 cores',
      },
      plainFind: { path: findPath, ...plainFind },
      // a duration as a ratio to the reference: how many plain finds the CMS answers in that time
      fullBuild: { ...full, targetMs: 60_000, inPlainFindRequests: inFinds(full.ms) },
      rebuildAfterOneEdit: { ...incremental, targetMs: 10_000, inPlainFindRequests: inFinds(incremental.ms), correct },
      rebuildFetchingEverything: { ...refetch, inPlainFindRequests: inFinds(refetch.ms) },
    });
  } finally {
    await pool.end();
    await cms.stop();
    fs.rmSync(work, { recursive: true, force: true });
    fs.rmSync(whitepapersDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`[bench] ${error.stack ?? error}`);
  process.exit(1);
});
