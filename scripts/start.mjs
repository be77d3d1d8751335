#!/usr/bin/env node
/**
 * `npm start`: embedded PostgreSQL (unless DATABASE_URL is set), builds what is out of date
 * (plugins, admin panel, site), starts the CMS on :1337 and serves the site on :4321.
 * Ctrl+C (SIGINT) or SIGTERM stops everything cleanly, PostgreSQL last.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { CMS_DIR, DATA_DIR, SITE_DIR } from './lib/paths.mjs';
import { ensureDevelopmentSecrets, missingSecrets, readEnvFile } from './lib/secrets.mjs';
import {
  checkDatabaseUrl,
  createDatabase,
  databaseExists,
  startEmbeddedPostgres,
  withDatabase,
} from './lib/postgres.mjs';
import {
  assertPluginsBuilt,
  buildCms,
  buildPlugins,
  buildSite,
  buildSiteInto,
  builtAt,
  newestContentChange,
} from './lib/build.mjs';
import { startStrapi } from './lib/strapi.mjs';
import { nginxSecurityHeaders, serveSite } from './lib/site-server.mjs';
import { buildsIn, HOOK_PATH, newestBuild, startSiteRebuilder } from './lib/site-rebuild.mjs';
import { withLocalSiteOrigins } from './lib/site-origins.mjs';
import { DEFAULT_PORTS } from './lib/ports.mjs';
import { buildPreviewServer, startPreviewServer } from './lib/preview-server.mjs';

const fail = (line) => {
  console.error(`[magnetiq] ${line}`);
  process.exit(1);
};

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  fail(
    `Node ${process.versions.node} is too old: run through npm (\`npm start\`), which puts the project's Node 22 first on PATH.`,
  );
}

// cms/.env holds operator settings and generated development secrets; the real environment wins.
const env = { ...readEnvFile(path.join(CMS_DIR, '.env')), ...process.env };
const production = env.NODE_ENV === 'production';
// People at a terminal read coloured lines; log collectors (no TTY) get JSON lines.
if (!env.LOG_FORMAT && process.stdout.isTTY && !production) env.LOG_FORMAT = 'pretty';

if (production) {
  const missing = missingSecrets(env);
  if (missing.length > 0)
    fail(
      `Missing ${missing.join(', ')}: set ${missing.length > 1 ? 'them' : 'it'} in the environment (see config/.env.example).`,
    );
} else {
  Object.assign(env, ensureDevelopmentSecrets(env));
}

const port = Number(env.PORT || DEFAULT_PORTS.cms);
const sitePort = Number(env.SITE_PORT || DEFAULT_PORTS.site);
const rebuildPort = Number(env.SITE_REBUILD_PORT || DEFAULT_PORTS.rebuild);
const previewPort = Number(env.PREVIEW_PORT || DEFAULT_PORTS.preview);
// We serve the site on this port: whether the browser says localhost or 127.0.0.1, its booking
// widget and forms must reach the CMS (CORS and the forms' Origin check), next to any configured origin.
env.CORS_ORIGINS = withLocalSiteOrigins(env.CORS_ORIGINS, sitePort);
const siteBuildsDir = path.join(DATA_DIR, 'site-builds');
// With no webhook target of its own, the CMS calls our receiver, signed with a secret of this run.
const localRebuilds = env.SITE_REBUILD !== 'off' && !env.SITE_REBUILD_WEBHOOK_URL;
if (localRebuilds) {
  env.SITE_REBUILD_WEBHOOK_SECRET ||= crypto.randomBytes(32).toString('base64url');
  env.SITE_REBUILD_WEBHOOK_URL = `http://127.0.0.1:${rebuildPort}${HOOK_PATH}`;
}
// Live draft preview (site/astro.preview.config.mjs): the admin's preview panel opens signed URLs
// of our preview server; the CMS writes the server's read-only API token into a file of .data/.
const localPreview = env.PREVIEW !== 'off' && !env.PREVIEW_URL;
if (localPreview) {
  env.PREVIEW_URL = `http://localhost:${previewPort}`;
  env.PREVIEW_SECRET ||= crypto.randomBytes(32).toString('base64url');
  env.PREVIEW_API_TOKEN_FILE ||= path.join(DATA_DIR, 'preview-api-token');
}
const cleanups = [];
let stopping = false;

async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log('[magnetiq] stopping…');
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.error(`[magnetiq] while stopping: ${error.message}`);
    }
  }
  process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

try {
  if (env.DATABASE_URL) {
    const problem = await checkDatabaseUrl(env.DATABASE_URL);
    if (problem) {
      const target = new URL(env.DATABASE_URL);
      fail(
        `Cannot reach DATABASE_URL (${target.hostname}:${target.port || 5432}${target.pathname}): ${problem}. Set DATABASE_URL to a reachable PostgreSQL server, or unset it to use the embedded one.`,
      );
    }
  } else {
    console.log('[magnetiq] starting embedded PostgreSQL (data in .data/postgres)');
    const embedded = await startEmbeddedPostgres();
    cleanups.push(() => embedded.stop());
    if (!(await databaseExists(embedded.adminUrl, 'magnetiq'))) await createDatabase(embedded.adminUrl, 'magnetiq');
    env.DATABASE_URL = withDatabase(embedded.adminUrl, 'magnetiq');
  }

  await buildPlugins();
  assertPluginsBuilt();
  await buildCms();

  const cms = await startStrapi({ env, port, timeoutMs: 180000 });
  cleanups.push(() => cms.stop());
  cms.child.once('exit', (code) => {
    if (!stopping) {
      console.error(`[magnetiq] the CMS exited (code ${code})`);
      shutdown(1);
    }
  });

  await buildSite({ cmsUrl: cms.url });
  // a rebuild after a content change (previous run) is newer than site/dist unless the site's code changed since
  let served = newestBuild([path.join(SITE_DIR, 'dist'), ...buildsIn(siteBuildsDir)]) ?? path.join(SITE_DIR, 'dist');
  // content published while nothing was running to rebuild (another process, a restore): build now
  const contentChangedAt = await newestContentChange(env.DATABASE_URL).catch(() => 0);
  if (contentChangedAt > builtAt(served)) {
    console.log('[magnetiq] content changed since the site was built: rebuilding it');
    await buildSite({ cmsUrl: cms.url, force: true });
    served = path.join(SITE_DIR, 'dist');
  }
  const analyticsOrigin = env.PUBLIC_ANALYTICS_SRC ? new URL(env.PUBLIC_ANALYTICS_SRC).origin : '';
  const headers = nginxSecurityHeaders({ cmsOrigin: new URL(cms.url).origin, analyticsOrigin });
  const site = await serveSite({ port: sitePort, host: env.SITE_HOST || '127.0.0.1', dir: served, headers });
  cleanups.push(() => site.close());
  if (localRebuilds) {
    const rebuilder = await startSiteRebuilder({
      site,
      secret: env.SITE_REBUILD_WEBHOOK_SECRET,
      buildsDir: siteBuildsDir,
      current: served,
      port: rebuildPort,
      debounceMs: Number(env.SITE_REBUILD_LOCAL_DEBOUNCE_MS || 2000),
      buildInto: (dir) => buildSiteInto(dir, { cmsUrl: cms.url }),
    });
    cleanups.push(() => rebuilder.close());
    console.log(`[magnetiq] the site rebuilds when content is published (webhook receiver ${rebuilder.hookUrl})`);
  }

  if (localPreview) {
    // a broken preview must not keep the CMS and the site from starting
    try {
      await buildPreviewServer({ cmsUrl: cms.url });
      const preview = await startPreviewServer({
        port: previewPort,
        env: {
          CMS_URL: cms.url,
          CMS_API_TOKEN_FILE: env.PREVIEW_API_TOKEN_FILE,
          PREVIEW_SECRET: env.PREVIEW_SECRET,
          // the admin as the browser may name it: the panel's frame and its save messages
          PREVIEW_ADMIN_ORIGIN: `http://localhost:${port},http://127.0.0.1:${port}`,
        },
      });
      cleanups.push(() => preview.stop());
      console.log(`[magnetiq] drafts preview in the admin's side panel (preview server ${env.PREVIEW_URL})`);
    } catch (error) {
      console.error(`[magnetiq] the preview server did not start, the admin's preview is off: ${error.message}`);
    }
  }

  console.log(`[magnetiq] CMS   ${cms.url.replace('127.0.0.1', 'localhost')}/admin`);
  console.log(`[magnetiq] Site  ${site.url.replace('127.0.0.1', 'localhost')}/`);
  console.log('[magnetiq] Ctrl+C stops everything.');
} catch (error) {
  console.error(`[magnetiq] ${error.message}`);
  await shutdown(1);
}
