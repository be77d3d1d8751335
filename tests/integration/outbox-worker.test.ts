/**
 * The outbox worker (docs/adr/0025) against a CMS process of this file on a fresh database, with
 * fake SendGrid and Odoo of its own, and a poll interval of ten minutes: whatever is delivered
 * within the test was woken by something else than the poll.
 * (a) wake on commit: a submission's emails go out at once (NOTIFY from the capture transaction);
 * (b) SendGrid 429 with X-RateLimit-Reset: the email waits until the reset, no attempt used;
 * (c) a row claimed by an instance that died (its lease ran out) is delivered within 10 s, once;
 * (d) Odoo not configured: lead rows for Odoo are parked apart from the backlog, and are
 *     delivered once a restart brings the Odoo configuration.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR } from '../../scripts/lib/paths.mjs';
import { generateSecrets } from '../../scripts/lib/secrets.mjs';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { startTestCms, type CmsProcess } from '../helpers/cms-process';
import { clientIp } from '../helpers/http';
import { submission, uniqueEmail } from '../helpers/leads';
import { eventually } from '../helpers/wait';
import { startFakeOdoo } from '../fakes/odoo';
import { fakeOdooAt } from '../fakes/odoo-client';
import { startFakeSendGrid, type SentMessage } from '../fakes/sendgrid';

let database: TestDatabase;
let sendgrid: Awaited<ReturnType<typeof startFakeSendGrid>>;
let odooServer: Awaited<ReturnType<typeof startFakeOdoo>>;
let pool: pg.Pool;
let cms: CmsProcess | null = null;
let boots = 0;
const secrets = generateSecrets();
const whitepapersDir = fs.mkdtempSync(path.join(DATA_DIR, 'test-outbox-whitepapers-'));

interface OutboxRecord {
  id: number;
  topic: string;
  status: string;
  attempts: number;
  idempotency_key: string;
  locked_by: string | null;
  last_error: string | null;
  done_at: Date | null;
}

const odooEnv = () => ({
  ODOO_URL: odooServer.url,
  ODOO_DB: odooServer.db,
  ODOO_USERNAME: odooServer.login,
  ODOO_API_KEY: odooServer.password,
});

const boot = (overrides: Record<string, string> = {}) =>
  startTestCms(`outbox-worker-strapi-${++boots}`, {
    ...secrets,
    DATABASE_URL: database.url,
    ADMIN_EMAIL: 'outbox-admin@magnetiq.test',
    ADMIN_PASSWORD: 'Outbox-Passw0rd!',
    TRUST_PROXY: 'true',
    SEED_DEMO_CONTENT: 'false',
    CONTENT_SCHEDULER: 'false',
    SENDGRID_API_KEY: 'SG.test-key',
    SENDGRID_BASE_URL: sendgrid.url,
    // the poll is no part of anything this file checks
    OUTBOX_POLL_MS: '600000',
    OUTBOX_BASE_DELAY_MS: '100',
    OUTBOX_MAX_DELAY_MS: '800',
    OUTBOX_MAX_ATTEMPTS: '5',
    OUTBOX_LEASE_MS: '3000',
    // Odoo not configured (d)
    ODOO_URL: '',
    SITE_URL: 'http://127.0.0.1:9',
    CORS_ORIGINS: 'http://127.0.0.1:9',
    WHITEPAPERS_FILES_DIR: whitepapersDir,
    ...overrides,
  });

const sql = async <T>(text: string, params: unknown[] = []) => (await pool.query(text, params)).rows as T[];

async function submit(body: Record<string, unknown>) {
  const response = await fetch(`${cms!.url}/api/leads/submissions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Forwarded-For': clientIp() },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
}

const outboxOf = (email: string) =>
  sql<OutboxRecord>(
    `select o.id, o.topic, o.status, o.attempts, o.idempotency_key, o.locked_by, o.last_error, o.done_at
     from leads_outbox o join leads_contacts c on c.id = o.contact_id where c.email = $1 order by o.id`,
    [email],
  );

const sent = async (): Promise<{ messages: SentMessage[]; attempts: number }> =>
  (await fetch(`${sendgrid.url}/__fake/messages`)).json();
const sentWithKey = async (key: string) =>
  (await sent()).messages.filter((message) => message.body.custom_args?.idempotency_key === key);

beforeAll(async () => {
  database = await createTestDatabase();
  pool = database.pool();
  sendgrid = await startFakeSendGrid();
  odooServer = await startFakeOdoo();
  cms = await boot();
}, 180_000);

afterAll(async () => {
  await cms?.stop();
  await sendgrid?.close();
  await odooServer?.close();
  await database?.drop();
  fs.rmSync(whitepapersDir, { recursive: true, force: true });
}, 60_000);

describe('outbox worker', () => {
  it('(a) wakes on commit: the emails of a submission go out without waiting for the poll', async () => {
    const email = uniqueEmail('wake');
    await submit(submission({ email, consent: { dataProcessing: true, marketingEmail: true, textVersion: 'v1' } }));
    // the poll comes every ten minutes: only the NOTIFY of the capture transaction can wake the worker
    const rows = await eventually(
      async () => {
        const found = (await outboxOf(email)).filter((row) => row.topic === 'email.send');
        return found.length > 0 && found.every((row) => row.status === 'done') && found;
      },
      { timeoutMs: 10_000, what: 'the confirmation email to be delivered' },
    );
    for (const row of rows) {
      expect(await sentWithKey(row.idempotency_key)).toHaveLength(1);
      expect(row.attempts).toBe(1);
      // a done row names the instance that delivered it
      expect(row.locked_by).toMatch(/:\d+:[0-9a-f]{6}$/);
    }
  });

  it('(b) SendGrid 429 with X-RateLimit-Reset: the email waits until the reset without using an attempt', async () => {
    await fetch(`${sendgrid.url}/__fake/fail`, {
      method: 'POST',
      body: JSON.stringify({ status: 429, times: 1, resetSeconds: 2 }),
    });
    const before = (await sent()).attempts;
    const email = uniqueEmail('ratelimit');
    const submitted = Date.now();
    await submit(submission({ email, consent: { dataProcessing: true, marketingEmail: true, textVersion: 'v1' } }));
    const rows = await eventually(
      async () => {
        const found = (await outboxOf(email)).filter((candidate) => candidate.topic === 'email.send');
        return found.length > 0 && found.every((candidate) => candidate.status === 'done') && found;
      },
      { timeoutMs: 15_000, what: 'the rate-limited emails to be delivered' },
    );
    const messages = (await sent()).messages.filter((message) =>
      rows.some((row) => row.idempotency_key === message.body.custom_args?.idempotency_key),
    );
    // each email once, plus the one answer 429
    expect(messages).toHaveLength(rows.length);
    expect((await sent()).attempts - before).toBe(rows.length + 1);
    // the refused one went out after the reset, which the fake put at least two whole seconds ahead
    const latest = Math.max(...messages.map((message) => new Date(message.receivedAt).getTime()));
    expect(latest - submitted).toBeGreaterThanOrEqual(1900);
    // the 429 did not count as an attempt
    expect(rows.map((row) => row.attempts)).toEqual(rows.map(() => 1));
  });

  it('(c) a row claimed by an instance that died is delivered within 10 s of its lease running out, once', async () => {
    const email = uniqueEmail('dead-owner');
    const key = `email:contact-receipt:test-${crypto.randomBytes(4).toString('hex')}`;
    // as a killed instance leaves it: processing, claimed just now, its lease ending in one second
    await sql(
      `insert into leads_outbox (document_id, topic, payload, idempotency_key, status, attempts, next_attempt_at, locked_at, locked_by, lease_until, created_at, updated_at, published_at)
       values ($1, 'email.send', $2, $3, 'processing', 1, now(), now(), 'gone-host:4242:dead00', now() + interval '1 second', now(), now(), now())`,
      [crypto.randomUUID(), JSON.stringify({ template: 'contact-receipt', locale: 'en', to: email, data: {} }), key],
    );
    const leaseEnd = Date.now() + 1000;
    const [row] = await eventually(
      async () => {
        const found = await sql<OutboxRecord>(
          `select id, status, attempts, last_error, done_at from leads_outbox where idempotency_key = $1 and status = 'done'`,
          [key],
        );
        return found.length > 0 && found;
      },
      { timeoutMs: 12_000, intervalMs: 200, what: "the dead instance's row to be delivered" },
    );
    expect(new Date(row.done_at!).getTime() - leaseEnd).toBeLessThan(10_000);
    expect(row.attempts).toBe(2);
    expect(await sentWithKey(key)).toHaveLength(1);
  });

  it('(d) Odoo not configured: lead rows are parked apart from the backlog, and delivered once Odoo is configured', async () => {
    const email = uniqueEmail('parked');
    await submit(submission({ email }));
    const [parked] = await eventually(
      async () => {
        const found = (await outboxOf(email)).filter((row) => row.topic === 'odoo.upsert-lead');
        return found.length === 1 && found[0].status === 'parked' && found;
      },
      { timeoutMs: 10_000, what: 'the Odoo row to be parked' },
    );
    expect(parked.attempts).toBe(0);
    expect(parked.last_error).toBe('waiting for configuration');
    const ready = await (await fetch(`${cms!.url}/_ready`)).json();
    expect(ready.checks.outbox.parked).toBeGreaterThanOrEqual(1);

    // the operator configures Odoo and restarts
    await cms!.stop();
    cms = await boot(odooEnv());
    const odoo = fakeOdooAt(odooServer.url);
    await eventually(async () => (await odoo.records('res.partner')).some((partner) => partner.email === email), {
      timeoutMs: 20_000,
      what: 'the parked lead to reach Odoo',
    });
    const [done] = await eventually(
      async () => {
        const found = (await outboxOf(email)).filter((row) => row.topic === 'odoo.upsert-lead');
        return found[0]?.status === 'done' && found;
      },
      { timeoutMs: 10_000, what: 'the parked row to be done' },
    );
    expect(done.attempts).toBe(1);
  });
});
