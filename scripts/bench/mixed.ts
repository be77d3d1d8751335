/**
 * Mixed load for 60 s: content reads (the home page as the site fetches it), lead submissions
 * (a new address each, full transaction) and booking slot listings, all at the same time on one
 * production CMS with the outbox worker running. Reports throughput and p95 per route, the error
 * rate, and the outbox lag: how long accepted leads' emails waited (p50/p95/max from the rows'
 * created/done times) and how long the backlog took to drain after the load stopped.
 *
 *   node scripts/bench/mixed.ts [--duration 60] [--connections 40]
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { load, log, machine, startBenchCms, writeResult, type Run } from './lib/harness.ts';

const { values: options } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '40' },
  },
});
const durationSeconds = Number(options.duration);
const connections = Number(options.connections);

const HOME = '/api/pages?filters[slug][$eq]=home&locale=en&populate[sections][populate]=*&populate[seo][populate]=*';
const isoDate = (date: Date) => date.toISOString().slice(0, 10);

async function main() {
  const cms = await startBenchCms({
    name: 'mixed',
    env: {
      SEED_DEMO_CONTENT: 'true',
      LEADS_RATE_LIMIT_IP: '100000000',
      LEADS_RATE_LIMIT_EMAIL: '100000000',
      BOOKING_RATE_LIMIT_IP: '100000000',
      OUTBOX_POLL_MS: '500',
    },
  });
  const pool = new pg.Pool({ connectionString: cms.databaseUrl, max: 2 });
  try {
    // slot listings need a meeting type: the seeded one, when the booking plugin is there
    const types = await fetch(`${cms.url}/api/booking/meeting-types?locale=en`)
      .then(async (response) => (response.ok ? ((await response.json()) as any) : null))
      .catch(() => null);
    const meetingType: string | undefined = types?.data?.[0]?.slug;
    const from = new Date(Date.now() + 86_400_000);
    const slotsPath = meetingType
      ? `/api/booking/slots?type=${encodeURIComponent(meetingType)}&from=${isoDate(from)}&to=${isoDate(new Date(from.getTime() + 13 * 86_400_000))}&tz=Europe%2FBerlin`
      : null;
    log(
      `CMS up on ${cms.url}; ${durationSeconds} s of mixed load${slotsPath ? '' : ' (no booking meeting type: content and leads only)'}`,
    );

    const runId = Date.now().toString(36);
    const accepted: string[] = [];
    const share = (part: number) => Math.max(1, Math.round(connections * part));
    const loadStarted = new Date();
    const runs: Array<Promise<[string, Run]>> = [
      load({ url: `${cms.url}${HOME}`, connections: share(slotsPath ? 0.4 : 0.6), durationSeconds }).then((run) => [
        `GET ${HOME.split('?')[0]} (home, populated)`,
        run,
      ]),
      load({
        url: `${cms.url}/api/leads/submissions`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        connections: share(0.3),
        durationSeconds,
        accepted: (email) => accepted.push(email),
        body: (n) => ({
          key: `mixed-${runId}-${n}@example.com`,
          json: JSON.stringify({
            email: `mixed-${runId}-${n}@example.com`,
            firstName: 'Mixed',
            lastName: 'Load',
            company: 'Bench GmbH',
            message: 'Mixed-load benchmark submission.',
            language: n % 2 ? 'en' : 'de',
            consent: { dataProcessing: true, marketingEmail: n % 3 === 0, textVersion: 'bench-1' },
            utm: { source: 'bench', medium: 'mixed', campaign: runId },
          }),
        }),
      }).then((run) => ['POST /api/leads/submissions', run]),
    ];
    if (slotsPath)
      runs.push(
        load({ url: `${cms.url}${slotsPath}`, connections: share(0.3), durationSeconds }).then((run) => [
          'GET /api/booking/slots (14 days)',
          run,
        ]),
      );
    const routes = Object.fromEntries(await Promise.all(runs));
    const loadEnded = Date.now();

    // drain: wait until no email row of this run is pending or processing (at most 5 minutes)
    const open = async () =>
      Number(
        (
          await pool.query(
            `select count(*) from leads_outbox where topic = 'email.send' and status in ('pending', 'processing') and created_at >= $1`,
            [loadStarted],
          )
        ).rows[0].count,
      );
    const backlogAtEnd = await open();
    while ((await open()) > 0 && Date.now() - loadEnded < 300_000)
      await new Promise((resolve) => setTimeout(resolve, 250));
    const drainSeconds = Math.round((Date.now() - loadEnded) / 100) / 10;
    const lag = (
      await pool.query(
        `select count(*)::int as delivered,
                round(percentile_cont(0.5) within group (order by extract(epoch from done_at - created_at))::numeric, 2)::float as p50,
                round(percentile_cont(0.95) within group (order by extract(epoch from done_at - created_at))::numeric, 2)::float as p95,
                round(max(extract(epoch from done_at - created_at))::numeric, 2)::float as max
           from leads_outbox where topic = 'email.send' and status = 'done' and created_at >= $1`,
        [loadStarted],
      )
    ).rows[0];

    const total = Object.values(routes).reduce((sum, run) => sum + run.requests, 0);
    const failed = Object.values(routes).reduce(
      (sum, run) =>
        sum +
        run.errors +
        run.timeouts +
        Object.entries(run.byStatus)
          .filter(([status]) => !/^2/.test(status))
          .reduce((n, [, count]) => n + count, 0),
      0,
    );
    for (const [route, run] of Object.entries(routes))
      log(`${route}: ${run.rps} req/s, p95 ${run.p95} ms, statuses ${JSON.stringify(run.byStatus)}`);
    log(
      `total ${Math.round(total / durationSeconds)} req/s, error rate ${((failed / Math.max(total, 1)) * 100).toFixed(2)} %`,
    );
    log(
      `outbox: ${backlogAtEnd} emails open when the load stopped, drained in ${drainSeconds} s; email lag p50 ${lag.p50} s, p95 ${lag.p95} s, max ${lag.max} s`,
    );

    writeResult('mixed.json', {
      benchmark: 'mixed-load',
      at: new Date().toISOString(),
      machine: machine(),
      settings: {
        connections,
        durationSeconds,
        nodeEnv: 'production',
        outboxPollMs: 500,
        emailTransport: 'log (no SendGrid key)',
      },
      routes,
      totals: {
        requests: total,
        rps: Math.round(total / durationSeconds),
        errorRatePercent: Number(((failed / Math.max(total, 1)) * 100).toFixed(2)),
      },
      outbox: { acceptedLeads: accepted.length, emailsOpenAtEnd: backlogAtEnd, drainSeconds, emailLagSeconds: lag },
    });
    if (failed > 0) process.exitCode = 1;
  } finally {
    await pool.end();
    await cms.stop();
  }
}

main().catch((error) => {
  console.error(`[bench] ${error.stack ?? error}`);
  process.exit(1);
});
