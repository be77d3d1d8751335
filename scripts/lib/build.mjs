import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { CMS_DIR, DATA_DIR, PLUGINS_DIR, ROOT, SITE_DIR, STRAPI_BIN } from './paths.mjs';
import { precompress } from './precompress.mjs';

const SKIP = new Set(['node_modules', 'dist', '.cache', '.tmp', '.astro', '.strapi', 'types']);

/** Newest modification time (ms) of any file below the given paths, ignoring build output. */
export function newestMtime(paths) {
  let newest = 0;
  const visit = (target) => {
    if (!fs.existsSync(target)) return;
    const stat = fs.statSync(target);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(target)) {
        if (!SKIP.has(entry)) visit(path.join(target, entry));
      }
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  paths.forEach(visit);
  return newest;
}

const mtimeOf = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);

export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(command)} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

export function listPlugins() {
  return fs
    .readdirSync(PLUGINS_DIR)
    .filter((name) => fs.existsSync(path.join(PLUGINS_DIR, name, 'package.json')))
    .sort();
}

export const pluginServerEntry = (name) => path.join(PLUGINS_DIR, name, 'dist', 'server', 'index.js');

/**
 * Strapi skips a plugin whose dist is missing without a word, and its schema sync then drops
 * that plugin's tables. Refuse to start instead.
 */
export function assertPluginsBuilt() {
  const missing = listPlugins().filter((name) => !fs.existsSync(pluginServerEntry(name)));
  if (missing.length > 0) {
    throw new Error(
      `Plugin build missing for ${missing.join(', ')} (no dist/server/index.js): run \`npm run build\` before starting, or Strapi would drop their tables.`,
    );
  }
}

export async function buildPlugins({ force = false, log = console.log } = {}) {
  for (const name of listPlugins()) {
    const dir = path.join(PLUGINS_DIR, name);
    // the kit's source is bundled into every plugin's dist: a change there rebuilds them all
    const sourceTime = newestMtime([
      path.join(dir, 'server'),
      path.join(dir, 'admin'),
      path.join(dir, 'package.json'),
      path.join(ROOT, 'packages', 'plugin-kit'),
    ]);
    const builtTime = mtimeOf(pluginServerEntry(name));
    if (!force && builtTime > sourceTime) continue;
    log(`[magnetiq] building plugin ${name}`);
    await run(
      process.execPath,
      [path.join(ROOT, 'node_modules', '@strapi', 'sdk-plugin', 'bin', 'strapi-plugin.js'), 'build'],
      { cwd: dir },
    );
  }
}

export async function buildCms({ force = false, log = console.log } = {}) {
  const marker = path.join(CMS_DIR, 'dist', 'build', 'index.html');
  const sourceTime = newestMtime([
    path.join(CMS_DIR, 'src'),
    path.join(CMS_DIR, 'config'),
    path.join(CMS_DIR, 'package.json'),
    path.join(CMS_DIR, 'tsconfig.json'),
    ...listPlugins().map((name) => path.join(PLUGINS_DIR, name, 'dist')),
  ]);
  for (const name of listPlugins()) {
    const dist = path.join(PLUGINS_DIR, name, 'dist');
    // plugin dist folders are skipped by newestMtime's filter, so look inside them directly
    for (const sub of ['server', 'admin']) {
      const entry = path.join(dist, sub, 'index.js');
      if (fs.existsSync(entry) && mtimeOf(entry) > mtimeOf(marker)) force = true;
    }
  }
  if (!force && mtimeOf(marker) > sourceTime) return;
  log('[magnetiq] building the CMS (server and admin panel)');
  await run(process.execPath, [STRAPI_BIN, 'build'], { cwd: CMS_DIR, env: { ...process.env, NODE_ENV: 'production' } });
}

export async function buildSite({ cmsUrl, force = false, log = console.log, env = {} } = {}) {
  const marker = path.join(SITE_DIR, 'dist', 'index.html');
  const sourceTime = newestMtime([
    path.join(SITE_DIR, 'src'),
    path.join(SITE_DIR, 'public'),
    path.join(SITE_DIR, 'astro.config.mjs'),
  ]);
  // The CMS address is baked into the forms: a build made for another CMS (the tests' one) is stale.
  const builtFor = path.join(DATA_DIR, 'site-dist-build.json');
  const target = JSON.stringify({ cmsUrl: cmsUrl ?? process.env.CMS_URL ?? '', env });
  const sameTarget = fs.existsSync(builtFor) && fs.readFileSync(builtFor, 'utf8') === target;
  if (!force && sameTarget && mtimeOf(marker) > sourceTime) return;
  log('[magnetiq] building the site');
  await buildSiteInto(path.join(SITE_DIR, 'dist'), { cmsUrl, env });
  fs.mkdirSync(DATA_DIR, { recursive: true });
  fs.writeFileSync(builtFor, target);
}

/** One Astro build of the site into `outDir` (the rebuild receiver builds into fresh folders), precompressed. */
export async function buildSiteInto(outDir, { cmsUrl, env = {} } = {}) {
  await run(
    process.execPath,
    [path.join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', outDir],
    {
      cwd: SITE_DIR,
      // NODE_ENV=test (vitest) would bundle React's development build into the islands
      env: { ...process.env, ...env, NODE_ENV: 'production', CMS_URL: cmsUrl ?? process.env.CMS_URL ?? '' },
    },
  );
  // beside Astro's content store (its cacheDir): a rebuild compresses only the files that changed
  const cacheDir = env.SITE_CACHE_DIR ?? process.env.SITE_CACHE_DIR ?? path.join(SITE_DIR, 'node_modules', '.astro');
  await precompress(outDir, { cacheDir: path.join(cacheDir, 'precompressed') });
}

/** Tables of what the site renders (content and the plugins' pages). */
const SITE_TABLES = [
  'pages',
  'articles',
  'authors',
  'categories',
  'globals',
  'whitepapers_whitepapers',
  'webinars_webinars',
  'webinars_sessions',
  'booking_meeting_types',
  'booking_hosts',
];

/**
 * The newest change to anything the site renders (ms since the epoch, 0 when none), so a start
 * can tell whether content changed while nothing was running to rebuild the site.
 */
export async function newestContentChange(databaseUrl) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select table_name from information_schema.tables where table_schema = current_schema() and table_name = any($1)`,
      [SITE_TABLES],
    );
    if (rows.length === 0) return 0;
    const sql = rows
      .map(({ table_name }) => `select max(greatest(updated_at, published_at)) as at from "${table_name}"`)
      .join(' union all ');
    const result = await client.query(`select max(at) as at from (${sql}) changes`);
    return result.rows[0]?.at ? new Date(result.rows[0].at).getTime() : 0;
  } finally {
    await client.end();
  }
}

/** When the served build (its index.html) was made. */
export const builtAt = (dir) => mtimeOf(path.join(dir, 'index.html'));
