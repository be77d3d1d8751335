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
import { load as loadRun, log, machine, startBenchCms, writeResult } from './lib/harness.ts';
import { parseArgs } from 'node:util';

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

export const HOME_PATH =
  '/api/pages?filters[slug][$eq]=home&locale=en&populate[sections][populate]=*&populate[seo][populate]=*';

const load = (url: string) => loadRun({ url, connections, durationSeconds: duration });

async function main() {
  const cms = await startBenchCms({
    name: 'content',
    env: {
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
      throw new Error(
        `the home page query did not return the seeded page: ${probe.status} ${JSON.stringify(body).slice(0, 300)}`,
      );
    }
    log(
      `CMS up on ${cms.url}, home page has ${home.sections.length} sections; ${connections} connections, ${duration} s per run`,
    );

    const health = await load(`${cms.url}/_health`);
    log(`GET /_health: ${health.rps} req/s, p95 ${health.p95} ms`);
    const homePage = await load(url);
    log(
      `GET ${HOME_PATH}: ${homePage.rps} req/s, p50 ${homePage.p50} ms, p95 ${homePage.p95} ms, p99 ${homePage.p99} ms, statuses ${JSON.stringify(homePage.byStatus)}`,
    );

    const result = {
      benchmark: 'content-home-page',
      at: new Date().toISOString(),
      machine: machine(),
      settings: {
        connections,
        durationSeconds: duration,
        nodeEnv: 'production',
        responseCache: options.cache,
        request: `GET ${HOME_PATH}`,
      },
      health,
      homePage,
      allOk: Object.keys(homePage.byStatus).every((status) => status === '200') && homePage.errors === 0,
    };
    writeResult(options.cache === 'off' ? 'content-uncached.json' : 'content.json', result);
    if (!result.allOk) process.exitCode = 1;
  } finally {
    await cms.stop();
  }
}

main().catch((error) => {
  console.error(`[bench] ${error.stack ?? error}`);
  process.exit(1);
});
