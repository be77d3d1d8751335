/**
 * What every benchmark here shares: build check, a production CMS on a scratch database, an
 * autocannon run summarised as requests/s and latency percentiles, and the results file.
 * (In a subfolder so `npm run bench` does not take it for a benchmark.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { DATA_DIR, ROOT } from '../../lib/paths.mjs';
import { assertPluginsBuilt, buildCms, buildPlugins } from '../../lib/build.mjs';
import { freePort } from '../../lib/ports.mjs';
import { createScratchDatabase } from '../../lib/scratch-database.mjs';
import { generateSecrets } from '../../lib/secrets.mjs';
import { startStrapi } from '../../lib/strapi.mjs';

export const log = (line: string) => console.log(`[bench] ${line}`);

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const round = (value: number) => Math.round(value * 10) / 10;

export interface Run {
  requests: number;
  byStatus: Record<string, number>;
  rps: number;
  p50: number;
  p95: number;
  p97_5: number;
  p99: number;
  errors: number;
  timeouts: number;
}

export interface LoadOptions {
  url: string;
  connections: number;
  durationSeconds: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** a request body per request number; `key` comes back to `accepted` on a 201 */
  body?: (n: number) => { key: string; json: string };
  accepted?: (key: string) => void;
  /** a path per request number (relative to url's origin), for varied GETs */
  path?: (n: number) => string;
  /** fixed rate: requests per second over all connections (autocannon overallRate) */
  overallRate?: number;
}

/** One autocannon run, with latencies taken from every response (not autocannon's histogram buckets). */
export async function load(options: LoadOptions): Promise<Run> {
  let counter = 0;
  const latencies: number[] = [];
  const byStatus: Record<string, number> = {};
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
    requests: [
      {
        method: options.method ?? 'GET',
        headers: options.headers,
        setupRequest: (request: any, context: any) => {
          const n = counter++;
          if (options.path) request = { ...request, path: options.path(n) };
          if (!options.body) return request;
          const { key, json } = options.body(n);
          context.key = key;
          return { ...request, body: json };
        },
        onResponse: (status: number, _body: string, context: any) => {
          if (status === 201 && context.key) options.accepted?.(context.key);
        },
      },
    ],
  } as any);
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    byStatus[statusCode] = (byStatus[statusCode] ?? 0) + 1;
    latencies.push(responseTime);
  });
  const result: any = await instance;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    byStatus,
    rps: round(latencies.length / result.duration),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p97_5: round(percentile(latencies, 97.5)),
    p99: round(percentile(latencies, 99)),
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** The built CMS in production mode on a scratch database of its own; stop() also drops the database. */
export async function startBenchCms({
  name,
  env = {},
  timeoutMs = 180_000,
  nodeArgs = [],
}: {
  name: string;
  env?: Record<string, string>;
  timeoutMs?: number;
  nodeArgs?: string[];
}) {
  await buildPlugins({ log });
  assertPluginsBuilt();
  await buildCms({ log });
  const database = await createScratchDatabase(`magnetiq_bench_${name}`);
  const port = await freePort();
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const logFd = fs.openSync(path.join(DATA_DIR, `bench-${name}-strapi.log`), 'w');
  const cms = await startStrapi({
    port,
    stdio: ['ignore', logFd, logFd],
    timeoutMs,
    nodeArgs,
    env: {
      ...generateSecrets(),
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      ...env,
    },
  });
  return {
    url: cms.url as string,
    databaseUrl: database.url as string,
    async stop() {
      await cms.stop();
      await database.drop();
    },
  };
}

export function machine() {
  return { node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model };
}

export function writeResult(file: string, result: unknown) {
  const outDir = path.join(ROOT, 'scripts', 'bench', 'results');
  fs.mkdirSync(outDir, { recursive: true });
  const outFile = path.join(outDir, file);
  fs.writeFileSync(outFile, `${JSON.stringify(result, null, 2)}\n`);
  log(`results written to ${path.relative(ROOT, outFile)}`);
}

/** A contact-form submission with a new address per request number (every one a full capture transaction). */
export function benchSubmission(
  runId: string,
  n: number,
  {
    label = 'bench',
    marketingEvery = 2,
    medium = 'autocannon',
  }: { label?: string; marketingEvery?: number; medium?: string } = {},
) {
  const email = `${label}-${runId}-${n}@example.com`;
  return {
    key: email,
    json: JSON.stringify({
      email,
      firstName: 'Bench',
      lastName: 'Mark',
      company: 'Load Test GmbH',
      message: 'A benchmark submission with a realistic amount of text in it.',
      language: 'en',
      consent: { dataProcessing: true, marketingEmail: n % marketingEvery === 0, textVersion: 'bench-1' },
      utm: { source: 'bench', medium, campaign: runId },
    }),
  };
}

/**
 * Outbox lag (created → done, ms) of a topic's rows created in [from, to]: how many, p50, p95,
 * max. `query` runs SQL on the bench database.
 */
export async function outboxLag(
  query: (text: string, params: unknown[]) => Promise<Array<{ lag: unknown }>>,
  topic: string,
  from: Date,
  to: Date,
) {
  const lags = (
    await query(
      `select extract(epoch from (done_at - created_at)) * 1000 as lag from leads_outbox
       where topic = $1 and status = 'done' and created_at between $2 and $3`,
      [topic, from, to],
    )
  )
    .map((row) => Number(row.lag))
    .sort((a, b) => a - b);
  return {
    count: lags.length,
    p50: Math.round(percentile(lags, 50)),
    p95: Math.round(percentile(lags, 95)),
    max: Math.round(lags[lags.length - 1] ?? 0),
  };
}
