/**
 * Load benchmark of the public slot listing: GET /api/booking/slots for a 30-day range of a
 * meeting type offered by 5 hosts with 500 existing bookings between them.
 *
 * Boots the built CMS (NODE_ENV=production, no Google credentials: busy times "none") on a scratch
 * PostgreSQL database, writes the hosts, the meeting type and the bookings straight into the
 * tables, checks that the answer leaves every booked start out, drives it with autocannon and
 * writes scripts/bench/results/slots.json. `/_health` is the machine's ceiling, and a plain
 * Strapi find-by-slug (`GET /api/articles?filters[slug][$eq]=…`, response cache off, demo content seeded) the reference the slot route must beat.
 *
 *   node scripts/bench/slots.ts [--duration 20] [--connections 50] [--cache off]
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { DateTime } from 'luxon';
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
    // off: every request computes (BOOKING_SLOTS_CACHE_MS=0); on: the 2 s answer cache of production
    cache: { type: 'string', default: 'on' },
  },
});
const duration = Number(options.duration);
const connections = Number(options.connections);
const HOSTS = 5;
const BOOKINGS = 500;
const RANGE_DAYS = 30;
const ZONE = 'Europe/Berlin';

type Measured = {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  byStatus: Record<string, number>;
  errors: number;
  timeouts: number;
};

/** autocannon with every latency kept, so the percentiles are exact rather than histogram buckets. */
async function measure(url: string): Promise<Measured> {
  const latencies: number[] = [];
  const byStatus: Record<string, number> = {};
  const run = autocannon({ url, connections, duration });
  run.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
    byStatus[status] = (byStatus[status] ?? 0) + 1;
  });
  const summary: any = await run;
  latencies.sort((a, b) => a - b);
  const at = (share: number) =>
    latencies.length
      ? Math.round(latencies[Math.min(latencies.length - 1, Math.ceil(share * latencies.length) - 1)] * 10) / 10
      : 0;
  return {
    requests: latencies.length,
    rps: Math.round((latencies.length / summary.duration) * 10) / 10,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    byStatus,
    errors: summary.errors,
    timeouts: summary.timeouts,
  };
}

const documentId = () => `b${crypto.randomBytes(16).toString('hex').slice(0, 23)}`;

/** 5 hosts (Mon–Fri 09:00–17:00 Berlin), one 30-minute type, 500 bookings on distinct starts in the next 30 days. */
async function seedBookingData(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const now = new Date();
    const week = Object.fromEntries(
      ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [
        day,
        [
          { start: '09:00', end: '12:00' },
          { start: '13:00', end: '17:00' },
        ],
      ]),
    );
    const hosts = Array.from({ length: HOSTS }, (_, index) => ({
      documentId: documentId(),
      slug: `bench-host-${index + 1}`,
    }));
    for (const host of hosts) {
      await client.query(
        `insert into booking_hosts (document_id, name, slug, email, bio, time_zone, weekly_hours, date_overrides, active, locale, created_at, updated_at, published_at)
         values ($1, $2, $3, $4, 'Bench host', $5, $6, '[]', true, 'en', $7, $7, $7)`,
        [
          host.documentId,
          host.slug.replace('bench-host-', 'Host '),
          host.slug,
          `${host.slug}@bench.local`,
          ZONE,
          JSON.stringify(week),
          now,
        ],
      );
    }
    const typeId = documentId();
    await client.query(
      `insert into booking_meeting_types (document_id, title, slug, description, duration_minutes, buffer_before_minutes, buffer_after_minutes, minimum_notice_minutes,
         max_days_ahead, slot_step_minutes, daily_limit_per_host, hosts, location, questions, active, locale, created_at, updated_at, published_at)
       values ($1, 'Bench consultation', 'bench', 'x', 30, 0, 10, 60, 60, 30, 0, $2, 'video', '[]', true, 'en', $3, $3, $3)`,
      [typeId, JSON.stringify(hosts.map((host) => host.slug)), now],
    );
    // every candidate start of every host in the range, then 100 distinct ones per host
    const today = DateTime.now().setZone(ZONE).startOf('day');
    const starts: DateTime[] = [];
    for (let day = 1; day <= RANGE_DAYS; day++) {
      const date = today.plus({ days: day });
      if (date.weekday > 5) continue;
      for (const [from, to] of [
        [9, 12],
        [13, 17],
      ])
        for (let minutes = from * 60; minutes + 40 <= to * 60; minutes += 60)
          starts.push(date.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 }));
    }
    const booked: Array<{ host: string; start: string }> = [];
    for (let index = 0; index < BOOKINGS; index++) {
      const hostIndex = index % HOSTS;
      const host = hosts[hostIndex];
      // each host's 100 bookings on other hours than the next host's: a realistic spread, not one shared gap
      const start = starts[(Math.floor(index / HOSTS) + hostIndex * 29) % starts.length];
      const end = start.plus({ minutes: 30 });
      booked.push({ host: host.slug, start: start.toUTC().toISO()! });
      await client.query(
        `insert into booking_bookings (document_id, meeting_type, meeting_type_slug, meeting_type_title, host, host_slug, starts_at, ends_at, blocked_from, blocked_until,
           visitor_time_zone, language, contact, status, reschedule_count, created_at, updated_at, published_at)
         values ($1, $2, 'bench', 'Bench consultation', $3, $4, $5, $6, $5, $7, 'Europe/Berlin', 'en', 'benchcontact', 'confirmed', 0, $8, $8, $8)`,
        [
          documentId(),
          typeId,
          host.documentId,
          host.slug,
          start.toJSDate(),
          end.toJSDate(),
          end.plus({ minutes: 10 }).toJSDate(),
          now,
        ],
      );
    }
    return { booked, from: today.plus({ days: 1 }).toISODate()!, to: today.plus({ days: RANGE_DAYS }).toISODate()! };
  } finally {
    await client.end();
  }
}

