/**
 * Load benchmark of the public capture endpoint, POST /api/leads/submissions.
 *
 * Boots the built CMS (NODE_ENV=production) on a scratch PostgreSQL database with rate limits
 * raised out of the way, drives it with autocannon (every request a new email address, so each
 * one is a full transaction: contact upsert, consents, activity, outbox rows), then checks that
 * every accepted submission has all of its rows: zero lost. The plain Strapi find-by-slug (demo
 * content, response cache off) is measured in the same run: throughput and p97.5 are reported as
 * ratios to it (issue 19: ≥ 3x, p97.5 ≤ a third). Results go to scripts/bench/results/.
 *
 *   node scripts/bench/leads.ts [--duration 20] [--connections 50]
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { DATA_DIR } from '../lib/paths.mjs';
import {
  benchSubmission,
  load as loadRun,
  log,
  machine,
  startBenchCms,
  writeResult,
  type LoadOptions,
} from './lib/harness.ts';

const { values: options } = parseArgs({
  options: {
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '50' },
    // off: measure the request path alone, as with the outbox worker on other instances
    worker: { type: 'string', default: 'on' },
    // write a V8 CPU profile of the CMS to .data/profiles (open it in Chrome DevTools)
    profile: { type: 'boolean', default: false },
  },
});
const duration = Number(options.duration);
const connections = Number(options.connections);

const load = (url: string, init: Omit<LoadOptions, 'url' | 'connections' | 'durationSeconds'>) =>
  loadRun({ url, connections, durationSeconds: duration, ...init });

async function main() {
  const cms = await startBenchCms({
    name: 'leads',
    timeoutMs: 120_000,
    nodeArgs: options.profile ? ['--cpu-prof', `--cpu-prof-dir=${DATA_DIR}/profiles`] : [],
    env: {
      // an article for the plain find, measured without our response cache
      SEED_DEMO_CONTENT: 'true',
      CONTENT_CACHE_TTL_MS: '0',
      // the bench measures throughput, not the limiter: one client, many addresses
      LEADS_RATE_LIMIT_IP: '100000000',
      LEADS_RATE_LIMIT_EMAIL: '100000000',
      SALES_NOTIFY_EMAIL: 'sales@magnetiq.test',
      // emails go to the log transport (no SendGrid here); the worker runs as in production
      OUTBOX_POLL_MS: '1000',
      OUTBOX_WORKER: options.worker === 'off' ? 'false' : 'true',
    },
  });

  const runId = Date.now().toString(36);
  const acceptedEmails: string[] = [];
  const pool = new pg.Pool({ connectionString: cms.databaseUrl, max: 2 });
  try {
    log(`CMS up on ${cms.url}; ${connections} connections, ${duration} s per run`);

    const health = await load(`${cms.url}/_health`, {});
    log(`GET /_health: ${health.rps} req/s, p95 ${health.p95} ms`);

    const [article] = (
      await (await fetch(`${cms.url}/api/articles?locale=en&fields[0]=slug&pagination[pageSize]=1`)).json()
    ).data as Array<{ slug: string }>;
    const findPath = `/api/articles?filters[slug][$eq]=${encodeURIComponent(article.slug)}&locale=en`;
    // as many connections as the submissions: at saturation the latency follows the connection count
    const plainFind = await load(`${cms.url}${findPath}`, {});
    log(`plain find-by-slug (cache off): ${plainFind.rps} req/s, p97.5 ${plainFind.p97_5} ms`);

    const submissions = await load(`${cms.url}/api/leads/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      accepted: (email) => acceptedEmails.push(email),
      body: (n) => benchSubmission(runId, n),
    });
    const accepted = submissions.byStatus['201'] ?? 0;
    const ratio = (value: number, reference: number) => Math.round((value / reference) * 100) / 100;
    log(
      `POST /api/leads/submissions: ${submissions.rps} req/s (${ratio(submissions.rps, plainFind.rps)}x the plain find), ${accepted} accepted, p97.5 ${submissions.p97_5} ms (${ratio(submissions.p97_5, plainFind.p97_5)}x), statuses ${JSON.stringify(submissions.byStatus)}`,
    );

    // Zero lost: every address that got 201 has its contact, its activity and its Odoo outbox row.
    // (Requests still in flight when the run ended may have rows without a counted 201; they do not count.)
    const missing = async (sql: string) => Number((await pool.query(sql, [acceptedEmails])).rows[0].count);
    const lost = {
      contacts: await missing(
        `select count(*) from unnest($1::text[]) e(email) where not exists (select 1 from leads_contacts c where c.email = e.email)`,
      ),
      activities: await missing(
        `select count(*) from unnest($1::text[]) e(email) where not exists (
           select 1 from leads_contacts c join leads_activities_contact_lnk l on l.contact_id = c.id where c.email = e.email)`,
      ),
      odooOutboxRows: await missing(
        `select count(*) from unnest($1::text[]) e(email) where not exists (
           select 1 from leads_contacts c join leads_outbox o on o.contact_id = c.id where c.email = e.email and o.topic = 'odoo.upsert-lead')`,
      ),
    };
    const zeroLost = acceptedEmails.length === accepted && Object.values(lost).every((value) => value === 0);
    log(
      `checked ${acceptedEmails.length} accepted addresses → ${zeroLost ? 'zero lost' : `LOST ${JSON.stringify(lost)}`}`,
    );

    const result = {
      benchmark: 'leads-submissions',
      at: new Date().toISOString(),
      machine: machine(),
      settings: { connections, durationSeconds: duration, nodeEnv: 'production', outboxWorker: options.worker },
      health,
      plainFind: { path: findPath, ...plainFind },
      submissions: {
        ...submissions,
        accepted,
        ratioToPlainFind: ratio(submissions.rps, plainFind.rps),
        p97_5RatioToPlainFind: ratio(submissions.p97_5, plainFind.p97_5),
      },
      lost,
      zeroLost,
    };
    writeResult(options.worker === 'off' ? 'leads-worker-off.json' : 'leads.json', result);
    if (!zeroLost) process.exitCode = 1;
  } finally {
    await pool.end();
    await cms.stop();
  }
}

main().catch((error) => {
  console.error(`[bench] ${error.stack ?? error}`);
  process.exit(1);
});
