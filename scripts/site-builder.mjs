#!/usr/bin/env node
/**
 * The production site builder (docker-compose.yml `site-builder`, docs/site-rebuild-webhook.md):
 * receives the CMS's signed site.rebuild webhook, builds the site with the code `npm start` uses
 * (scripts/lib/site-rebuild.mjs + build.mjs) into `<SITE_BUILDER_DIR>/builds/<time>`, and swaps
 * the symlink `<SITE_BUILDER_DIR>/current` that nginx serves in one rename, so visitors see the
 * old build or the new one, never half of one.
 *
 *   SITE_REBUILD_WEBHOOK_SECRET=… CMS_URL=http://cms:1337 SITE_BUILDER_DIR=/srv/site node scripts/site-builder.mjs
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSiteInto } from './lib/build.mjs';
import { startSiteRebuilder } from './lib/site-rebuild.mjs';

/**
 * The folder `current` points to, as an absolute path (null when there is none): nginx serves it.
 * `swap(dir)` points `current` at `dir` by renaming a fresh symlink over it (atomic on POSIX).
 * The link is relative, so the volume may be mounted at another path in the nginx container.
 */
export function symlinkSite(root) {
  const link = path.join(root, 'current');
  return {
    dir: () => {
      try {
        return path.resolve(root, fs.readlinkSync(link));
      } catch {
        return null;
      }
    },
    swap: (dir) => {
      const temporary = path.join(root, `.current-${process.pid}-${Date.now()}`);
      fs.symlinkSync(path.relative(root, dir), temporary);
      fs.renameSync(temporary, link);
    },
  };
}

const fail = (line) => {
  console.error(`[site-builder] ${line}`);
  process.exit(1);
};

const env = process.env;
const secret = env.SITE_REBUILD_WEBHOOK_SECRET;
if (!secret) fail('SITE_REBUILD_WEBHOOK_SECRET is not set: the builder accepts only signed webhooks.');
const root = path.resolve(env.SITE_BUILDER_DIR || '/srv/site');
const buildsDir = path.join(root, 'builds');
fs.mkdirSync(buildsDir, { recursive: true });
const site = symlinkSite(root);
const current = site.dir();
const cmsUrl = env.CMS_URL || 'http://localhost:1337';
const log = (line) => console.log(line.replace('[magnetiq]', '[site-builder]'));

const rebuilder = await startSiteRebuilder({
  site,
  secret,
  buildsDir,
  current: current && fs.existsSync(path.join(current, 'index.html')) ? current : null,
  port: Number(env.SITE_BUILDER_PORT ?? 4322),
  host: env.SITE_BUILDER_HOST || '127.0.0.1',
  debounceMs: Number(env.SITE_BUILDER_DEBOUNCE_MS ?? 2000),
  log,
  buildInto: (dir) => buildSiteInto(dir, { cmsUrl }),
});
console.log(`[site-builder] listening on ${rebuilder.hookUrl}, serving folder ${path.join(root, 'current')}`);
// content may have changed while no builder ran (and a new image has new code): build once now
if (env.SITE_BUILDER_BUILD_ON_START !== 'false') rebuilder.queue.request();

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await rebuilder.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
