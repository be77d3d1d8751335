/**
 * Benchmark of the lead analytics dashboard's aggregate call, GET /analytics/overview.
 *
 * Boots the built CMS (production) on a scratch database, seeds a realistic volume with
 * scripts/seed-analytics.mjs (20,000 activities over 12 months, 8,000 contacts), logs in as the
 * Super Admin, and measures GET /analytics/overview for 12-month and 30-day ranges three ways:
 * - cold: one admin, 40 requests one after the other, each a filter not asked before (the range
 *   shifted by a day each time), so every answer runs all aggregate queries;
 * - cold under load: autocannon, 10 connections, a new filter per request;
 * - cached: autocannon, 10 connections, the same filter (ANALYTICS_CACHE_SECONDS, default 60).
 * Target: p95 < 200 ms. Results: scripts/bench/results/analytics.json.
 *
 *   node scripts/bench/analytics.ts [--duration 15] [--connections 10]
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { seedAnalytics } from '../seed-analytics.mjs';
import { load, log, machine, percentile, startBenchCms, writeResult } from './lib/harness.ts';

const { values: options } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    activities: { type: 'string', default: '20000' },
    contacts: { type: 'string', default: '8000' },
  },
});
const ADMIN_EMAIL = 'bench-admin@magnetiq.test';
const ADMIN_PASSWORD = 'Bench-Passw0rd!';
const TARGET_P95_MS = 200;
const day = (date: Date) => date.toISOString().slice(0, 10);

async function main() {
  const cms = await startBenchCms({
    name: 'analytics',
    env: { ADMIN_EMAIL, ADMIN_PASSWORD, OUTBOX_WORKER: 'false', ODOO_STAGE_READBACK: 'false' },
  });
  const client = new pg.Client({ connectionString: cms.databaseUrl });
  await client.connect();
  try {
    const seeded = await seedAnalytics(client, {
      activities: Number(options.activities),
      contacts: Number(options.contacts),
    });
    log(
      `seeded ${seeded.contacts} contacts, ${seeded.activities} activities, ${seeded.links} Odoo links in ${seeded.ms} ms`,
    );

    const login = await fetch(`${cms.url}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`admin login failed: ${login.status} ${await login.text()}`);
    const token = ((await login.json()) as { data: { token: string } }).data.token;
    const headers = { authorization: `Bearer ${token}` };

    const today = new Date();
    const DAY = 86_400_000;
    // filter number n: a key of its own for n < 360, the same amount of data to aggregate
    const twelveMonths = (locale: string, interval: string) => (n: number) =>
      `/analytics/overview?from=${day(new Date(today.getTime() - (364 + n) * DAY))}&to=${day(today)}&locale=${locale}&interval=${interval}`;
    const thirtyDays = (locale: string) => (n: number) =>
      `/analytics/overview?from=${day(new Date(today.getTime() - (29 + n) * DAY))}&to=${day(new Date(today.getTime() - n * DAY))}&locale=${locale}&interval=day`;
    const ranges: Record<string, (n: number) => string> = {
      '12 months, all locales, per week': twelveMonths('all', 'week'),
      '12 months, de, per day': twelveMonths('de', 'day'),
      '30 days, all locales, per day': thirtyDays('all'),
      '30 days, en, per day': thirtyDays('en'),
    };
    const tenth = (value: number) => Math.round(value * 10) / 10;
    const runs: Record<string, unknown> = {};
    for (const [name, pathOf] of Object.entries(ranges)) {
      const latencies: number[] = [];
      let funnel: unknown;
      for (let n = 0; n < 40; n++) {
        const started = performance.now();
        const response = await fetch(`${cms.url}${pathOf(n)}`, { headers });
        const body = (await response.json()) as { data: { funnel: unknown } };
        latencies.push(performance.now() - started);
        if (response.status !== 200) throw new Error(`${name}: ${response.status} ${JSON.stringify(body)}`);
        if (n === 0) funnel = body.data.funnel;
      }
      latencies.sort((a, b) => a - b);
      const cold = {
        requests: latencies.length,
        p50: tenth(percentile(latencies, 50)),
        p95: tenth(percentile(latencies, 95)),
        max: tenth(latencies[latencies.length - 1]),
      };
      log(
        `${name}: cold, one admin: p50 ${cold.p50} ms, p95 ${cold.p95} ms, max ${cold.max} ms; funnel ${JSON.stringify(funnel)}`,
      );
      // filters 40..359 are new to the cache (after 320 requests they repeat and hit it)
      const coldLoad = await load({
        url: cms.url,
        headers,
        connections: Number(options.connections),
        durationSeconds: Number(options.duration),
        path: (n) => pathOf(40 + (n % 320)),
      });
      log(
        `${name}: new filters, ${options.connections} connections: ${coldLoad.rps} req/s, p50 ${coldLoad.p50} ms, p95 ${coldLoad.p95} ms (${JSON.stringify(coldLoad.byStatus)})`,
      );
      const cached = await load({
        url: `${cms.url}${pathOf(0)}`,
        headers,
        connections: Number(options.connections),
        durationSeconds: Number(options.duration),
      });
      log(
        `${name}: same filter (cached), ${options.connections} connections: ${cached.rps} req/s, p50 ${cached.p50} ms, p95 ${cached.p95} ms (${JSON.stringify(cached.byStatus)})`,
      );
      runs[name] = {
        funnel,
        coldOneAdmin: { ...cold, meetsTarget: cold.p95 < TARGET_P95_MS },
        newFiltersUnderLoad: { ...coldLoad, meetsTarget: coldLoad.p95 < TARGET_P95_MS },
        cachedUnderLoad: { ...cached, meetsTarget: cached.p95 < TARGET_P95_MS },
      };
    }
    writeResult('analytics.json', {
      date: new Date().toISOString(),
      machine: machine(),
      volume: seeded,
      connections: Number(options.connections),
      durationSeconds: Number(options.duration),
      targetP95Ms: TARGET_P95_MS,
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
