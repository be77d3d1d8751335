/**
 * Two CMS instances on one PostgreSQL and Redis (docs/adr/0025, docs/operations.md): the shared
 * test CMS (A) and a second process (B) started here with A's whole environment on another port.
 * - a publish on A is seen by B within 1 s (B's public response cache is dropped by A's NOTIFY);
 * - 200 submissions spread over both: 200 contacts, every email once at the SendGrid fake;
 * - 30 concurrent bookings of one slot across both: one booking;
 * - a cron job due once per tick runs once per tick across both.
 */
import crypto from 'node:crypto';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestCms, type CmsProcess } from '../helpers/cms-process';
import { api, clientIp } from '../helpers/http';
import { contentManager, superAdminToken, uniqueSlug } from '../helpers/content';
import { createBookingHost, createMeetingType } from '../helpers/booking';
import { count, rows } from '../helpers/db';
import { submission, uniqueEmail } from '../helpers/leads';
import { eventually } from '../helpers/wait';
import { fakeSendGrid } from '../fakes/sendgrid-client';

let b: CmsProcess;
const a = () => inject('cmsUrl');

/** A request to one of the two instances, from an address of its own (rate limits). */
const call = (base: string, path: string, init: { method?: string; json?: unknown } = {}) =>
  api(path, { ...init, baseUrl: base, ip: clientIp() });

/** The cron counters of one instance's /metrics: ticks run and skipped, by job. */
async function cronRuns(base: string, job: string) {
  const response = await fetch(`${base}/metrics`, { headers: { Authorization: `Bearer ${inject('metricsToken')}` } });
  const text = await response.text();
  const value = (outcome: string) =>
    Number(
      text.match(new RegExp(`^magnetiq_cron_runs_total\\{job="${job}",outcome="${outcome}"\\} (\\d+)`, 'm'))?.[1] ?? 0,
    );
  return { ran: value('ran'), skipped: value('skipped') };
}

beforeAll(async () => {
  b = await startTestCms('scale-out-b', { ...inject('cmsEnv'), SEED_DEMO_CONTENT: 'false' });
}, 180_000);

afterAll(async () => {
  await b?.stop();
}, 60_000);

