/**
 * GDPR erase that really erases (issue 17, item 5). One person uses every feature — contact form
 * with a message, whitepaper request and download, webinar registration, a booking with answers
 * and a Google event — and Odoo holds their partner and leads. After the erase through the admin
 * API and the outbox has drained, a plain `pg_dump` of the whole test database holds neither their
 * address, nor their name, phone, message or answers, and neither does the fake Odoo nor the fake
 * Google Calendar. Also: finished deliveries and the email log are purged after the retention
 * period, pending and dead ones are kept.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ROOT } from '../../scripts/lib/paths.mjs';
import { calendarEventIdFor } from '../../plugins/booking/server/src/domain/calendar-event';
import { adminToken, api, clientIp } from '../helpers/http';
import { superAdminToken } from '../helpers/content';
import { count, rows } from '../helpers/db';
import { eventually } from '../helpers/wait';
import { createBookingHost, createMeetingType } from '../helpers/booking';
import { submission } from '../helpers/leads';
import { fakeSendGrid } from '../fakes/sendgrid-client';
import { fakeOdoo } from '../fakes/odoo-client';
import { fakeGoogle } from '../fakes/google-calendar-client';

const suffix = crypto.randomBytes(4).toString('hex');
/** letters only: names must not be digits, and a random word appears nowhere else */
const letters = suffix.replace(/[0-9]/g, (digit) => 'ghijklmnop'[Number(digit)]);
const person = {
  email: `erase-everything-${suffix}@example.com`,
  firstName: `Zoraida${letters}`,
  lastName: `Quillfeather${letters}`,
  phone: `+49 30 ${crypto.randomInt(1_000_000, 9_999_999)}`,
  message: `Secret merger plans ${letters}`,
  answer: `Budget codename ${letters}`,
  company: `Erasure Works ${letters}`,
};
/** what must not be anywhere after the erase (compared in lower case) */
const traces = () => [person.email, person.firstName, person.lastName, person.phone, person.message, person.answer];

const ZONE = 'Europe/Berlin';
const WEEK = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [{ start: '09:00', end: '17:00' }]]),
);
const host = { slug: `eraser-host-${suffix}`, name: 'Hannah Host', email: `host-${suffix}@magnetiq.test` };
const typeSlug = `erase-call-${suffix}`;
const PDF = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'whitepaper.pdf'));

let token: string;
const asAdmin = (init: RequestInit & { json?: unknown } = {}) => ({
  ...init,
  ip: clientIp(),
  headers: { Authorization: `Bearer ${token}`, ...(init.headers ?? {}) },
});

const textOf = (message: { body: any }) =>
  message.body.content.find((part: any) => part.type === 'text/plain').value as string;
async function emailTo(address: string, template: string) {
  const sent = await eventually(
    async () => {
      const found = (await fakeSendGrid.to(address)).filter(
        (message) => message.body.custom_args?.template === template,
      );
      return found.length > 0 && found;
    },
    { what: `${template} email to ${address}`, timeoutMs: 30_000 },
  );
  return sent[0];
}

/** The whole test database as SQL text, from the pg_dump that matches the server (as scripts/backup.sh picks it). */
function dumpDatabase(): Promise<string> {
  const script = `. "${ROOT}/scripts/lib/database-url.sh"; magnetiq_database_url; magnetiq_check_client_version pg_dump >/dev/null; exec "\${PG_BIN}pg_dump" --format=plain --no-owner --dbname "$DB_URL"`;
  return new Promise((resolve, reject) => {
    execFile(
      'bash',
      ['-c', script],
      { env: { ...process.env, DATABASE_URL: inject('databaseUrl') }, maxBuffer: 512 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`pg_dump failed: ${stderr}`));
        else resolve(stdout);
      },
    );
  });
}

const found = (haystack: string) => traces().filter((trace) => haystack.toLowerCase().includes(trace.toLowerCase()));

const openDeliveries = (where: string, params: unknown[]) =>
  count(`select count(*) from leads_outbox where status in ('pending', 'processing') and (${where})`, params);

