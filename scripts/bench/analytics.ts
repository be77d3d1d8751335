/**
 * Benchmark of the lead analytics dashboard's aggregate call, GET /analytics/overview.
 *
 * Boots the built CMS (production) on a scratch database, seeds a realistic volume with
 * scripts/seed-analytics.mjs (20,000 activities over 12 months, 8,000 contacts), logs in as the
 * Super Admin, and drives the endpoint with autocannon for a 12-month and a 30-day range (all
 * locales and one locale). Target: p95 < 200 ms. Results: scripts/bench/results/analytics.json.
 *
 *   node scripts/bench/analytics.ts [--duration 15] [--connections 10]
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { seedAnalytics } from '../seed-analytics.mjs';
import { load, log, machine, startBenchCms, writeResult } from './lib/harness.ts';

const { values: options } = parseArgs({
  options: {
    duration: { type: 'string', default: '15' },
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
  const cms = await startBenchCms({ name: 'analytics', env: { ADMIN_EMAIL, ADMIN_PASSWORD, OUTBOX_WORKER: 'false', ODOO_STAGE_READBACK: 'false' } });
  const client = new pg.Client({ connectionString: cms.databaseUrl });
  await client.connect();
  try {
    const seeded = await seedAnalytics(client, { activities: Number(options.activities), contacts: Number(options.contacts) });
    log(`seeded ${seeded.contacts} contacts, ${seeded.activities} activities, ${seeded.links} Odoo links in ${seeded.ms} ms`);

    const login = await fetch(`${cms.url}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }) });
    if (login.status !== 200) throw new Error(`admin login failed: ${login.status} ${await login.text()}`);
    const token = ((await login.json()) as { data: { token: string } }).data.token;
    const headers = { authorization: `Bearer ${token}` };

    const today = new Date();
    const ranges = {
      '12 months, all locales, per week': `from=${day(new Date(today.getTime() - 364 * 86_400_000))}&to=${day(today)}&locale=all&interval=week`,
      '12 months, de, per day': `from=${day(new Date(today.getTime() - 364 * 86_400_000))}&to=${day(today)}&locale=de&interval=day`,
      '30 days, all locales, per day': `from=${day(new Date(today.getTime() - 29 * 86_400_000))}&to=${day(today)}&locale=all&interval=day`,
      '30 days, en, per day': `from=${day(new Date(today.getTime() - 29 * 86_400_000))}&to=${day(today)}&locale=en&interval=day`,
    };
    const runs: Record<string, unknown> = {};
    for (const [name, query] of Object.entries(ranges)) {
      const url = `${cms.url}/analytics/overview?${query}`;
      const check = await fetch(url, { headers });
      if (check.status !== 200) throw new Error(`${name}: ${check.status} ${await check.text()}`);
      const body = (await check.json()) as { data: { funnel: Record<string, number> } };
      const run = await load({ url, headers, connections: Number(options.connections), durationSeconds: Number(options.duration) });
      log(`${name}: ${run.rps} req/s, p50 ${run.p50} ms, p95 ${run.p95} ms, p99 ${run.p99} ms (${JSON.stringify(run.byStatus)}); funnel ${JSON.stringify(body.data.funnel)}`);
      runs[name] = { ...run, funnel: body.data.funnel, meetsTarget: run.p95 < TARGET_P95_MS };
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