describe('two CMS instances on one database', () => {
  it('a publish on A is seen by B within 1 s (B drops its cached answer)', async () => {
    const slug = uniqueSlug('scale-out');
    const url = `/api/articles?filters[slug][$eq]=${slug}&locale=en`;
    // B caches the empty answer
    expect((await call(b.url, url)).headers.get('x-content-cache')).toBe('MISS');
    const cached = await call(b.url, url);
    expect(cached.headers.get('x-content-cache')).toBe('HIT');
    expect(cached.body.data).toEqual([]);

    const editor = contentManager(await superAdminToken());
    const created = await editor.create('api::article.article', {
      title: `Scale out ${slug}`,
      slug,
      excerpt: 'Seen everywhere',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const published = await editor.publish('api::article.article', created.body.data.documentId);
    expect(published.status).toBe(200);
    const seen = await eventually(
      async () => {
        const answer = await call(b.url, url);
        return answer.body.data.length === 1 && answer;
      },
      { timeoutMs: 1000, intervalMs: 50, what: 'B to show the article published on A' },
    );
    expect(seen.body.data[0].slug).toBe(slug);
  });

  it('200 submissions spread over both: 200 contacts, every email sent once', async () => {
    const emails = Array.from({ length: 200 }, () => uniqueEmail('scale'));
    const answers = await Promise.all(
      emails.map((email, index) =>
        call(index % 2 ? a() : b.url, '/api/leads/submissions', { method: 'POST', json: submission({ email }) }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(emails.map(() => 201));
    expect(await count(`select count(*) from leads_contacts where email = any($1)`, [emails])).toBe(200);

    const deliveries = await eventually(
      async () => {
        const found = await rows<{ idempotency_key: string; status: string; locked_by: string | null }>(
          `select o.idempotency_key, o.status, o.locked_by from leads_outbox o join leads_contacts c on c.id = o.contact_id where c.email = any($1) and o.topic = 'email.send'`,
          [emails],
        );
        return found.length > 0 && found.every((row) => row.status === 'done') && found;
      },
      { timeoutMs: 30_000, intervalMs: 250, what: 'every email of the 200 leads to be delivered' },
    );
    const sent = await fakeSendGrid.messages();
    const byKey = new Map<string, number>();
    for (const message of sent) {
      const key = message.body.custom_args?.idempotency_key as string | undefined;
      if (key) byKey.set(key, (byKey.get(key) ?? 0) + 1);
    }
    const keys = deliveries.map((row) => row.idempotency_key);
    // one receipt or notification per row, none twice
    expect(keys.filter((key) => byKey.get(key) !== 1)).toEqual([]);
    expect(keys.length).toBeGreaterThanOrEqual(200);
    // both instances delivered
    expect(new Set(deliveries.map((row) => row.locked_by?.split(':').slice(0, 2).join(':'))).size).toBe(2);
  }, 90_000);

  it('30 concurrent bookings of one slot across both give one booking', async () => {
    const token = await superAdminToken();
    const suffix = crypto.randomBytes(3).toString('hex');
    const zone = 'Europe/Berlin';
    const week = Object.fromEntries(
      ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [{ start: '09:00', end: '17:00' }]]),
    );
    const host = { slug: `scale-${suffix}`, name: 'Scale Host', email: `scale-${suffix}@magnetiq.test` };
    await createBookingHost(token, host, { timeZone: zone, weeklyHours: week });
    const type = `scale-call-${suffix}`;
    await createMeetingType(token, {
      title: `Scale ${suffix}`,
      slug: type,
      description: 'One slot, many visitors.',
      hosts: [host.slug],
    });
    const start = DateTime.now()
      .setZone(zone)
      .plus({ days: 4 })
      .set({ hour: 11, minute: 0, second: 0, millisecond: 0 })
      .toUTC()
      .toISO({ suppressMilliseconds: false })!;
    const body = (index: number) => ({
      type,
      start,
      timeZone: zone,
      locale: 'en',
      email: uniqueEmail(`scale-booker-${index}`),
      firstName: 'Ada',
      lastName: 'Lovelace',
      answers: { goal: 'A better pipeline' },
      consent: { dataProcessing: true, textVersion: 'booking-2026-12' },
    });
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        call(index % 2 ? a() : b.url, '/api/booking/bookings', { method: 'POST', json: body(index) }),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(
      statuses.filter((status) => status === 201),
      JSON.stringify(answers.find((answer) => answer.status !== 201 && answer.status !== 409)?.body),
    ).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(29);
    expect(
      await count(
        `select count(*) from booking_bookings where host_slug = $1 and starts_at = $2 and status = 'confirmed'`,
        [host.slug, start],
      ),
    ).toBe(1);
  }, 60_000);

  it('a cron job due every 2 s runs once per tick across both instances', async () => {
    const job = 'leadsDeliveryRetention';
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    // the ticks come at even seconds: read both counters half-way between two ticks
    await sleep((1000 - (Date.now() % 2000) + 2000) % 2000);
    const before = await Promise.all([cronRuns(a(), job), cronRuns(b.url, job)]);
    const since = async () => {
      const after = await Promise.all([cronRuns(a(), job), cronRuns(b.url, job)]);
      return {
        ran: after[0].ran + after[1].ran - before[0].ran - before[1].ran,
        skipped: after[0].skipped + after[1].skipped - before[0].skipped - before[1].skipped,
      };
    };
    await sleep(6000);
    // about three ticks in 6 s (a tick delayed by a busy machine may fall on either side of a read)
    const { ran } = await since();
    expect(ran).toBeGreaterThanOrEqual(2);
    expect(ran).toBeLessThanOrEqual(4);
    // each ran on one instance only, and the other instance skipped it: compared once both
    // instances are done with the tick under way (on a busy machine one may still be at it)
    await eventually(
      async () => {
        const counts = await since();
        return Math.abs(counts.skipped - counts.ran) <= 1;
      },
      { timeoutMs: 3000, intervalMs: 100, what: 'each tick run on one instance and skipped on the other' },
    );
    const ticks = await rows<{ fire_date: Date; runs: string }>(
      `select fire_date, count(*) as runs from magnetiq_job_runs where job = $1 group by fire_date having count(*) > 1`,
      [job],
    );
    expect(ticks).toEqual([]);
  }, 30_000);
});