describe('erase of a contact who used every feature', () => {
  let contactDocumentId: string;
  let bookingId: string;
  let eventId: string;

  beforeAll(async () => {
    await fakeOdoo.clear();
    await fakeGoogle.clearFailures();
    await fakeGoogle.down(false);
    token = await adminToken();
    const cmToken = await superAdminToken();

    // a host with a Google calendar and a meeting type with a question
    await createBookingHost(cmToken, host, { timeZone: ZONE, weeklyHours: WEEK }, 'Helps.');
    await createMeetingType(cmToken, {
      title: `Erase call ${suffix}`,
      slug: typeSlug,
      description: 'Thirty minutes.',
      hosts: [host.slug],
    });

    // a webinar session and a gated whitepaper
    const webinar = await api(
      '/webinars/webinars',
      asAdmin({
        method: 'POST',
        json: {
          title: `Erase webinar ${suffix}`,
          slug: `erase-webinar-${suffix}`,
          summary: 'Forgetting, done right.',
          topics: ['gdpr'],
          publish: true,
        },
      }),
    );
    expect(webinar.status, JSON.stringify(webinar.body)).toBe(201);
    const startsAt = new Date(Date.now() + 10 * 24 * 3600_000);
    const session = await api(
      `/webinars/webinars/${webinar.body.data.documentId}/sessions`,
      asAdmin({
        method: 'POST',
        json: {
          timeZone: ZONE,
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
          capacity: 10,
          joinUrl: 'https://meet.example.test/erase',
        },
      }),
    );
    expect(session.status, JSON.stringify(session.body)).toBe(201);
    const paper = await api(
      '/whitepapers/papers',
      asAdmin({
        method: 'POST',
        json: {
          title: `Erase paper ${suffix}`,
          slug: `erase-paper-${suffix}`,
          summary: 'On forgetting.',
          pageCount: 3,
          topics: ['gdpr'],
          publish: true,
        },
      }),
    );
    expect(paper.status, JSON.stringify(paper.body)).toBe(201);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), 'erase.pdf');
    expect(
      (await api(`/whitepapers/papers/${paper.body.data.documentId}/file`, asAdmin({ method: 'POST', body: form })))
        .status,
    ).toBe(200);

    const identity = {
      email: person.email,
      firstName: person.firstName,
      lastName: person.lastName,
      company: person.company,
    };
    const consent = (textVersion: string) => ({ dataProcessing: true, marketingEmail: true, textVersion });

    // 1. contact form with a message (sales notification, receipt, double opt-in)
    const contactForm = await api('/api/leads/submissions', {
      method: 'POST',
      ip: clientIp(),
      json: submission({
        ...identity,
        phone: person.phone,
        message: person.message,
        consent: consent('contact-2026-12'),
      }),
    });
    expect(contactForm.status, JSON.stringify(contactForm.body)).toBe(201);

    // 2. whitepaper request, and the download through the emailed link
    const request = await api('/api/whitepapers/requests', {
      method: 'POST',
      ip: clientIp(),
      json: {
        whitepaper: paper.body.data.documentId,
        locale: 'en',
        ...identity,
        consent: consent('whitepaper-2026-12'),
      },
    });
    expect(request.status, JSON.stringify(request.body)).toBe(201);
    const link = textOf(await emailTo(person.email, 'whitepaper-download')).match(
      /https?:\/\/[^\s"<>]+\/api\/whitepapers\/download\/[A-Za-z0-9_\-.%]+/,
    )![0];
    const download = await fetch(link, { headers: { 'X-Forwarded-For': clientIp() } });
    expect(download.status).toBe(200);
    await download.arrayBuffer();

    // 3. webinar registration
    const registration = await api('/api/webinars/registrations', {
      method: 'POST',
      ip: clientIp(),
      json: {
        session: session.body.data.documentId,
        locale: 'en',
        ...identity,
        consent: consent('webinar-2026-12'),
        answers: { role: person.answer },
      },
    });
    expect(registration.status, JSON.stringify(registration.body)).toBe(201);

    // 4. a booking with an answer, three days ahead, and its Google event
    const start = DateTime.now()
      .setZone(ZONE)
      .plus({ days: 3 })
      .set({ hour: 11, minute: 0, second: 0, millisecond: 0 })
      .toUTC()
      .toISO({ suppressMilliseconds: false })!;
    const booked = await api('/api/booking/bookings', {
      method: 'POST',
      ip: clientIp(),
      json: {
        type: typeSlug,
        start,
        timeZone: ZONE,
        locale: 'en',
        ...identity,
        phone: person.phone,
        answers: { goal: person.answer },
        consent: consent('booking-2026-12'),
      },
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    bookingId = booked.body.data.id;
    eventId = calendarEventIdFor(bookingId);
    const event = await eventually(async () => (await fakeGoogle.event(eventId)) ?? null, {
      timeoutMs: 30_000,
      what: `Google event ${eventId}`,
    });
    expect(JSON.stringify(event)).toContain(person.email);

    // 5. everything delivered: Odoo holds the partner and a lead per activity, the host got the booking email
    const [contact] = await rows(`select id, document_id from leads_contacts where email = $1`, [person.email]);
    contactDocumentId = contact.document_id;
    await eventually(
      async () => (await openDeliveries(`contact_id = $1 and topic <> 'booking.reminder'`, [contact.id])) === 0,
      { timeoutMs: 60_000, what: 'the outbox to drain' },
    );
    await emailTo(host.email, 'booking-host-new');
    const partners = (await fakeOdoo.records('res.partner')).filter((partner) => partner.email === person.email);
    expect(partners).toHaveLength(1);
    expect(
      (await fakeOdoo.records('crm.lead')).filter((lead) => lead.email_from === person.email).length,
    ).toBeGreaterThanOrEqual(4);

    // before the erase, the database does hold every trace (the check below would see them)
    expect(found(await dumpDatabase())).toEqual(traces());
  }, 180_000);

  it('leaves no trace of the person in the database, in Odoo or in Google Calendar', async () => {
    const erased = await api(`/leads/contacts/${contactDocumentId}/erase`, asAdmin({ method: 'POST' }));
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);

    // the future booking is cancelled and its slot free; the host is told without the person's name
    const [booking] = await rows(
      `select status, cancelled_by, answers, token_hash from booking_bookings where document_id = $1`,
      [bookingId],
    );
    expect(booking).toMatchObject({ status: 'cancelled', cancelled_by: 'erase', answers: {}, token_hash: null });
    const hostCancel = await emailTo(host.email, 'booking-cancelled');
    expect(found(JSON.stringify(hostCancel.body))).toEqual([]);

    // the erase reaches Google and Odoo through the outbox
    await eventually(
      async () =>
        (await openDeliveries(`idempotency_key in ($1, $2)`, [
          `calendar:erase:${bookingId}`,
          `odoo:erase:${contactDocumentId}`,
        ])) === 0 &&
        (await count(`select count(*) from leads_outbox where idempotency_key in ($1, $2) and status = 'done'`, [
          `calendar:erase:${bookingId}`,
          `odoo:erase:${contactDocumentId}`,
        ])) === 2,
      {
        timeoutMs: 60_000,
        what: 'the calendar and Odoo erase deliveries',
      },
    );
    const event = await fakeGoogle.event(eventId);
    expect(event?.status).toBe('cancelled');
    expect(found(JSON.stringify(await fakeGoogle.state()))).toEqual([]);

    const odooRows = [...(await fakeOdoo.records('res.partner')), ...(await fakeOdoo.records('crm.lead'))];
    expect(found(JSON.stringify(odooRows))).toEqual([]);
    const ours = (await fakeOdoo.records('res.partner')).filter(
      (partner) => partner.ref === `magnetiq:${contactDocumentId}`,
    );
    expect(ours).toHaveLength(1);
    expect(ours[0]).toMatchObject({ name: 'Erased contact', email: false, active: false });

    // and the database, every table of it
    const leftovers = found(await dumpDatabase());
    expect(leftovers).toEqual([]);
  }, 120_000);
});

