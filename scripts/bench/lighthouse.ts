/**
 * Lighthouse on the built site: performance, accessibility, best practices and SEO of the home
 * page, an article, the contact page, a webinar, a booking page, a whitepaper page and the search
 * page (with a query), with the mobile (default) and the desktop settings, plus the JavaScript
 * each page type ships.
 *
 * Boots the built CMS (NODE_ENV=production) on a scratch database with the demo content (which
 * has a published whitepaper since ADR 0018), builds the site into a scratch folder against it (precompressed, as nginx serves it), serves it locally and runs the
 * npm `lighthouse` package in Debian's Chromium (never a downloaded browser). Writes
 * scripts/bench/results/lighthouse.json.
 *
 *   node scripts/bench/lighthouse.ts [--runs 1]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseArgs } from 'node:util';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { DATA_DIR, ROOT } from '../lib/paths.mjs';
import { assertPluginsBuilt, buildCms, buildPlugins, buildSiteInto } from '../lib/build.mjs';
import { freePort } from '../lib/ports.mjs';
import { createScratchDatabase } from '../lib/scratch-database.mjs';
import { generateSecrets } from '../lib/secrets.mjs';
import { startStrapi } from '../lib/strapi.mjs';
import { nginxSecurityHeaders, serveSite } from '../lib/site-server.mjs';

const { values: options } = parseArgs({ options: { runs: { type: 'string', default: '1' } } });
const runs = Math.max(1, Number(options.runs));

const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const ADMIN = { email: 'bench@magnetiq.test', password: 'Bench-Passw0rd!' };
const WHITEPAPER_SLUG = 'b2b-lead-generation-playbook';
const PAGES = {
  home: '/en/',
  article: '/en/insights/lead-scoring-that-sales-trusts/',
  contact: '/en/contact/',
  whitepaper: `/en/whitepapers/${WHITEPAPER_SLUG}/`,
  // the demo seed's webinar and meeting type
  webinar: '/en/webinars/pipeline-basics/',
  booking: '/en/booking/discovery-call/',
  // the results are rendered by the page's script from the Pagefind index
  search: '/en/search/?q=lead',
};

const log = (line: string) => console.log(`[bench] ${line}`);

/**
 * The JavaScript a page can load, from the build itself: its inline scripts, and every module
 * its islands and scripts import (followed through the chunks' static and dynamic imports).
 */
function javascriptOf(dist: string, pagePath: string) {
  const html = fs.readFileSync(path.join(dist, new URL(pagePath, 'http://site').pathname, 'index.html'), 'utf8');
  const entry = new Set<string>();
  for (const match of html.matchAll(/(?:component-url|renderer-url|src)="(\/_astro\/[^"]+\.js)"/g)) entry.add(match[1]);
  const inline = [...html.matchAll(/<script(?![^>]*application\/ld\+json)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((match) => match[1])
    .filter((code) => code.trim());
  for (const code of inline) for (const match of code.matchAll(/["'](\/_astro\/[^"']+\.js)["']/g)) entry.add(match[1]);
  const files = new Set<string>();
  const visit = (url: string) => {
    if (files.has(url)) return;
    files.add(url);
    const code = fs.readFileSync(path.join(dist, url), 'utf8');
    // the search page's script loads Pagefind's own module from the index folder
    if (code.includes('/pagefind/pagefind.js')) visit('/pagefind/pagefind.js');
    for (const match of code.matchAll(/(?:from\s*|import\s*\(?\s*)["']\.\/([^"']+\.js)["']/g)) {
      const imported = path.posix.join(path.posix.dirname(url), match[1]!);
      if (fs.existsSync(path.join(dist, imported))) visit(imported);
    }
  };
  entry.forEach(visit);
  const sizes = [...files].map((url) => fs.readFileSync(path.join(dist, url)));
  const inlineBytes = inline.map((code) => Buffer.from(code));
  const sum = (buffers: Buffer[], gzip: boolean) =>
    buffers.reduce((total, bytes) => total + (gzip ? zlib.gzipSync(bytes, { level: 9 }).length : bytes.length), 0);
  return {
    files: [...files].sort(),
    inlineScripts: inline.length,
    bytes: sum(sizes, false) + sum(inlineBytes, false),
    gzipBytes: sum(sizes, true) + sum(inlineBytes, true),
  };
}

type Scores = Record<(typeof CATEGORIES)[number], number>;

/** Lighthouse asks to be run again when Chromium's trace missed the navigation (NO_NAVSTART, NO_FCP): so do we, twice. */
async function audit(
  url: string,
  port: number,
  preset: 'mobile' | 'desktop',
  attempt = 1,
): ReturnType<typeof auditOnce> {
  try {
    return await auditOnce(url, port, preset);
  } catch (error) {
    if (attempt >= 3 || !/NO_NAVSTART|NO_FCP|PROTOCOL_TIMEOUT/.test(String(error))) throw error;
    log(`${url} (${preset}): ${String(error)}; running it again`);
    return audit(url, port, preset, attempt + 1);
  }
}

async function auditOnce(url: string, port: number, preset: 'mobile' | 'desktop') {
  const result = await lighthouse(
    url,
    { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] },
    preset === 'desktop' ? desktopConfig : undefined,
  );
  if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
  const lhr = result.lhr;
  if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(
    CATEGORIES.map((category) => [category, Math.round((lhr.categories[category]?.score ?? 0) * 100)]),
  ) as Scores;
  const failed = Object.values(lhr.audits)
    .filter(
      (entry: any) =>
        entry.score !== null &&
        entry.score < 0.9 &&
        entry.scoreDisplayMode !== 'informative' &&
        entry.scoreDisplayMode !== 'manual' &&
        entry.scoreDisplayMode !== 'notApplicable',
    )
    .map((entry: any) => `${entry.id}${entry.displayValue ? ` (${entry.displayValue})` : ''}`);
  const requests = ((lhr.audits['network-requests']?.details as any)?.items ?? []) as Array<{
    resourceType?: string;
    transferSize?: number;
    resourceSize?: number;
    url: string;
  }>;
  const scripts = requests.filter((request) => request.resourceType === 'Script');
  return {
    scores,
    metrics: {
      firstContentfulPaintMs: Math.round(lhr.audits['first-contentful-paint']?.numericValue ?? 0),
      largestContentfulPaintMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? 0),
      totalBlockingTimeMs: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? 0),
      cumulativeLayoutShift: Math.round((lhr.audits['cumulative-layout-shift']?.numericValue ?? 0) * 1000) / 1000,
      speedIndexMs: Math.round(lhr.audits['speed-index']?.numericValue ?? 0),
    },
    loadedScripts: {
      count: scripts.length,
      transferBytes: scripts.reduce((total, request) => total + (request.transferSize ?? 0), 0),
    },
    auditsBelow90: failed,
  };
}

