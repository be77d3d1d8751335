/**
 * A campaign survives a crash mid-send (issue 21): a CMS process of this file, on a database of
 * its own with a SendGrid fake of its own (the shared test CMS's worker must not help), sends a
 * 2,500-recipient campaign in 3 batches; it is SIGKILLed while its second batch waits for
 * SendGrid's answer (the fake counts a message as accepted only once it answers, so the crash
 * lands between batch 1 and batch 2 as SendGrid sees it, with the batch-2 outbox row claimed by a
 * process that is gone). A second process on the same database takes the row back after its
 * lease and finishes: every address mailed exactly once, 3 accepted calls.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR } from '../../scripts/lib/paths.mjs';
import { generateSecrets } from '../../scripts/lib/secrets.mjs';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { exitOf, ownCmsEnv, QUICK_OUTBOX_RETRIES, startTestCms, type CmsProcess } from '../helpers/cms-process';
import { clientIp } from '../helpers/http';
import { eventually } from '../helpers/wait';
import { startFakeSendGrid, type SentMessage } from '../fakes/sendgrid';

const ADMIN_EMAIL = 'newsletter-crash@magnetiq.test';
const ADMIN_PASSWORD = 'Crash-Passw0rd!';

let database: TestDatabase;
let sendgrid: Awaited<ReturnType<typeof startFakeSendGrid>>;
let pool: pg.Pool;
let cms: CmsProcess | null = null;
let boots = 0;
const secrets = generateSecrets();
const whitepapersDir = fs.mkdtempSync(path.join(DATA_DIR, 'test-newsletter-crash-'));

const boot = () =>
  startTestCms(
    `newsletter-crash-${++boots}`,
    ownCmsEnv(
      {
        secrets,
        databaseUrl: database.url,
        admin: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
        sendgridUrl: sendgrid.url,
      },
      {
        SENDGRID_WEBHOOK_PUBLIC_KEY: sendgrid.webhookPublicKey,
        NEWSLETTER_POSTAL_ADDRESS: 'Magnetiq GmbH, Teststraße 1, 10115 Berlin',
        ...QUICK_OUTBOX_RETRIES,
        OUTBOX_MAX_ATTEMPTS: '50',
        OUTBOX_LEASE_MS: '3000',
        WHITEPAPERS_FILES_DIR: whitepapersDir,
      },
    ),
  );

const sql = async <T = any>(text: string, params: unknown[] = []) => (await pool.query(text, params)).rows as T[];

const fake = async () =>
  (await (await fetch(`${sendgrid.url}/__fake/messages`)).json()) as { messages: SentMessage[]; inFlight: number };

async function admin(pathname: string, init: { method?: string; json?: unknown } = {}) {
  const login = await fetch(`${cms!.url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': clientIp() },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const { data } = await login.json();
  const response = await fetch(`${cms!.url}/newsletter${pathname}`, {
    method: init.method ?? 'GET',
    headers: { Authorization: `Bearer ${data.token}`, Accept: 'application/json', 'Content-Type': 'application/json' },
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
  return { status: response.status, body: await response.json() };
}

beforeAll(async () => {
  database = await createTestDatabase();
  pool = database.pool();
  sendgrid = await startFakeSendGrid();
  cms = await boot();
}, 180_000);

afterAll(async () => {
  await cms?.stop('SIGKILL');
  await sendgrid?.close();
  await database?.drop();
  fs.rmSync(whitepapersDir, { recursive: true, force: true });
}, 60_000);

describe('a campaign survives a crash mid-send', () => {
  it('SIGKILL between batches, restart: 2,500 addresses mailed exactly once in 3 accepted calls', async () => {
    const topic = await admin('/topics', { method: 'POST', json: { slug: 'crash', locale: 'en', name: 'Crash' } });
    expect(topic.status, JSON.stringify(topic.body)).toBe(201);
    const contacts = await sql<{ id: number; email: string }>(
      `insert into leads_contacts (document_id, email, status, confirmed_at, language, created_at, updated_at, published_at)
       select 'cr' || substr(md5(i::text), 1, 22), 'crash-' || i || '@example.com', 'confirmed', now(), 'en', now(), now(), now()
       from generate_series(1, 2500) as i returning id, email`,
    );
    await sql(`insert into newsletter_subscriptions (contact_id, topic_id) select unnest($1::int[]), $2`, [
      contacts.map((c) => c.id),
      topic.body.data.id,
    ]);
    const segment = await admin('/segments', {
      method: 'POST',
      json: { name: 'Crash', filter: { topics: ['crash'] } },
    });
    const campaign = await admin('/campaigns', {
      method: 'POST',
      json: {
        name: 'Crash',
        defaultLocale: 'en',
        segment: segment.body.data.id,
        variants: { en: { subject: 'Crash test', blocks: [{ type: 'text', text: 'Once only.' }] } },
      },
    });
    expect(campaign.status, JSON.stringify(campaign.body)).toBe(201);
    const id = campaign.body.data.id;

    // every answer of the fake takes 1.5 s: the second batch is in flight long enough to kill the process
    await fetch(`${sendgrid.url}/__fake/delay`, { method: 'POST', body: JSON.stringify({ ms: 1500 }) });
    const sent = await admin(`/campaigns/${id}/send`, { method: 'POST' });
    expect(sent.status, JSON.stringify(sent.body)).toBe(202);
    expect(sent.body.data).toEqual({ recipients: 2500, batches: 3 });

    await eventually(
      async () => {
        const state = await fake();
        return state.messages.length === 1 && state.inFlight === 1;
      },
      { timeoutMs: 30_000, intervalMs: 50, what: 'batch 1 accepted and batch 2 in flight' },
    );
    const killed = cms!;
    killed.child.kill('SIGKILL');
    expect(await exitOf(killed.child)).toEqual({ code: null, signal: 'SIGKILL' });
    cms = null;

    // the crash left: 1,000 sent, the rest pending, the batch-2 row claimed by a process that is gone
    expect(
      await sql(
        `select status, count(*)::int as n from newsletter_recipients where campaign_id = $1 group by status order by status`,
        [id],
      ),
    ).toEqual([
      { status: 'pending', n: 1500 },
      { status: 'sent', n: 1000 },
    ]);
    expect(
      (
        await sql(
          `select count(*)::int as n from leads_outbox where topic = 'newsletter.batch' and status = 'processing'`,
        )
      )[0].n,
    ).toBeGreaterThanOrEqual(1);

    await fetch(`${sendgrid.url}/__fake/delay`, { method: 'POST', body: JSON.stringify({ ms: 0 }) });
    cms = await boot();
    await eventually(
      async () => (await sql(`select status from newsletter_campaigns where id = $1`, [id]))[0].status === 'sent',
      {
        timeoutMs: 60_000,
        intervalMs: 250,
        what: 'the campaign to finish after the restart',
      },
    );

    const { messages } = await fake();
    expect(messages).toHaveLength(3);
    const addresses = messages.flatMap((message) => message.body.personalizations.map((p: any) => p.to[0].email));
    expect(addresses).toHaveLength(2500);
    expect(new Set(addresses)).toEqual(new Set(contacts.map((c) => c.email)));
    expect(
      (
        await sql(`select count(*)::int as n from newsletter_recipients where campaign_id = $1 and status = 'sent'`, [
          id,
        ])
      )[0].n,
    ).toBe(2500);
  }, 180_000);
});
