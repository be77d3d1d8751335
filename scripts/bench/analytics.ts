/**
 * Benchmark of the lead analytics dashboard's aggregate call, GET /analytics/overview (issue 19:
 * p95 < 200 ms for 10 concurrent different filters, on the seed volume and on 10x it).
 *
 * Boots the built CMS (production, demo content, public response cache off) on a scratch database,
 * seeds the analytics volume with scripts/seed-analytics.mjs (default 20,000 activities over 12
 * months, 8,000 contacts; `--scale 10` for 200,000 and 80,000), logs in as the Super Admin and
 * measures, in the same run:
 * - the plain Strapi find-by-slug (`GET /api/articles?filters[slug][$eq]=…`, autocannon, 10
 *   connections): the reference every figure is also given as a ratio to;
 * - the SQL the dashboard ran per filter before the in-memory index (timeline, funnel, 3 x UTM,
 *   run one after the other on the scratch database), and the cost of one index build (a CSV
 *   export, which always reads the data as it is now);
 * - per range (12 months per week / per day for one locale, 30 days): cold with one admin (40
 *   requests one after the other, each a filter not asked before); **10 concurrent different
 *   filters**: `--rounds` bursts of 10 requests sent at once, every one a filter never asked before
 *   (so none is answered from the 60 s answer cache); new filters under load (autocannon, 10
 *   connections, a new filter per request); the same filter under load (the answer cache);
 * - one mixed burst series: the 10 requests of a burst spread over the four ranges.
 * Results: scripts/bench/results/analytics.json (or analytics-10x.json with --scale 10).
 *
 *   node scripts/bench/analytics.ts [--scale 1|10] [--duration 10] [--rounds 20] [--profile]
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { seedAnalytics } from '../seed-analytics.mjs';
import { DATA_DIR } from '../lib/paths.mjs';
import { load, log, machine, percentile, startBenchCms, writeResult } from './lib/harness.ts';

const { values: options } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    scale: { type: 'string', default: '1' },
    rounds: { type: 'string', default: '20' },
    profile: { type: 'boolean', default: false },
  },
});
const ADMIN_EMAIL = 'bench-admin@magnetiq.test';
const ADMIN_PASSWORD = 'Bench-Passw0rd!';
const TARGET_P95_MS = 200;
const CONCURRENT = 10;
const scale = Number(options.scale);
const DAY = 86_400_000;
const day = (date: Date) => date.toISOString().slice(0, 10);
const tenth = (value: number) => Math.round(value * 10) / 10;
const ratio = (value: number, reference: number) =>
  reference > 0 ? Math.round((value / reference) * 100) / 100 : null;

function summary(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    p50: tenth(percentile(sorted, 50)),
    p95: tenth(percentile(sorted, 95)),
    max: tenth(sorted[sorted.length - 1] ?? 0),
  };
}

async function main() {
  const cms = await startBenchCms({
    name: 'analytics',
    nodeArgs: options.profile ? ['--cpu-prof', `--cpu-prof-dir=${DATA_DIR}/profiles`] : [],
    env: {
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      OUTBOX_WORKER: 'false',
      ODOO_STAGE_READBACK: 'false',
      SEED_DEMO_CONTENT: 'true',
      // the plain find is measured without our response cache
      CONTENT_CACHE_TTL_MS: '0',
    },
  });
  const client = new pg.Client({ connectionString: cms.databaseUrl });
  await client.connect();
  try {
    const seeded = await seedAnalytics(client, { activities: 20_000 * scale, contacts: 8_000 * scale });
    log(
      `seeded ${seeded.contacts} contacts, ${seeded.activities} activities, ${seeded.links} Odoo links in ${seeded.ms} ms`,
    );

    // ---------------------------------------------------------------- the reference: plain find-by-slug
    const [article] = (
      await (await fetch(`${cms.url}/api/articles?locale=en&fields[0]=slug&pagination[pageSize]=1`)).json()
    ).data as Array<{ slug: string }>;
    const findPath = `/api/articles?filters[slug][$eq]=${encodeURIComponent(article.slug)}&locale=en`;
    const plainFind = await load({
      url: `${cms.url}${findPath}`,
      connections: CONCURRENT,
      durationSeconds: Number(options.duration),
    });
    log(`plain find-by-slug (cache off): ${plainFind.rps} req/s, p50 ${plainFind.p50} ms, p95 ${plainFind.p95} ms`);

    const login = await fetch(`${cms.url}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`admin login failed: ${login.status} ${await login.text()}`);
    const token = ((await login.json()) as { data: { token: string } }).data.token;
    const headers = { authorization: `Bearer ${token}` };
    const get = async (path: string) => {
      const started = performance.now();
      const response = await fetch(`${cms.url}${path}`, { headers });
      const body = await response.text();
      const ms = performance.now() - started;
      if (response.status !== 200) throw new Error(`${path}: ${response.status} ${body.slice(0, 300)}`);
      return { ms, body };
    };

    const today = new Date();
    // filter number n: a key of its own for every n (to and from both move), about the same data
    const twelveMonths = (locale: string, interval: string) => (n: number) => {
      const to = new Date(today.getTime() - Math.floor(n / 300) * DAY);
      const from = new Date(to.getTime() - (364 + (n % 300)) * DAY);
      return `/analytics/overview?from=${day(from)}&to=${day(to)}&locale=${locale}&interval=${interval}`;
    };
    const thirtyDays = (locale: string) => (n: number) => {
      const to = new Date(today.getTime() - (n % 330) * DAY);
      const from = new Date(to.getTime() - (29 + Math.floor(n / 330)) * DAY);
      return `/analytics/overview?from=${day(from)}&to=${day(to)}&locale=${locale}&interval=day`;
    };
    const ranges: Record<string, (n: number) => string> = {
      '12 months, all locales, per week': twelveMonths('all', 'week'),
      '12 months, de, per day': twelveMonths('de', 'day'),
      '30 days, all locales, per day': thirtyDays('all'),
      '30 days, en, per day': thirtyDays('en'),
    };

    // ---------------------------------------------------------------- profile: the SQL path and the index build
    const start12 = new Date(Date.parse(`${day(today)}T00:00:00Z`) - 364 * DAY);
    const end12 = new Date(Date.parse(`${day(today)}T00:00:00Z`) + DAY);
    const range = `a.occurred_at >= $1 and a.occurred_at < $2`;
    const previousSql: Record<string, string> = {
      timeline: `select to_char(date_trunc('week', a.occurred_at), 'YYYY-MM-DD') as bucket, a.type, count(*) from leads_activities a where ${range} group by 1, 2`,
      funnel: `with submitted as (select distinct l.contact_id from leads_activities a join leads_activities_contact_lnk l on l.activity_id = a.id where ${range}),
               leads as (select k.contact_document_id, bool_or(k.outcome in ('qualified', 'won')) as qualified, bool_or(k.outcome = 'won') as won from odoo_sync_links k where k.model = 'crm.lead' group by 1)
               select count(*), count(*) filter (where c.confirmed_at is not null), count(k.contact_document_id), count(*) filter (where k.qualified), count(*) filter (where k.won)
               from submitted s join leads_contacts c on c.id = s.contact_id left join leads k on k.contact_document_id = c.document_id`,
      ...Object.fromEntries(
        ['source', 'medium', 'campaign'].map((dimension) => [
          `utm ${dimension}`,
          `select a.utm_${dimension} as value, count(*), count(distinct l.contact_id), count(distinct l.contact_id) filter (where c.confirmed_at is not null) as confirmed
           from leads_activities a join leads_activities_contact_lnk l on l.activity_id = a.id join leads_contacts c on c.id = l.contact_id
           where ${range} group by 1 order by 3 desc`,
        ]),
      ),
    };
    const sqlMs: Record<string, number> = {};
    for (const [name, sql] of Object.entries(previousSql)) {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        await client.query(sql, [start12, end12]);
        times.push(performance.now() - started);
      }
      sqlMs[name] = tenth(summary(times).p50);
    }
    const sqlPerFilterMs = tenth(Object.values(sqlMs).reduce((sum, ms) => sum + ms, 0));
    log(`previous SQL path, 12 months, all locales (median of 5, one after the other): ${JSON.stringify(sqlMs)}`);
    // a CSV export reads the data as it is now: one index build (leads) + one links load (odoo-sync)
    const builds: number[] = [];
    for (let i = 0; i < 5; i++)
      builds.push((await get(`/analytics/export/funnel?from=${day(start12)}&to=${day(today)}`)).ms);
    const indexBuild = summary(builds);
    log(`index build (a CSV export, which reads the data now): p50 ${indexBuild.p50} ms, max ${indexBuild.max} ms`);

    // ---------------------------------------------------------------- the dashboard
    /** `rounds` bursts of 10 requests at once, every one a new filter; latencies of all */
    const bursts = async (pathOf: (n: number) => string, firstN: number) => {
      const latencies: number[] = [];
      for (let round = 0; round < Number(options.rounds); round++) {
        const answers = await Promise.all(
          Array.from({ length: CONCURRENT }, (_, i) => get(pathOf(firstN + round * CONCURRENT + i))),
        );
        latencies.push(...answers.map((answer) => answer.ms));
      }
      return summary(latencies);
    };
    const withRatios = <T extends { p95: number }>(run: T) => ({
      ...run,
      meetsTarget: run.p95 < TARGET_P95_MS,
      p95RatioToPlainFind: ratio(run.p95, plainFind.p95),
    });

    const runs: Record<string, unknown> = {};
    for (const [name, pathOf] of Object.entries(ranges)) {
      const latencies: number[] = [];
      let funnel: unknown;
      for (let n = 0; n < 40; n++) {
        const answer = await get(pathOf(n));
        latencies.push(answer.ms);
        if (n === 0) funnel = (JSON.parse(answer.body) as { data: { funnel: unknown } }).data.funnel;
      }
      const cold = summary(latencies);
      log(`${name}: cold, one admin: p50 ${cold.p50} ms, p95 ${cold.p95} ms; funnel ${JSON.stringify(funnel)}`);
      const burst = await bursts(pathOf, 1000);
      log(
        `${name}: ${CONCURRENT} concurrent new filters x ${options.rounds}: p50 ${burst.p50} ms, p95 ${burst.p95} ms`,
      );
      let counter = 5000;
      const coldLoad = await load({
        url: cms.url,
        headers,
        connections: Number(options.connections),
        durationSeconds: Number(options.duration),
        path: () => pathOf(counter++),
      });
      log(
        `${name}: new filters, ${options.connections} connections: ${coldLoad.rps} req/s, p95 ${coldLoad.p95} ms (${JSON.stringify(coldLoad.byStatus)})`,
      );
      const cached = await load({
        url: `${cms.url}${pathOf(0)}`,
        headers,
        connections: Number(options.connections),
        durationSeconds: Number(options.duration),
      });
      log(`${name}: same filter (cached): ${cached.rps} req/s, p95 ${cached.p95} ms`);
      runs[name] = {
        funnel,
        coldOneAdmin: withRatios(cold),
        concurrentNewFilters: withRatios(burst),
        newFiltersUnderLoad: { ...withRatios(coldLoad), rpsRatioToPlainFind: ratio(coldLoad.rps, plainFind.rps) },
        cachedUnderLoad: { ...withRatios(cached), rpsRatioToPlainFind: ratio(cached.rps, plainFind.rps) },
      };
    }
    const kinds = Object.values(ranges);
    const mixed = withRatios(await bursts((n) => kinds[n % kinds.length](3000 + n), 0));
    log(`mixed: ${CONCURRENT} concurrent new filters over the four ranges: p50 ${mixed.p50} ms, p95 ${mixed.p95} ms`);

    writeResult(scale === 1 ? 'analytics.json' : `analytics-${scale}x.json`, {
      date: new Date().toISOString(),
      machine: machine(),
      volume: seeded,
      connections: Number(options.connections),
      durationSeconds: Number(options.duration),
      rounds: Number(options.rounds),
      targetP95Ms: TARGET_P95_MS,
      plainFind: { path: findPath, ...plainFind },
      profile: {
        previousSqlMs12Months: sqlMs,
        previousSqlPerFilterMs: sqlPerFilterMs,
        indexBuildViaExport: indexBuild,
      },
      mixedConcurrentNewFilters: mixed,
      runs,
    });
  } finally {
    await client.end();
    await cms.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
