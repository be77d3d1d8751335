/**
 * Lead events to Odoo under load (docs/adr/0025, issue 19): the fake Odoo of the tests limited
 * to `--calls-per-second` ORM calls (default 2; more are answered 429), the plugin's token bucket
 * set to the same rate (ODOO_MAX_CALLS_PER_SECOND), batches of `--batch` leads (ODOO_BATCH_SIZE,
 * default 100; 1 = the old one lead per delivery). Also measured in the same run: the plain Strapi
 * find-by-slug (public response cache off) as the reference. Then lead submissions at a fixed
 * rate (default 100/s for 30 s; emails go to a local SendGrid sink at the same time): Odoo lag
 * (created → done) p50/p95/max, backlog when the load stops and its drain time, the calls Odoo
 * got (and how many it refused), and exactly once: every accepted submission has one partner
 * and one lead in the fake, none twice (exit 1 otherwise).
 *
 *   node scripts/bench/odoo.ts [--rate 100] [--duration 30] [--calls-per-second 2] [--batch 100] [--protocol xmlrpc|json2]
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { benchSubmission, load, log, machine, outboxLag, startBenchCms, writeResult } from './lib/harness.ts';
import { startSendGridSink } from './lib/sendgrid-sink.ts';
import { startBenchFakeOdoo } from './lib/fake-odoo.ts';

const { values: options } = parseArgs({
  options: {
    rate: { type: 'string', default: '100' },
    duration: { type: 'string', default: '30' },
    connections: { type: 'string', default: '20' },
    'calls-per-second': { type: 'string', default: '2' },
    batch: { type: 'string', default: '100' },
    protocol: { type: 'string', default: 'xmlrpc' },
    out: { type: 'string', default: 'odoo.json' },
  },
});
const rate = Number(options.rate);
const durationSeconds = Number(options.duration);
const connections = Number(options.connections);
const callsPerSecond = Number(options['calls-per-second']);
const batchSize = Number(options.batch);
const protocol = options.protocol === 'json2' ? 'json2' : 'xmlrpc';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ratio = (value: number, reference: number) =>
  reference > 0 ? Math.round((value / reference) * 100) / 100 : null;

interface CallRecord {
  service: string;
  model?: string;
  modelMethod?: string;
  outcome: string;
  created?: number[];
  at: string;
}

async function main() {
  const odoo = await startBenchFakeOdoo({ version: protocol === 'json2' ? 19 : 17 });
  const fake = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${odoo.url}${route}`, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`fake Odoo ${route}: ${response.status}`);
    return (await response.json()) as T;
  };
  await fake('POST', '/__fake/max-calls', { perSecond: callsPerSecond });
  const sink = await startSendGridSink();
  const cms = await startBenchCms({
    name: 'odoo',
    env: {
      SEED_DEMO_CONTENT: 'true',
      CONTENT_CACHE_TTL_MS: '0',
      LEADS_RATE_LIMIT_IP: '100000000',
      LEADS_RATE_LIMIT_EMAIL: '100000000',
      SENDGRID_API_KEY: 'SG.bench-key',
      SENDGRID_BASE_URL: sink.url,
      SALES_NOTIFY_EMAIL: 'sales@magnetiq.test',
      ODOO_URL: odoo.url,
      ODOO_DB: odoo.db,
      ODOO_USERNAME: odoo.login,
      ODOO_API_KEY: odoo.password,
      ODOO_PROTOCOL: protocol,
      ODOO_MAX_CALLS_PER_SECOND: String(callsPerSecond),
      ODOO_BATCH_SIZE: String(batchSize),
      ODOO_STAGE_READBACK: 'false',
    },
  });
  const pool = new pg.Pool({ connectionString: cms.databaseUrl, max: 2 });
  const sql = async <T>(text: string, params: unknown[] = []) => (await pool.query(text, params)).rows as T[];
  const runId = Date.now().toString(36);
  const openOdooRows = async () =>
    Number(
      (
        await sql<{ count: string }>(
          `select count(*) from leads_outbox where topic = 'odoo.upsert-lead' and status in ('pending', 'processing')`,
        )
      )[0].count,
    );

  try {
    const [article] = (
      await (await fetch(`${cms.url}/api/articles?locale=en&fields[0]=slug&pagination[pageSize]=1`)).json()
    ).data as Array<{ slug: string }>;
    const findPath = `/api/articles?filters[slug][$eq]=${encodeURIComponent(article.slug)}&locale=en`;
    log(`CMS up on ${cms.url}; fake Odoo ${odoo.url} (${protocol}, ${callsPerSecond} calls/s), batch ${batchSize}`);
    const plainFind = await load({ url: `${cms.url}${findPath}`, connections: 10, durationSeconds: 10 });
    log(`plain find-by-slug (cache off): ${plainFind.rps} req/s, p97.5 ${plainFind.p97_5} ms`);

    // the calls of the load only
    await fake('DELETE', '/__fake/calls');
    const accepted = new Set<string>();
    let n = 0;
    const fixedStart = new Date();
    const fixed = await load({
      url: `${cms.url}/api/leads/submissions`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: () => benchSubmission(runId, n++, { label: 'odoo' }),
      accepted: (key) => accepted.add(key),
      overallRate: rate,
      durationSeconds,
      connections,
    });
    const fixedEnd = new Date();
    const backlogAtStop = await openOdooRows();
    log(
      `fixed ${rate}/s for ${durationSeconds} s: ${fixed.rps} req/s, p97.5 ${fixed.p97_5} ms; ${backlogAtStop} Odoo rows open at the stop`,
    );
    const drainStarted = Date.now();
    let drainMs: number | null = null;
    while (Date.now() - drainStarted < 600_000) {
      if ((await openOdooRows()) === 0) {
        drainMs = Date.now() - drainStarted;
        break;
      }
      await sleep(250);
    }
    const { count: events, ...lag } = await outboxLag(sql, 'odoo.upsert-lead', fixedStart, fixedEnd);
    const statuses = await sql<{ status: string; count: number }>(
      `select status, count(*)::int as count from leads_outbox where topic = 'odoo.upsert-lead' group by status order by status`,
    );
    const odooLag = { events, ...lag };
    log(
      `Odoo lag p50 ${odooLag.p50} ms, p95 ${odooLag.p95} ms, max ${odooLag.max} ms over ${odooLag.events} events; drained ${drainMs} ms after the stop`,
    );

    const { calls } = await fake<{ calls: CallRecord[] }>('GET', '/__fake/calls');
    const orm = calls.filter((call) => call.service === 'object' || call.service === 'json2');
    const byMethod: Record<string, number> = {};
    for (const call of orm) {
      const key = `${call.model}.${call.modelMethod}${call.outcome === 'result' ? '' : ` (${call.outcome})`}`;
      byMethod[key] = (byMethod[key] ?? 0) + 1;
    }
    const creates = orm.filter((call) => call.modelMethod === 'create' && call.created);
    const recordsPerCreate = (model: string) => {
      const sizes = creates.filter((call) => call.model === model).map((call) => call.created!.length);
      return sizes.length ? Math.round((sizes.reduce((a, b) => a + b, 0) / sizes.length) * 10) / 10 : 0;
    };
    const refused = orm.filter((call) => call.outcome === 'fault').length;
    const firstAt = orm.length ? Date.parse(orm[0].at) : 0;
    const lastAt = orm.length ? Date.parse(orm[orm.length - 1].at) : 0;

    // exactly once: every accepted address has one partner and one lead
    const { records: partners } = await fake<{ records: Array<{ email: string | false }> }>(
      'GET',
      '/__fake/records?model=res.partner',
    );
    const { records: leads } = await fake<{ records: Array<{ email_from: string | false }> }>(
      'GET',
      '/__fake/records?model=crm.lead',
    );
    const count = (values: Array<string | false>) => {
      const counts = new Map<string, number>();
      for (const value of values) if (value && accepted.has(value)) counts.set(value, (counts.get(value) ?? 0) + 1);
      return counts;
    };
    const partnerCounts = count(partners.map((partner) => partner.email));
    const leadCounts = count(leads.map((lead) => lead.email_from));
    const exactlyOnce = {
      accepted: accepted.size,
      withPartner: partnerCounts.size,
      withLead: leadCounts.size,
      partnersTwice: [...partnerCounts.values()].filter((value) => value > 1).length,
      leadsTwice: [...leadCounts.values()].filter((value) => value > 1).length,
    };
    log(
      `calls ${orm.length} (${refused} refused) over ${Math.round((lastAt - firstAt) / 100) / 10} s; ${JSON.stringify(exactlyOnce)}`,
    );

    writeResult(options.out!, {
      benchmark: 'odoo',
      at: new Date().toISOString(),
      machine: machine(),
      settings: {
        rate,
        durationSeconds,
        connections,
        protocol,
        callsPerSecond,
        batchSize,
        nodeEnv: 'production',
        odoo: `tests/fakes/odoo (Odoo ${protocol === 'json2' ? 19 : 17}), ${callsPerSecond} ORM calls/s (429 beyond), the plugin's bucket at the same rate`,
        sendgrid: 'local sink (202)',
      },
      plainFind: { path: findPath, ...plainFind },
      submissionsFixedRate: { ...fixed, p97_5RatioToPlainFind: ratio(fixed.p97_5, plainFind.p97_5) },
      odooLag,
      backlogAtStop,
      drainMs,
      outboxStatuses: statuses,
      odooCalls: {
        total: orm.length,
        refused,
        overSeconds: Math.round((lastAt - firstAt) / 100) / 10,
        byMethod,
        recordsPerCreate: { 'res.partner': recordsPerCreate('res.partner'), 'crm.lead': recordsPerCreate('crm.lead') },
      },
      exactlyOnce,
    });
    const complete =
      exactlyOnce.withPartner === exactlyOnce.accepted &&
      exactlyOnce.withLead === exactlyOnce.accepted &&
      exactlyOnce.partnersTwice === 0 &&
      exactlyOnce.leadsTwice === 0;
    if (!complete || drainMs === null) process.exitCode = 1;
  } finally {
    await pool.end();
    await cms.stop();
    await sink.close();
    await odoo.close();
  }
}

main().catch((error) => {
  console.error(`[bench] ${error.stack ?? error}`);
  process.exit(1);
});
