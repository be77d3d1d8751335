/**
 * Faults, each against a CMS process of this file on a fresh database of its own (the shared
 * test CMS is never disturbed), with fake Odoo and SendGrid instances of its own:
 * (a) SIGKILL while the outbox delivers to a slow Odoo, restart on the same database: every
 *     lead reaches Odoo and SendGrid exactly once;
 * (b) every database connection of the CMS terminated (a database restart): it recovers alone;
 * (d) SendGrid and Odoo down for a long stretch (compressed by the retry settings): the backlog
 *     grows, shows in the admin outbox stats, and drains exactly once when they are back;
 * (c) SIGTERM with a request in flight and outbox rows claimed: the request completes, new
 *     connections are refused, the worker finishes or releases its rows, the exit code is 0.
 * (e) SIGTERM while Odoo hangs: at the shutdown deadline the claimed rows go back to pending.
 * Three boots in all: the first process is killed in (a), the second serves (a) to (c), the third (e).
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR } from '../../scripts/lib/paths.mjs';
import { generateSecrets } from '../../scripts/lib/secrets.mjs';
import { canConnect } from '../../scripts/lib/postgres.mjs';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { exitOf, ownCmsEnv, QUICK_OUTBOX_RETRIES, startTestCms, type CmsProcess } from '../helpers/cms-process';
import { clientIp } from '../helpers/http';
import { submission, uniqueEmail } from '../helpers/leads';
import { eventually } from '../helpers/wait';
import { startFakeOdoo } from '../fakes/odoo';
import { fakeOdooAt } from '../fakes/odoo-client';
import { startFakeSendGrid, type SentMessage } from '../fakes/sendgrid';

const ADMIN_EMAIL = 'faults-admin@magnetiq.test';
const ADMIN_PASSWORD = 'Faults-Passw0rd!';
/** application_name of this file's own connections, so (b) terminates only the CMS's */
const TEST_APP = 'magnetiq-faults-test';

let database: TestDatabase;
let sendgrid: Awaited<ReturnType<typeof startFakeSendGrid>>;
let odooServer: Awaited<ReturnType<typeof startFakeOdoo>>;
let odoo: ReturnType<typeof fakeOdooAt>;
let pool: pg.Pool;
let cms: CmsProcess | null = null;
let boots = 0;
const secrets = generateSecrets();
const whitepapersDir = fs.mkdtempSync(path.join(DATA_DIR, 'test-faults-whitepapers-'));

/** Environment of this file's CMS processes; `overrides` for one boot. */
const cmsEnv = (overrides: Record<string, string> = {}) =>
  ownCmsEnv(
    {
      secrets,
      databaseUrl: database.url,
      admin: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
      sendgridUrl: sendgrid.url,
    },
    {
      SALES_NOTIFY_EMAIL: 'sales@magnetiq.test',
      // minutes of outage compressed into seconds: quick retries, never dead within a test
      ...QUICK_OUTBOX_RETRIES,
      OUTBOX_MAX_ATTEMPTS: '200',
      // rows a killed process left in processing are taken back 2 s after their claim
      OUTBOX_PROCESSING_TIMEOUT_MS: '2000',
      SHUTDOWN_TIMEOUT_MS: '8000',
      ODOO_URL: odooServer.url,
      ODOO_DB: odooServer.db,
      ODOO_USERNAME: odooServer.login,
      ODOO_API_KEY: odooServer.password,
      ODOO_TIMEOUT_MS: '5000',
      ODOO_MAX_ATTEMPTS: '200',
      ODOO_BREAKER_MIN_CALLS: '3',
      ODOO_BREAKER_WINDOW_MS: '5000',
      ODOO_BREAKER_RESET_MS: '1000',
      WHITEPAPERS_FILES_DIR: whitepapersDir,
      ...overrides,
    },
  );

const boot = (overrides: Record<string, string> = {}) => startTestCms(`faults-strapi-${++boots}`, cmsEnv(overrides));