/** The median run by performance score (Lighthouse's own advice for noisy machines). */
function median<T extends { scores: Scores }>(results: T[]): T {
  const sorted = [...results].sort((a, b) => a.scores.performance - b.scores.performance);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main() {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (a browser is never downloaded)`);
  // chrome-launcher looks here when no chromePath is given (lighthouse's internals launch none, but be explicit)
  process.env.CHROME_PATH = CHROMIUM;

  await buildPlugins({ log });
  assertPluginsBuilt();
  await buildCms({ log });

  const database = await createScratchDatabase('magnetiq_bench_lighthouse');
  const port = await freePort();
  const sitePort = await freePort();
  const siteUrl = `http://127.0.0.1:${sitePort}`;
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const logFd = fs.openSync(path.join(DATA_DIR, 'bench-lighthouse-strapi.log'), 'w');
  const whitepapersDir = fs.mkdtempSync(path.join(os.tmpdir(), 'magnetiq-bench-papers-'));
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'magnetiq-bench-site-'));
  const cms = await startStrapi({
    port,
    stdio: ['ignore', logFd, logFd],
    timeoutMs: 180_000,
    env: {
      ...generateSecrets(),
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SITE_URL: siteUrl,
      CORS_ORIGINS: siteUrl,
      SEED_DEMO_CONTENT: 'true',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      WHITEPAPERS_FILES_DIR: whitepapersDir,
    },
  });
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  let site: { close: () => Promise<void> } | undefined;
  try {
    log('building the site against the bench CMS');
    await buildSiteInto(dist, { cmsUrl: cms.url, env: { SITE_URL: siteUrl } });
    site = await serveSite({
      port: sitePort,
      dir: dist,
      headers: nginxSecurityHeaders({ cmsOrigin: new URL(cms.url).origin }),
    });

    chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM,
      chromeFlags: [
        '--headless=new',
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-gpu',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    });
    const pages: Record<string, unknown> = {};
    for (const [name, pagePath] of Object.entries(PAGES)) {
      const url = `${siteUrl}${pagePath}`;
      const status = (await fetch(url)).status;
      if (status !== 200) throw new Error(`${url} answered ${status}`);
      const byPreset: Record<string, unknown> = {};
      for (const preset of ['mobile', 'desktop'] as const) {
        const results = [];
        for (let run = 0; run < runs; run++) results.push(await audit(url, chrome.port, preset));
        const chosen = median(results);
        byPreset[preset] = chosen;
        log(
          `${name} (${preset}): ${CATEGORIES.map((category) => `${category} ${chosen.scores[category]}`).join(', ')}${chosen.auditsBelow90.length ? ` — below 90: ${chosen.auditsBelow90.join(', ')}` : ''}`,
        );
      }
      const javascript = javascriptOf(dist, pagePath);
      log(
        `${name}: ships ${javascript.files.length} JS files + ${javascript.inlineScripts} inline, ${javascript.bytes} B (${javascript.gzipBytes} B gzip)`,
      );
      pages[name] = { path: pagePath, ...byPreset, javascript };
    }

    const result = {
      benchmark: 'lighthouse',
      at: new Date().toISOString(),
      machine: {
        node: process.version,
        cpus: os.cpus().length,
        chromium: await (
          await fetch(`http://127.0.0.1:${chrome.port}/json/version`)
        )
          .json()
          .then((info: any) => info.Browser),
      },
      settings: {
        lighthouse: JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'lighthouse', 'package.json'), 'utf8'))
          .version,
        runsPerPage: runs,
        presets: ['mobile (default: simulated slow 4G, 4x CPU slowdown)', 'desktop'],
        server:
          'scripts/lib/site-server.mjs with precompressed files (as nginx gzip_static) and the headers of config/nginx/security-headers.conf',
      },
      pages,
    };
    const outDir = path.join(ROOT, 'scripts', 'bench', 'results');
    fs.mkdirSync(outDir, { recursive: true });
    const outFile = path.join(outDir, 'lighthouse.json');
    fs.writeFileSync(outFile, `${JSON.stringify(result, null, 2)}\n`);
    log(`results written to ${path.relative(ROOT, outFile)}`);
  } finally {
    await chrome?.kill();
    await site?.close();
    await cms.stop();
    await database.drop();
    fs.rmSync(dist, { recursive: true, force: true });
    fs.rmSync(whitepapersDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`[bench] ${error.stack ?? error}`);
  process.exit(1);
});