describe('erase by address', () => {
  beforeAll(async () => {
    token ||= await adminToken();
  });

  it('leaves the deliveries and email log of an address that merely contains the erased one alone', async () => {
    const tag = crypto.randomBytes(4).toString('hex');
    const erasedAddress = `ann-${tag}@example.com`;
    const neighbour = `joann-${tag}@example.com`;
    for (const email of [erasedAddress, neighbour]) {
      const response = await api('/api/leads/submissions', {
        method: 'POST',
        ip: clientIp(),
        json: submission({ email, message: `About ${email}` }),
      });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
    }
    const contacts = await rows(`select id, document_id, email from leads_contacts where email = any($1)`, [
      [erasedAddress, neighbour],
    ]);
    const idOf = (email: string) => contacts.find((contact) => contact.email === email)!;
    await eventually(
      async () => (await openDeliveries('contact_id = any($1)', [contacts.map((contact) => contact.id)])) === 0,
      { timeoutMs: 30_000, what: 'both submissions delivered' },
    );
    const neighbourRows = () =>
      rows(`select idempotency_key, payload::text as payload from leads_outbox where contact_id = $1 order by id`, [
        idOf(neighbour).id,
      ]);
    const neighbourLog = () =>
      rows(
        `select e.subject, e.text from leads_emails e join leads_outbox o on o.idempotency_key = e.idempotency_key where o.contact_id = $1 order by e.id`,
        [idOf(neighbour).id],
      );
    const before = { outbox: await neighbourRows(), log: await neighbourLog() };
    expect(before.log.some((row) => String(row.text).includes(neighbour))).toBe(true);

    const erased = await api(`/leads/contacts/${idOf(erasedAddress).document_id}/erase`, asAdmin({ method: 'POST' }));
    expect(erased.status).toBe(200);

    expect(await neighbourRows()).toEqual(before.outbox);
    expect(await neighbourLog()).toEqual(before.log);
    // the erased person's own deliveries are gone
    expect(
      await count(`select count(*) from leads_outbox where contact_id = $1 and payload::text <> '{"erased": true}'`, [
        idOf(erasedAddress).id,
      ]),
    ).toBe(0);
  });
});

