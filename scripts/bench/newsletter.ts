/**
 * A newsletter campaign to 100,000 subscribers (issue 21, docs/adr/0027): the time to prepare and
 * hand every recipient to the outbox (the admin's "send now": the segment evaluated, 100,000
 * recipient rows and one outbox row per 1,000 written in one transaction; target < 30 s), then the
 * time until every batch was delivered to a local SendGrid sink, and the calls it took.
 *
 *   node scripts/bench/newsletter.ts [--recipients 100000]
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { log, machine, startBenchCms, writeResult } from './lib/harness.ts';
import { startSendGridSink } from './lib/sendgrid-sink.ts';

const { values: options } = parseArgs({ options: { recipients: { type: 'string', default: '100000' } } });
const recipients = Number(options.recipients);
const ADMIN_EMAIL = 'bench-newsletter@magnetiq.test';
const ADMIN_PASSWORD = 'Bench-Passw0rd!';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const sink = await startSendGridSink();
  const cms = await startBenchCms({
    name: 'newsletter',
    env: {
      SEED_DEMO_CONTENT: 'false',
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      SENDGRID_API_KEY: 'SG.bench-key',
      SENDGRID_BASE_URL: sink.url,
      NEWSLETTER_POSTAL_ADDRESS: 'Magnetiq GmbH, Benchstraße 1, 10115 Berlin',
    },
  });
  const pool = new pg.Pool({ connectionString: cms.databaseUrl, max: 2 });
  try {
    const login = await fetch(`${cms.url}/admin/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
    });
    const token = (await login.json()).data.token as string;
    const admin = async (path: string, method = 'GET', body?: unknown) => {
      const response = await fetch(`${cms.url}/newsletter${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = await response.json();
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
      return json.data;
    };

    const topic = await admin('/topics', 'POST', { slug: 'bench', locale: 'en', name: 'Bench' });
    const seededAt = Date.now();
    await pool.query(
      `with contacts as (
         insert into leads_contacts (document_id, email, status, confirmed_at, language, created_at, updated_at, published_at)
         select 'bn' || substr(md5(i::text), 1, 22), 'bench-' || i || '@example.com', 'confirmed', now(), case when i % 4 = 0 then 'de' else 'en' end, now(), now(), now()
         from generate_series(1, $1) as i returning id)
       insert into newsletter_subscriptions (contact_id, topic_id) select id, $2 from contacts`,
      [recipients, topic.id],
    );
    await pool.query('analyze leads_contacts; analyze newsletter_subscriptions');
    log(`${recipients} subscribers seeded in ${Date.now() - seededAt} ms`);

    const segment = await admin('/segments', 'POST', { name: 'Bench', filter: { topics: ['bench'] } });
    const counted = Date.now();
    const { count } = await admin(`/segments/${segment.id}/count`);
    const countMs = Date.now() - counted;
    const campaign = await admin('/campaigns', 'POST', {
      name: 'Bench',
      defaultLocale: 'en',
      segment: segment.id,
      // the bench database has only the default locale: German readers get the English variant
      variants: { en: { subject: 'Bench', blocks: [{ type: 'text', text: 'Hello.' }] } },
    });

    const started = Date.now();
    const handed = await admin(`/campaigns/${campaign.id}/send`, 'POST');
    const handoffMs = Date.now() - started;
    log(
      `send now: ${handed.recipients} recipients in ${handed.batches} batches handed to the outbox in ${handoffMs} ms`,
    );

    for (;;) {
      const { rows } = await pool.query('select status from newsletter_campaigns where id = $1', [campaign.id]);
      if (rows[0].status === 'sent') break;
      if (Date.now() - started > 600_000) throw new Error('not sent within 10 minutes');
      await sleep(250);
    }
    const deliveredMs = Date.now() - started;
    const { rows: sent } = await pool.query(
      `select count(*)::int as n from newsletter_recipients where campaign_id = $1 and status = 'sent'`,
      [campaign.id],
    );
    log(
      `every batch delivered after ${deliveredMs} ms; ${sink.received()} calls to the sink; ${sent[0].n} recipients sent`,
    );
    writeResult('newsletter.json', {
      date: new Date().toISOString(),
      machine: machine(),
      recipients,
      segmentCount: count,
      segmentCountMs: countMs,
      handoff: { ms: handoffMs, recipients: handed.recipients, batches: handed.batches, targetMs: 30_000 },
      delivered: { ms: deliveredMs, sendgridCalls: sink.received(), recipientsSent: sent[0].n },
    });
  } finally {
    await pool.end();
    await cms.stop();
    await sink.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