async function submit(body: Record<string, unknown>) {
  const response = await fetch(`${cms!.url}/api/leads/submissions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Forwarded-For': clientIp() },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

/** Submits `n` leads at once; returns their addresses. */
async function submitLeads(n: number, label: string) {
  const emails = Array.from({ length: n }, () => uniqueEmail(label));
  const answers = await Promise.all(emails.map((email) => submit(submission({ email }))));
  expect(answers.map((answer) => answer.status)).toEqual(emails.map(() => 201));
  return emails;
}

const sql = async <T = any>(text: string, params: unknown[] = []) => (await pool.query(text, params)).rows as T[];

const outboxOf = (emails: string[]) =>
  sql<{
    id: number;
    topic: string;
    status: string;
    attempts: number;
    idempotency_key: string;
    locked_by: string | null;
    last_error: string | null;
  }>(
    `select o.id, o.topic, o.status, o.attempts, o.idempotency_key, o.locked_by, o.last_error
     from leads_outbox o join leads_contacts c on c.id = o.contact_id where c.email = any($1) order by o.id`,
    [emails],
  );

const processingCount = async () =>
  Number((await sql(`select count(*) from leads_outbox where status = 'processing'`))[0].count);

/** An XML-RPC call the fake Odoo has applied but not answered yet (its answer is held back by slow). */
const odooCallInFlight = async () => (await odoo.calls()).some((call) => call.outcome === 'result' && !call.ok);

const sentMessages = async (): Promise<SentMessage[]> =>
  (await (await fetch(`${sendgrid.url}/__fake/messages`)).json()).messages;

/** Every outbox row of these leads delivered, each email sent once, one partner and one lead each in Odoo. */
async function expectDeliveredExactlyOnce(emails: string[], timeoutMs = 60_000) {
  const rows = await eventually(
    async () => {
      const found = await outboxOf(emails);
      return found.length >= emails.length * 3 && found.every((row) => row.status === 'done') && found;
    },
    { timeoutMs, intervalMs: 250, what: `every outbox row of ${emails.length} leads to be done` },
  );
  // nothing lost: each lead has its receipt, its sales notification and its Odoo sync
  for (const email of emails) {
    const [contact] = await sql(`select id from leads_contacts where email = $1`, [email]);
    const own = await sql(`select topic from leads_outbox where contact_id = $1`, [contact.id]);
    expect(
      own.filter((row) => row.topic === 'odoo.upsert-lead'),
      email,
    ).toHaveLength(1);
    expect(own.filter((row) => row.topic === 'email.send').length, email).toBeGreaterThanOrEqual(2);
  }
  const messages = await sentMessages();
  for (const row of rows.filter((candidate) => candidate.topic === 'email.send')) {
    expect(
      messages.filter((message) => message.body.custom_args?.idempotency_key === row.idempotency_key),
      row.idempotency_key,
    ).toHaveLength(1);
  }
  const partners = await odoo.records('res.partner');
  const crmLeads = await odoo.records('crm.lead');
  for (const email of emails) {
    const partner = partners.filter((record) => record.email === email);
    expect(partner, `res.partner of ${email}`).toHaveLength(1);
    expect(
      crmLeads.filter((record) => record.partner_id === partner[0].id),
      `crm.lead of ${email}`,
    ).toHaveLength(1);
    expect(
      crmLeads.filter((record) => record.email_from === email),
      `crm.lead email of ${email}`,
    ).toHaveLength(1);
  }
  return rows;
}

async function adminApi(pathname: string) {
  const login = await fetch(`${cms!.url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': clientIp() },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const { data } = await login.json();
  const response = await fetch(`${cms!.url}${pathname}`, {
    headers: { Authorization: `Bearer ${data.token}`, Accept: 'application/json' },
  });
  expect(response.status).toBe(200);
  return (await response.json()).data;
}

beforeAll(async () => {
  database = await createTestDatabase();
  // its idle clients' errors are ignored: test b terminates "all but this one" of the database's connections
  pool = database.pool({ application_name: TEST_APP });
  sendgrid = await startFakeSendGrid();
  odooServer = await startFakeOdoo();
  odoo = fakeOdooAt(odooServer.url);
  cms = await boot();
}, 180_000);

afterAll(async () => {
  await cms?.stop('SIGKILL');
  await sendgrid?.close();
  await odooServer?.close();
  await database?.drop();
  fs.rmSync(whitepapersDir, { recursive: true, force: true });
}, 60_000);

describe('faults', () => {
  it('(a) SIGKILL during outbox delivery: after a restart every lead reaches Odoo and SendGrid exactly once', async () => {
    await odoo.slow(600);
    const emails = await submitLeads(4, 'killed');
    // kill while a batch is claimed and an Odoo call is applied but not yet answered
    await eventually(async () => (await processingCount()) >= 2 && (await odooCallInFlight()), {
      timeoutMs: 30_000,
      intervalMs: 50,
      what: 'a claimed batch with an Odoo call in flight',
    });
    const killed = cms!;
    killed.child.kill('SIGKILL');
    expect(await exitOf(killed.child)).toEqual({ code: null, signal: 'SIGKILL' });

    // the crash left rows claimed, and Odoo holds writes whose answers never came back
    expect(await processingCount()).toBeGreaterThanOrEqual(1);
    const before = await outboxOf(emails);
    expect(before.some((row) => row.status !== 'done')).toBe(true);

    await odoo.slow(0);
    cms = await boot();
    const rows = await expectDeliveredExactlyOnce(emails);
    expect(rows.some((row) => row.attempts >= 2)).toBe(true); // some were delivered again after the crash
  }, 180_000);

  it('(b) database connections dropped: the CMS recovers without a restart', async () => {
    const [{ terminated }] = await sql<{ terminated: number }>(
      `select count(*)::int as terminated from (select pg_terminate_backend(pid) from pg_stat_activity
       where datname = current_database() and pid <> pg_backend_pid() and application_name <> $1) t`,
      [TEST_APP],
    );
    expect(terminated).toBeGreaterThan(0); // the CMS's pool had connections, now gone
    expect((await fetch(`${cms!.url}/_health`)).status).toBe(204);
    const email = uniqueEmail('db-dropped');
    const answer = await submit(submission({ email }));
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(await sql(`select email from leads_contacts where email = $1`, [email])).toHaveLength(1);
    // and the outbox worker polls again on fresh connections
    await expectDeliveredExactlyOnce([email], 30_000);
  });

  it('(d) SendGrid and Odoo down for a long stretch: the backlog grows, shows in the admin stats, and drains exactly once', async () => {
    await fetch(`${sendgrid.url}/__fake/fail`, {
      method: 'POST',
      body: JSON.stringify({ status: 503, times: 1_000_000 }),
    });
    await odoo.down();
    const stats0 = await adminApi('/leads/outbox/stats');
    const firstWave = await submitLeads(2, 'outage-1');
    // a long stretch: every email of the first wave has failed several times, Odoo has failed too
    await eventually(
      async () => {
        const rows = await outboxOf(firstWave);
        const emails = rows.filter((row) => row.topic === 'email.send');
        const syncs = rows.filter((row) => row.topic === 'odoo.upsert-lead');
        return (
          emails.every((row) => row.status === 'pending' && row.attempts >= 3 && row.last_error) &&
          syncs.every((row) => row.status === 'pending' && row.last_error)
        );
      },
      { timeoutMs: 45_000, intervalMs: 250, what: 'repeated failures of the first wave' },
    );
    const stats1 = await adminApi('/leads/outbox/stats');
    const secondWave = await submitLeads(2, 'outage-2');
    await eventually(async () => (await outboxOf(secondWave)).every((row) => row.last_error), {
      timeoutMs: 30_000,
      what: 'failures of the second wave',
    });
    const stats2 = await adminApi('/leads/outbox/stats');

    const pending = (stats: any, topic: string) =>
      (stats.byTopic[topic]?.pending ?? 0) + (stats.byTopic[topic]?.processing ?? 0);
    for (const topic of ['email.send', 'odoo.upsert-lead']) {
      expect(pending(stats1, topic), topic).toBeGreaterThan(pending(stats0, topic));
      expect(pending(stats2, topic), topic).toBeGreaterThan(pending(stats1, topic));
    }
    expect(pending(stats2, 'email.send') - pending(stats0, 'email.send')).toBeGreaterThanOrEqual(8);
    expect(pending(stats2, 'odoo.upsert-lead') - pending(stats0, 'odoo.upsert-lead')).toBe(4);
    expect(stats2.byStatus.dead).toBe(0);
    const messagesBefore = (await sentMessages()).length;

    await fetch(`${sendgrid.url}/__fake/fail`, { method: 'DELETE' });
    await odoo.up();
    const rows = await expectDeliveredExactlyOnce([...firstWave, ...secondWave]);
    expect(rows.filter((row) => row.topic === 'email.send').every((row) => row.attempts >= 2)).toBe(true);
    expect((await sentMessages()).length - messagesBefore).toBe(
      rows.filter((row) => row.topic === 'email.send').length,
    );
    const drained = await adminApi('/leads/outbox/stats');
    expect(drained.byStatus.pending + drained.byStatus.processing).toBe(0);
    expect(drained.byStatus.dead).toBe(0);
  }, 150_000);

  it('(c) SIGTERM: the request in flight completes, new connections are refused, claimed rows are finished or released, exit code 0', async () => {
    // one lead per Odoo call, so the worker holds claimed Odoo rows it has not started (a batch of
    // ODOO_BATCH_SIZE leads would be one call, all of it in flight)
    await cms!.stop();
    cms = await boot({ ODOO_BATCH_SIZE: '1' });
    // each Odoo call takes 2 s: the signal reaches the worker while the call in flight runs, even on
    // a busy machine, so the claimed rows behind it are still unstarted
    await odoo.slow(2000);
    const emails = await submitLeads(4, 'sigterm');

    // a request in flight: headers and half the body sent, the rest only after the signal
    const lateEmail = uniqueEmail('in-flight');
    const body = Buffer.from(JSON.stringify(submission({ email: lateEmail })));
    let sendRest!: () => void;
    const inFlight = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(
        `${cms!.url}/api/leads/submissions`,
        {
          method: 'POST',
          agent: false,
          headers: { 'Content-Type': 'application/json', 'Content-Length': body.length, 'X-Forwarded-For': clientIp() },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
          );
        },
      );
      request.on('error', reject);
      request.write(body.subarray(0, 20));
      sendRest = () => request.end(body.subarray(20));
    });

    await eventually(async () => (await processingCount()) >= 2 && (await odooCallInFlight()), {
      timeoutMs: 30_000,
      intervalMs: 50,
      what: 'a claimed batch with an Odoo call in flight',
    });
    const claimed = (await sql<{ id: number }>(`select id from leads_outbox where status = 'processing'`)).map(
      (row) => row.id,
    );
    const terminating = cms!;
    const exit = exitOf(terminating.child);
    terminating.child.kill('SIGTERM');

    // the listener closes: a new connection is refused while the process still runs
    await eventually(async () => !(await canConnect('127.0.0.1', terminating.port, 500)), {
      timeoutMs: 10_000,
      intervalMs: 50,
      what: 'new connections to be refused',
    });
    expect(terminating.child.exitCode).toBeNull();

    sendRest();
    const answer = await inFlight;
    expect(answer.status, answer.body).toBe(201);
    expect(await exit).toEqual({ code: 0, signal: null });
    cms = null;

    // the in-flight request's rows were written; nothing is left claimed
    expect(await sql(`select email from leads_contacts where email = $1`, [lateEmail])).toHaveLength(1);
    expect(await processingCount()).toBe(0);
    const after = await sql<{ id: number; status: string; attempts: number; locked_by: string | null }>(
      `select id, status, attempts, locked_by from leads_outbox where id = any($1) order by id`,
      [claimed],
    );
    // released rows have no owner; a done row names the instance that delivered it (ADR 0025)
    expect(
      after.every(
        (row) =>
          (row.status === 'done' && row.locked_by !== null) || (row.status === 'pending' && row.locked_by === null),
      ),
    ).toBe(true);
    // the rows the worker had claimed but not started went back without using an attempt
    const released = after.filter((row) => row.status === 'pending');
    expect(released.length).toBeGreaterThanOrEqual(1);
    expect(released.every((row) => row.attempts === 0)).toBe(true);
    await odoo.slow(0);
    void emails;
  }, 120_000);

  it('(e) SIGTERM while Odoo hangs: at SHUTDOWN_TIMEOUT_MS the claimed rows go back to pending and the process exits 0', async () => {
    cms = await boot({ SHUTDOWN_TIMEOUT_MS: '1500', ODOO_TIMEOUT_MS: '120000' });
    await odoo.slow(600_000);
    await submitLeads(3, 'hanging');
    // one Odoo delivery at a time (ADR 0025): its row is claimed and its call hangs
    await eventually(async () => (await processingCount()) >= 1 && (await odooCallInFlight()), {
      timeoutMs: 30_000,
      intervalMs: 50,
      what: 'a claimed row with an Odoo call hanging',
    });
    const claimed = (await sql<{ id: number }>(`select id from leads_outbox where status = 'processing'`)).map(
      (row) => row.id,
    );
    const terminating = cms;
    const exit = exitOf(terminating.child);
    terminating.child.kill('SIGTERM');
    expect(await exit).toEqual({ code: 0, signal: null });
    cms = null;

    // the delivery in progress was given up, not waited for: every claimed row, the hanging Odoo
    // ones included, is pending again with its attempt returned, for the next start or another
    // instance; emails claimed with them may have gone out meanwhile (they deliver in parallel, ADR 0025)
    const after = await sql<{ topic: string; status: string; attempts: number; locked_by: string | null }>(
      `select topic, status, attempts, locked_by from leads_outbox where id = any($1)`,
      [claimed],
    );
    expect(after).toHaveLength(claimed.length);
    expect(after.filter((row) => row.topic === 'odoo.upsert-lead').length).toBeGreaterThanOrEqual(1);
    for (const row of after) {
      if (row.topic === 'email.send' && row.status === 'done') continue;
      expect(row).toMatchObject({ status: 'pending', attempts: 0, locked_by: null });
    }
    expect(fs.readFileSync(terminating.logFile, 'utf8')).toMatch(/released \d+ claimed row\(s\) to pending/);
    await odoo.slow(0);
  }, 120_000);
});