async function main() {
  const log = (line: string) => console.log(`[bench] ${line}`);
  await buildPlugins({ log });
  assertPluginsBuilt();
  await buildCms({ log });

  const database = await createScratchDatabase('magnetiq_bench_slots');
  const port = await freePort();
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const logFd = fs.openSync(path.join(DATA_DIR, 'bench-slots-strapi.log'), 'w');
  // BENCH_CPU_PROF=<dir>: a V8 CPU profile of the CMS, written when it stops (to find where the time goes)
  const cms = await startStrapi({
    nodeArgs: process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [],
    port,
    stdio: ['ignore', logFd, logFd],
    timeoutMs: 180_000,
    env: {
      ...generateSecrets(),
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SEED_DEMO_CONTENT: 'true',
      CONTENT_CACHE_TTL_MS: '0',
      BOOKING_SLOTS_CACHE_MS: options.cache === 'off' ? '0' : '2000',
    },
  });

  try {
    const { booked, from, to } = await seedBookingData(database.url);
    const slotPath = `/api/booking/slots?type=bench&from=${from}&to=${to}&tz=${encodeURIComponent(ZONE)}`;
    const probe = await fetch(`${cms.url}${slotPath}`);
    const body: any = await probe.json();
    if (probe.status !== 200)
      throw new Error(`the slot request failed: ${probe.status} ${JSON.stringify(body).slice(0, 300)}`);
    const offered = new Map<string, Set<string>>();
    for (const day of body.data) for (const slot of day.slots) offered.set(slot.start, new Set(slot.hosts));
    const leaked = booked.filter((booking) => offered.get(booking.start)?.has(booking.host));
    if (leaked.length > 0)
      throw new Error(`${leaked.length} booked starts are offered for their host, e.g. ${JSON.stringify(leaked[0])}`);
    const slotCount = body.data.reduce((sum: number, day: any) => sum + day.slots.length, 0);
    log(
      `CMS up on ${cms.url}: ${HOSTS} hosts, ${BOOKINGS} bookings, ${slotCount} free starts over ${body.data.length} days; ${connections} connections, ${duration} s per run`,
    );

    const health = await measure(`${cms.url}/_health`);
    log(`GET /_health: ${health.rps} req/s, p95 ${health.p95} ms`);
    // the reference of issue 19: a plain Strapi find-by-slug, our public response cache off
    const [article] = (
      (await (await fetch(`${cms.url}/api/articles?locale=en&fields[0]=slug&pagination[pageSize]=1`)).json()) as {
        data: Array<{ slug: string }>;
      }
    ).data;
    const findPath = `/api/articles?filters[slug][$eq]=${encodeURIComponent(article.slug)}&locale=en`;
    const plainFind = await measure(`${cms.url}${findPath}`);
    log(
      `GET ${findPath} (plain Strapi find-by-slug, cache off): ${plainFind.rps} req/s, p95 ${plainFind.p95} ms, statuses ${JSON.stringify(plainFind.byStatus)}`,
    );
    const slots = await measure(`${cms.url}${slotPath}`);
    log(
      `GET ${slotPath}: ${slots.rps} req/s, p50 ${slots.p50} ms, p95 ${slots.p95} ms, p99 ${slots.p99} ms, statuses ${JSON.stringify(slots.byStatus)}`,
    );

    const result = {
      benchmark: 'booking-slots',
      at: new Date().toISOString(),
      machine: { node: process.version, cpus: os.cpus().length },
      settings: {
        connections,
        durationSeconds: duration,
        nodeEnv: 'production',
        slotsCache: options.cache,
        hosts: HOSTS,
        bookings: BOOKINGS,
        rangeDays: RANGE_DAYS,
        request: `GET ${slotPath}`,
        calendar: 'not configured (busy source none)',
      },
      freeStarts: slotCount,
      health,
      plainFind: { path: findPath, ...plainFind },
      slots,
      ratioToPlainFind: {
        rps: Math.round((slots.rps / plainFind.rps) * 100) / 100,
        p95: Math.round((slots.p95 / plainFind.p95) * 100) / 100,
      },
      allOk: Object.keys(slots.byStatus).every((status) => status === '200') && slots.errors === 0,
    };
    const outDir = path.join(ROOT, 'scripts', 'bench', 'results');
    fs.mkdirSync(outDir, { recursive: true });
    const outName = options.cache === 'off' ? 'slots-uncached.json' : 'slots.json';
    fs.writeFileSync(path.join(outDir, outName), `${JSON.stringify(result, null, 2)}\n`);
    log(`results written to scripts/bench/results/${outName}`);
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
