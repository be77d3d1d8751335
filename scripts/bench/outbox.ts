/**
 * The outbox under load (docs/adr/0025), every figure also as a ratio to a plain Strapi
 * find-by-slug measured in the same run (public response cache off):
 * 1. plain find: `GET /api/articles?filters[slug][$eq]=…` on the seeded demo content;
 * 2. lead submissions at saturation (throughput and p97.5 vs the plain find);
 * 3. lead submissions at a fixed rate (default 100/s for 30 s) with the worker delivering to a
 *    local SendGrid sink: email lag (created → done) p50/p95/max, backlog when the load stops and
 *    the time to drain it, emails sent twice;
 * 4. a backlog of 10,000 email rows written at once: the drain rate.
 *
 *   node scripts/bench/outbox.ts [--rate 100] [--duration 30] [--backlog 10000] [--profile]
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { DATA_DIR } from '../lib/paths.mjs';
import { benchSubmission, load, log, machine, outboxLag, startBenchCms, writeResult, type Run } from './lib/harness.ts';
import { startSendGridSink } from './lib/sendgrid-sink.ts';

const { values: options } = parseArgs({
  options: {
    rate: { type: 'string', default: '100' },
    duration: { type: 'string', default: '30' },
    backlog: { type: 'string', default: '10000' },
    connections: { type: 'string', default: '20' },
    profile: { type: 'boolean', default: false },
  },
});
const rate = Number(options.rate);
const durationSeconds = Number(options.duration);
const backlogRows = Number(options.backlog);
const connections = Number(options.connections);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ratio = (value: number, reference: number) =>
  reference > 0 ? Math.round((value / reference) * 100) / 100 : null;

async function main() {
  const sink = await startSendGridSink();
  const cms = await startBenchCms({
    name: 'outbox',
    nodeArgs: options.profile ? ['--cpu-prof', `--cpu-prof-dir=${DATA_DIR}/profiles`] : [],
    env: {
      SEED_DEMO_CONTENT: 'true',
      // the plain find is measured without our response cache
      CONTENT_CACHE_TTL_MS: '0',
      LEADS_RATE_LIMIT_IP: '100000000',
      LEADS_RATE_LIMIT_EMAIL: '100000000',
      SENDGRID_API_KEY: 'SG.bench-key',
      SENDGRID_BASE_URL: sink.url,
      SALES_NOTIFY_EMAIL: 'sales@magnetiq.test',
      // production defaults otherwise (poll 2 s as the fallback only)
    },
  });
  const pool = new pg.Pool({ connectionString: cms.databaseUrl, max: 2 });
  const sql = async <T>(text: string, params: unknown[] = []) => (await pool.query(text, params)).rows as T[];
  const runId = Date.now().toString(36);
  const submission = (n: number) => benchSubmission(runId, n);
  const openEmails = async () =>
    Number(
      (
        await sql<{ count: string }>(
          `select count(*) from leads_outbox where topic = 'email.send' and status in ('pending', 'processing')`,
        )
      )[0].count,
    );
  const drain = async (deadlineMs: number) => {
    const started = Date.now();
    while ((await openEmails()) > 0) {
      if (Date.now() - started > deadlineMs) return null;
      await sleep(100);
    }
    return Date.now() - started;
  };

  try {
    const [article] = (
      await (await fetch(`${cms.url}/api/articles?locale=en&fields[0]=slug&pagination[pageSize]=1`)).json()
    ).data as Array<{ slug: string }>;
    const findPath = `/api/articles?filters[slug][$eq]=${encodeURIComponent(article.slug)}&locale=en`;
    log(`CMS up on ${cms.url}; plain find ${findPath}`);

    const plainFind = await load({ url: `${cms.url}${findPath}`, connections: 10, durationSeconds: 10 });
    log(`plain find-by-slug (cache off): ${plainFind.rps} req/s, p97.5 ${plainFind.p97_5} ms`);

    let n = 0;
    const post = (extra: { overallRate?: number; durationSeconds: number; connections: number }) =>
      load({
        url: `${cms.url}/api/leads/submissions`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: () => submission(n++),
        ...extra,
      });

    const saturated = await post({ durationSeconds: 10, connections });
    const drainedAfterSaturation = await drain(120_000);
    log(
      `submissions at saturation: ${saturated.rps} req/s (${ratio(saturated.rps, plainFind.rps)}x the plain find), p97.5 ${saturated.p97_5} ms; backlog drained ${drainedAfterSaturation} ms after`,
    );

    const fixedStart = new Date();
    const fixed: Run = await post({ overallRate: rate, durationSeconds, connections });
    const fixedEnd = new Date();
    const backlogAtStop = await openEmails();
    const drainMs = await drain(120_000);
    const { count: emails, ...lag } = await outboxLag(sql, 'email.send', fixedStart, fixedEnd);
    const emailLag = { emails, ...lag };
    log(
      `fixed ${rate}/s for ${durationSeconds} s: ${fixed.rps} req/s, p97.5 ${fixed.p97_5} ms; email lag p50 ${emailLag.p50} ms, p95 ${emailLag.p95} ms, max ${emailLag.max} ms over ${emailLag.emails} emails; backlog at stop ${backlogAtStop}, drained in ${drainMs} ms`,
    );

    // 4. a backlog written at once (one statement, one commit, one NOTIFY)
    const backlogStart = Date.now();
    await sql(
      `insert into leads_outbox (document_id, topic, payload, idempotency_key, status, attempts, next_attempt_at, created_at, updated_at, published_at)
       select md5(random()::text || i), 'email.send',
         jsonb_build_object('template', 'contact-receipt', 'locale', 'en', 'to', 'backlog-' || i || '@example.com', 'data', '{}'::jsonb),
         'email:backlog:' || $1 || ':' || i, 'pending', 0, now(), now(), now(), now()
       from generate_series(1, $2) as i`,
      [runId, backlogRows],
    );
    const backlogDrainMs = await drain(180_000);
    const backlog = {
      rows: backlogRows,
      drainMs: backlogDrainMs,
      perSecond: backlogDrainMs ? Math.round((backlogRows / backlogDrainMs) * 1000) : null,
      insertToDrainedMs: Date.now() - backlogStart,
    };
    log(`backlog of ${backlogRows}: drained in ${backlogDrainMs} ms → ${backlog.perSecond}/s`);

    const duplicates = sink.duplicates();
    const result = {
      benchmark: 'outbox',
      at: new Date().toISOString(),
      machine: machine(),
      settings: {
        rate,
        durationSeconds,
        connections,
        backlogRows,
        nodeEnv: 'production',
        sendgrid: 'local sink (202)',
        outbox: 'defaults: batch 50, concurrency 8 per topic, lease 6 s, poll 2 s fallback',
      },
      plainFind: { path: findPath, ...plainFind },
      submissionsSaturated: {
        ...saturated,
        ratioToPlainFind: ratio(saturated.rps, plainFind.rps),
        p97_5RatioToPlainFind: ratio(saturated.p97_5, plainFind.p97_5),
        backlogDrainedMs: drainedAfterSaturation,
      },
      submissionsFixedRate: {
        ...fixed,
        emailLag,
        backlogAtStop,
        drainMs,
        p97_5RatioToPlainFind: ratio(fixed.p97_5, plainFind.p97_5),
      },
      backlog: { ...backlog, ratioToPlainFind: backlog.perSecond ? ratio(backlog.perSecond, plainFind.rps) : null },
      emailsReceived: sink.received(),
      emailsSentTwice: duplicates,
    };
    writeResult('outbox.json', result);
    if (duplicates > 0) process.exitCode = 1;
  } finally {
    await pool.end();
    await cms.stop();
    await sink.close();
  }
}

main().catch((error) => {
  console.error(`[bench] ${error.stack ?? error}`);
  process.exit(1);
});
