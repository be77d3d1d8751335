/**
 * Load benchmark of the public content API: the home page as the site fetches it, with its
 * sections and SEO populated (GET /api/pages?filters[slug]=home&locale=en&populate=...).
 *
 * Boots the built CMS (NODE_ENV=production) on a scratch PostgreSQL database, lets it seed the
 * demo content, checks that the request returns the seeded home page, drives it with autocannon
 * and writes scripts/bench/results/content.json. `/_health` is measured as the machine's ceiling.
 *
 *   node scripts/bench/content.ts [--duration 20] [--connections 50] [--cache off]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { DATA_DIR, ROOT } from '../lib/paths.mjs';
import { assertPluginsBuilt, buildCms, buildPlugins } from '../lib/build.mjs';
import { freePort } from '../lib/ports.mjs';
import { createScratchDatabase } from '../lib/scratch-database.mjs';
import { generateSecrets } from '../lib/secrets.mjs';
import { startStrapi } from '../lib/strapi.mjs';

const { values: options } = parseArgs({
  options: {
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '50' },
    // off: measure Strapi's own query and sanitise path (CONTENT_CACHE_TTL_MS=0)
    cache: { type: 'string', default: 'on' },
  },
});
const duration = Number(options.duration);
const connections = Number(options.connections);

export const HOME_PATH = '/api/pages?filters[slug][$eq]=home&locale=en&populate[sections][populate]=*&populate[seo][populate]=*';

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

type Run = { requests: number; byStatus: Record<string, number>; rps: number; p50: number; p95: number; p99: number; errors: number; timeouts: number; bytesPerResponse: number };

async function load(url: string): Promise<Run> {
  const latencies: number[] = [];
  const byStatus: Record<string, number> = {};
  let bytes = 0;
  const instance = autocannon({ url, connections, duration });
  instance.on('response', (_client: unknown, statusCode: number, responseBytes: number, responseTime: number) => {
    byStatus[statusCode] = (byStatus[statusCode] ?? 0) + 1;
    latencies.push(responseTime);
    bytes += responseBytes;
  });
  const result: any = await instance;
  latencies.sort((a, b) => a - b);
  const requests = latencies.length;
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    requests,
    byStatus,
    rps: round(requests / result.duration),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    errors: result.errors,
    timeouts: result.timeouts,
    bytesPerResponse: requests ? Math.round(bytes / requests) : 0,
  };
}

async function main() {
  const log = (line: string) => console.log(`[bench] ${line}`);
  await buildPlugins({ log });
  assertPluginsBuilt();
  await buildCms({ log });

  const database = await createScratchDatabase('magnetiq_bench_content');
  const port = await freePort();
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const logFile = path.join(DATA_DIR, 'bench-content-strapi.log');
  const logFd = fs.openSync(logFile, 'w');
  const cms = await startStrapi({
    port,
    stdio: ['ignore', logFd, logFd],
    timeoutMs: 180_000,
    env: {
      ...generateSecrets(),
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      // production does not seed on its own: this run wants the demo site
      SEED_DEMO_CONTENT: 'true',
      CONTENT_CACHE_TTL_MS: options.cache === 'off' ? '0' : '30000',
    },
  });

  try {
    const url = `${cms.url}${HOME_PATH}`;
    const probe = await fetch(url);
    const body: any = await probe.json();
    const home = body?.data?.[0];
    if (probe.status !== 200 || home?.slug !== 'home' || !(home.sections?.length > 0) || !home.seo) {
      throw new Error(`the home page query did not return the seeded page: ${probe.status} ${JSON.stringify(body).slice(0, 300)}`);
    }
    log(`CMS up on ${cms.url}, home page has ${home.sections.length} sections; ${connections} connections, ${duration} s per run`);

    const health = await load(`${cms.url}/_health`);
    log(`GET /_health: ${health.rps} req/s, p95 ${health.p95} ms`);
    const homePage = await load(url);
    log(`GET ${HOME_PATH}: ${homePage.rps} req/s, p50 ${homePage.p50} ms, p95 ${homePage.p95} ms, p99 ${homePage.p99} ms, statuses ${JSON.stringify(homePage.byStatus)}`);

    const result = {
      benchmark: 'content-home-page',
      at: new Date().toISOString(),
      machine: { node: process.version, cpus: os.cpus().length },
      settings: { connections, durationSeconds: duration, nodeEnv: 'production', responseCache: options.cache, request: `GET ${HOME_PATH}` },
      health,
      homePage,
      allOk: Object.keys(homePage.byStatus).every((status) => status === '200') && homePage.errors === 0,
    };
    const outDir = path.join(ROOT, 'scripts', 'bench', 'results');
    fs.mkdirSync(outDir, { recursive: true });
    const outFile = path.join(outDir, options.cache === 'off' ? 'content-uncached.json' : 'content.json');
    fs.writeFileSync(outFile, `${JSON.stringify(result, null, 2)}\n`);
    log(`results written to ${path.relative(ROOT, outFile)}`);
    if (!result.allOk) process.exitCode = 1;
  } finally {
    await cms.stop();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(`[bench] ${error.stack ?? error}`);
  process.exit(1);
});