describe('retention of finished deliveries and the email log', () => {
  it('deletes done outbox rows and email-log rows older than DELIVERY_RETENTION_DAYS, keeps recent, pending and dead ones', async () => {
    const stamp = crypto.randomBytes(4).toString('hex');
    const old = new Date(Date.now() - 91 * 24 * 3600_000);
    const recent = new Date(Date.now() - 89 * 24 * 3600_000);
    const outboxRow = (key: string, status: string, at: Date) =>
      rows(
        `insert into leads_outbox (document_id, topic, payload, idempotency_key, status, attempts, next_attempt_at, done_at, created_at, updated_at, published_at)
         values ($1, 'test.retention', '{}'::jsonb, $2, $3, 1, $4, $5, $4, $4, $4)`,
        [
          crypto.randomBytes(12).toString('hex'),
          key,
          status,
          status === 'pending' ? new Date(Date.now() + 365 * 24 * 3600_000) : at,
          status === 'done' ? at : null,
        ],
      );
    await outboxRow(`retention:${stamp}:old-done`, 'done', old);
    await outboxRow(`retention:${stamp}:recent-done`, 'done', recent);
    await outboxRow(`retention:${stamp}:old-dead`, 'dead', old);
    await outboxRow(`retention:${stamp}:old-pending`, 'pending', old);
    const logRow = (key: string, at: Date) =>
      rows(
        `insert into leads_emails (document_id, "to", subject, template, transport, idempotency_key, text, sent_at, created_at, updated_at, published_at)
         values ($1, 'someone@example.com', 'Old news', 'contact-receipt', 'log', $2, 'hello', $3, $3, $3, $3)`,
        [crypto.randomBytes(12).toString('hex'), key, at],
      );
    await logRow(`retention:${stamp}:old-email`, old);
    await logRow(`retention:${stamp}:recent-email`, recent);

    // the test CMS runs the retention job every few seconds (DELIVERY_RETENTION_CRON)
    const keys = async (table: string) =>
      (
        await rows(`select idempotency_key from ${table} where idempotency_key like $1 order by 1`, [
          `retention:${stamp}:%`,
        ])
      ).map((row) => row.idempotency_key.split(':')[2]);
    await eventually(
      async () =>
        !(await keys('leads_outbox')).includes('old-done') && !(await keys('leads_emails')).includes('old-email'),
      { timeoutMs: 20_000, what: 'the retention job' },
    );
    expect(await keys('leads_outbox')).toEqual(['old-dead', 'old-pending', 'recent-done']);
    expect(await keys('leads_emails')).toEqual(['recent-email']);
  });
});
