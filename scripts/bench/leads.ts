/**
 * Load benchmark of the public capture endpoint, POST /api/leads/submissions.
 *
 * Boots the built CMS (NODE_ENV=production) on a scratch PostgreSQL database with rate limits
 * raised out of the way, drives it with autocannon (every request a new email address, so each
 * one is a full transaction: contact upsert, consents, activity, outbox rows), then checks that
 * every accepted submission has all of its rows: zero lost. Results go to scripts/bench/results/.
 *
 *   node scripts/bench/leads.ts [--duration 20] [--connections 50]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
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
    // off: measure the request path alone, as with the outbox worker on other instances
    worker: { type: 'string', default: 'on' },
    // write a V8 CPU profile of the CMS to .data/profiles (open it in Chrome DevTools)
    profile: { type: 'boolean', default: false },
  },
});
const duration = Number(options.duration);
const connections = Number(options.connections);

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

type Run = { requests: number; byStatus: Record<string, number>; rps: number; p50: number; p95: number; p99: number; errors: number; timeouts: number };

async function load(
  url: string,
  init: { method?: string; body?: (n: number) => { key: string; json: string }; headers?: Record<string, string>; accepted?: (key: string) => void }
): Promise<Run> {
  let counter = 0;
  const latencies: number[] = [];
  const byStatus: Record<string, number> = {};
  const instance = autocannon({
    url,
    connections,
    duration,
    requests: [
      {
        method: (init.method ?? 'GET') as any,
        headers: init.headers,
        setupRequest: (request: any, context: any) => {
          if (!init.body) return request;
          const { key, json } = init.body(counter++);
          context.key = key;
          return { ...request, body: json };
        },
        onResponse: (status: number, _body: string, context: any) => {
          if (status === 201 && context.key) init.accepted?.(context.key);
        },
      },
    ],
  });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    byStatus[statusCode] = (byStatus[statusCode] ?? 0) + 1;
    latencies.push(responseTime);
  });
  const result: any = await instance;
  latencies.sort((a, b) => a - b);
  const requests = latencies.length;
  return {
    requests,
    byStatus,
    rps: Math.round((requests / result.duration) * 10) / 10,
    p50: Math.round(percentile(latencies, 50) * 10) / 10,
    p95: Math.round(percentile(latencies, 95) * 10) / 10,
    p99: Math.round(percentile(latencies, 99) * 10) / 10,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

async function main() {
  const log = (line: string) => console.log(`[bench] ${line}`);
  await buildPlugins({ log });
  assertPluginsBuilt();
  await buildCms({ log });

  const database = await createScratchDatabase('magnetiq_bench');
  const port = await freePort();
  const logFile = path.join(DATA_DIR, 'bench-strapi.log');
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const logFd = fs.openSync(logFile, 'w');
  const cms = await startStrapi({
    port,
    stdio: ['ignore', logFd, logFd],
    timeoutMs: 120_000,
    nodeArgs: options.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(DATA_DIR, 'profiles')}`] : [],
    env: {
      ...generateSecrets(),
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
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
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  try {
    log(`CMS up on ${cms.url}; ${connections} connections, ${duration} s per run`);

    const health = await load(`${cms.url}/_health`, {});
    log(`GET /_health: ${health.rps} req/s, p95 ${health.p95} ms`);

    const submissions = await load(`${cms.url}/api/leads/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      accepted: (email) => acceptedEmails.push(email),
      body: (n) => ({
        key: `bench-${runId}-${n}@example.com`,
        json: JSON.stringify({
          email: `bench-${runId}-${n}@example.com`,
          firstName: 'Bench',
          lastName: 'Mark',
          company: 'Load Test GmbH',
          message: 'A benchmark submission with a realistic amount of text in it.',
          language: 'en',
          consent: { dataProcessing: true, marketingEmail: n % 2 === 0, textVersion: 'bench-1' },
          utm: { source: 'bench', medium: 'autocannon', campaign: runId },
        }),
      }),
    });
    const accepted = submissions.byStatus['201'] ?? 0;
    log(`POST /api/leads/submissions: ${submissions.rps} req/s, ${accepted} accepted, p95 ${submissions.p95} ms, statuses ${JSON.stringify(submissions.byStatus)}`);

    // Zero lost: every address that got 201 has its contact, its activity and its Odoo outbox row.
    // (Requests still in flight when the run ended may have rows without a counted 201; they do not count.)
    const missing = async (sql: string) => Number((await pool.query(sql, [acceptedEmails])).rows[0].count);
    const lost = {
      contacts: await missing(`select count(*) from unnest($1::text[]) e(email) where not exists (select 1 from leads_contacts c where c.email = e.email)`),
      activities: await missing(
        `select count(*) from unnest($1::text[]) e(email) where not exists (
           select 1 from leads_contacts c join leads_activities_contact_lnk l on l.contact_id = c.id where c.email = e.email)`
      ),
      odooOutboxRows: await missing(
        `select count(*) from unnest($1::text[]) e(email) where not exists (
           select 1 from leads_contacts c join leads_outbox o on o.contact_id = c.id where c.email = e.email and o.topic = 'odoo.upsert-lead')`
      ),
    };
    const zeroLost = acceptedEmails.length === accepted && Object.values(lost).every((value) => value === 0);
    log(`checked ${acceptedEmails.length} accepted addresses → ${zeroLost ? 'zero lost' : `LOST ${JSON.stringify(lost)}`}`);

    const result = {
      benchmark: 'leads-submissions',
      at: new Date().toISOString(),
      machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
      settings: { connections, durationSeconds: duration, nodeEnv: 'production', outboxWorker: options.worker },
      health,
      submissions: { ...submissions, accepted },
      lost,
      zeroLost,
    };
    const outDir = path.join(ROOT, 'scripts', 'bench', 'results');
    fs.mkdirSync(outDir, { recursive: true });
    const outFile = path.join(outDir, options.worker === 'off' ? 'leads-worker-off.json' : 'leads.json');
    fs.writeFileSync(outFile, `${JSON.stringify(result, null, 2)}\n`);
    log(`results written to ${path.relative(ROOT, outFile)}`);
    if (!zeroLost) process.exitCode = 1;
  } finally {
    await pool.end();
    await cms.stop();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(`[bench] ${error.stack ?? error}`);
  process.exit(1);
});
