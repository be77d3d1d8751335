/**
 * Booking and Google Calendar sync against the real CMS on PostgreSQL, the fake Google Calendar
 * (tests/fakes/google-calendar.ts: token exchange, freeBusy, events) and the fake SendGrid:
 * slots leave out Google's busy times, one slot is booked once however many visitors race for
 * it, cancel and reschedule through the signed link move or delete the Google event, and Google's
 * rate limits and outages delay the event but never lose or double it.
 */
import crypto from 'node:crypto';
import { DateTime } from 'luxon';
import { beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { calendarEventIdFor } from '../../plugins/booking/server/src/domain/calendar-event';
import { api, clientIp } from '../helpers/http';
import { auth, superAdminToken } from '../helpers/content';
import { count, rows } from '../helpers/db';
import { eventually } from '../helpers/wait';
import { createBookingHost, createMeetingType } from '../helpers/booking';
import { uniqueEmail } from '../helpers/leads';
import { fakeSendGrid } from '../fakes/sendgrid-client';
import { fakeGoogle } from '../fakes/google-calendar-client';

const suffix = crypto.randomBytes(3).toString('hex');
/** the suffix in letters only, for names (a marker the fake Google can match a request by) */
const nameSuffix = suffix.replace(/[0-9]/g, (digit) => 'ghijklmnop'[Number(digit)]);
const ZONE = 'Europe/Berlin';
const WEEK = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [{ start: '09:00', end: '17:00' }]]),
);
const anna = { slug: `anna-${suffix}`, name: 'Anna Berg', email: `anna-${suffix}@magnetiq.test` };
const ben = { slug: `ben-${suffix}`, name: 'Ben Ode', email: `ben-${suffix}@magnetiq.test` };
const typeSlug = `consultation-${suffix}`;
const soloSlug = `solo-${suffix}`;
let token: string;

/** A Berlin date `days` from today, and an instant on it at HH:mm Berlin time. */
const day = (days: number) => DateTime.now().setZone(ZONE).plus({ days }).toISODate()!;
const at = (days: number, time: string) =>
  DateTime.fromISO(`${day(days)}T${time}`, { zone: ZONE })
    .toUTC()
    .toISO({ suppressMilliseconds: false })!;

const slotsOf = (type: string, from: string, to = from, extra = '') =>
  api(`/api/booking/slots?type=${type}&from=${from}&to=${to}&tz=${encodeURIComponent(ZONE)}${extra}`, {
    ip: clientIp(),
  });
const startsOn = async (type: string, days: number, extra = '') => {
  const response = await slotsOf(type, day(days), day(days), extra);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return (response.body.data[0].slots as Array<{ start: string }>).map((slot) => slot.start);
};

const bookingBody = (overrides: Record<string, unknown> = {}) => ({
  type: soloSlug,
  start: at(3, '10:00'),
  timeZone: 'America/New_York',
  locale: 'en',
  email: uniqueEmail('booker'),
  firstName: 'Ada',
  lastName: 'Lovelace',
  company: 'Engines Ltd',
  answers: { goal: 'A better pipeline' },
  consent: { dataProcessing: true, textVersion: 'booking-2026-12' },
  utm: { source: 'newsletter', medium: 'email', campaign: 'q1' },
  ...overrides,
});
const book = (body: Record<string, unknown>) =>
  api('/api/booking/bookings', { method: 'POST', ip: clientIp(), json: body });

const text = (message: { body: any }) =>
  message.body.content.find((part: any) => part.type === 'text/plain').value as string;
const attachment = (message: { body: any }) =>
  Buffer.from(message.body.attachments[0].content, 'base64').toString('utf8');

/** The visitor's email of `template` and the manage token in it. */
async function emailTo(address: string, template: string, nth = 1) {
  const messages = await eventually(
    async () => {
      const sent = (await fakeSendGrid.to(address)).filter(
        (message) => message.body.custom_args?.template === template,
      );
      return sent.length >= nth && sent;
    },
    { what: `${template} email to ${address}` },
  );
  return messages[nth - 1];
}
const tokenIn = (message: { body: any }) => {
  const match = text(message).match(/[?&]token=([A-Za-z0-9_\-.%]+)/);
  if (!match) throw new Error(`no manage link in ${text(message)}`);
  return decodeURIComponent(match[1]);
};

const eventCreated = (eventId: string) =>
  eventually(async () => (await fakeGoogle.event(eventId)) ?? null, {
    timeoutMs: 20_000,
    what: `Google event ${eventId}`,
  });

const createHost = (host: { slug: string; name: string; email: string }) =>
  createBookingHost(token, host, { timeZone: ZONE, weeklyHours: WEEK });

async function createType(slug: string, hosts: string[], extra: Record<string, unknown> = {}) {
  await createMeetingType(token, {
    title: `Consultation ${suffix}`,
    slug,
    description: 'Thirty minutes about your lead pipeline.',
    hosts,
    ...extra,
  });
}

beforeAll(async () => {
  await fakeGoogle.reset();
  token = await superAdminToken();
  await createHost(anna);
  await createHost(ben);
  await createType(typeSlug, [anna.slug, ben.slug]);
  await createType(soloSlug, [anna.slug]);
});

beforeEach(async () => {
  await fakeGoogle.clearFailures();
  await fakeGoogle.down(false);
  await fakeGoogle.freeBusyDelay(0);
  await fakeSendGrid.clearFailures();
});

describe('booking: public catalog', () => {
  it('lists meeting types with their hosts from an allow-list: no host email, no calendar id', async () => {
    const response = await api(`/api/booking/meeting-types/${typeSlug}?locale=en`, { ip: clientIp() });
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({
      slug: typeSlug,
      durationMinutes: 30,
      location: 'video',
      questions: [{ id: 'goal', required: true }],
    });
    expect(response.body.data.hosts.map((host: any) => host.slug)).toEqual([anna.slug, ben.slug]);
    expect(JSON.stringify(response.body)).not.toContain('@magnetiq.test');
    const list = await api('/api/booking/meeting-types?locale=de', { ip: clientIp() });
    expect(list.body.data.map((type: any) => type.slug)).toContain(typeSlug);
    expect((await api('/api/booking/meeting-types/no-such-type', { ip: clientIp() })).status).toBe(404);
  });

  it('has the seeded demo: a discovery call with two hosts, in English and German', async () => {
    const de = await api('/api/booking/meeting-types/discovery-call?locale=de', { ip: clientIp() });
    expect(de.status).toBe(200);
    expect(de.body.data).toMatchObject({
      title: 'Erstgespräch',
      durationMinutes: 30,
      questions: [{ id: 'goal', label: 'Was möchten Sie erreichen?' }],
    });
    expect(de.body.data.hosts.map((host: any) => [host.slug, host.timeZone])).toEqual([
      ['mara-vogel', 'Europe/Berlin'],
      ['daniel-reyes', 'America/New_York'],
    ]);
    expect(de.body.data.hosts[0].bio).toContain('Erstgespräche');
    expect(de.body.data.hosts[0].photo.url).toMatch(/^\/uploads\//);
    const slots = await api(`/api/booking/slots?type=discovery-call&from=${day(1)}&to=${day(14)}&tz=Europe/Berlin`, {
      ip: clientIp(),
    });
    expect(slots.status).toBe(200);
    expect(slots.body.data.flatMap((entry: any) => entry.slots).length).toBeGreaterThan(0);
  });

  it.each([
    ['a zone that does not exist', `type=${typeSlug}&from=${day(1)}&to=${day(2)}&tz=Mars/Olympus`, 'tz'],
    ['an offset instead of a zone', `type=${typeSlug}&from=${day(1)}&to=${day(2)}&tz=%2B02:00`, 'tz'],
    ['a range longer than allowed', `type=${typeSlug}&from=${day(1)}&to=${day(80)}&tz=UTC`, 'to'],
    ['to before from', `type=${typeSlug}&from=${day(3)}&to=${day(1)}&tz=UTC`, 'to'],
    ['a date that is not one', `type=${typeSlug}&from=2026-02-30&to=${day(1)}&tz=UTC`, 'from'],
  ])('refuses slots for %s with a 400 naming the field', async (_name, query, field) => {
    const response = await api(`/api/booking/slots?${query}`, { ip: clientIp() });
    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('ValidationError');
    expect(response.body.error.details.errors[0].path).toEqual([field]);
  });
});

describe('booking: slots and Google busy times', () => {
  it('leaves out what Google marks busy, and says the busy times are live', async () => {
    await fakeGoogle.busy(anna.email, [{ start: at(4, '10:00'), end: at(4, '11:00') }]);
    const response = await eventually(
      async () => {
        const answer = await slotsOf(soloSlug, day(4));
        return !answer.body.data[0].slots.some((slot: any) => slot.start === at(4, '10:00')) && answer;
      },
      { what: 'the busy hour to disappear' },
    );
    const starts = response.body.data[0].slots.map((slot: any) => slot.start);
    expect(starts).not.toContain(at(4, '10:30'));
    expect(starts).toContain(at(4, '09:30'));
    expect(starts).toContain(at(4, '11:00'));
    expect(response.body.data[0].slots[0]).toMatchObject({ hosts: [anna.slug] });
    expect(response.body.meta.busy.source).toMatch(/live|cache/);
    // Berlin 09:00 shown to a visitor in New York
    const newYork = await api(`/api/booking/slots?type=${soloSlug}&from=${day(4)}&to=${day(4)}&tz=America/New_York`, {
      ip: clientIp(),
    });
    expect(newYork.body.data[0].slots[0].time).toBe(
      DateTime.fromISO(at(4, '09:00')).setZone('America/New_York').toFormat('HH:mm'),
    );
  });

  it('does not wait for a slow Google: it answers from the cache and says so in meta', async () => {
    await slotsOf(soloSlug, day(4));
    await fakeGoogle.freeBusyDelay(3000);
    const response = await eventually(
      async () => {
        const answer = await slotsOf(soloSlug, day(4));
        return answer.body.meta.busy.stale === true && answer;
      },
      { what: 'a stale answer' },
    );
    expect(response.status).toBe(200);
    expect(response.body.meta.busy.source).toBe('cache');
    // the cached busy hour still blocks
    expect(response.body.data[0].slots.map((slot: any) => slot.start)).not.toContain(at(4, '10:00'));
  });
});

describe('booking: booking a slot', () => {
  it('confirms the booking with the lead in the leads core, emails with ICS to visitor and host, and the Google event', async () => {
    const body = bookingBody({ start: at(3, '10:00') });
    const response = await book(body);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const booking = response.body.data;
    expect(booking).toMatchObject({
      status: 'confirmed',
      start: at(3, '10:00'),
      timeZone: 'America/New_York',
      host: { slug: anna.slug, name: anna.name },
      meetingType: { slug: soloSlug },
    });
    expect(JSON.stringify(response.body)).not.toContain('tokenHash');

    const [row] = await rows(`select * from booking_bookings where document_id = $1`, [booking.id]);
    expect(row).toMatchObject({
      status: 'confirmed',
      host_slug: anna.slug,
      utm_source: 'newsletter',
      calendar_event_id: calendarEventIdFor(booking.id),
    });
    expect(await count(`select count(*) from leads_contacts where email = $1`, [body.email])).toBe(1);
    expect(
      await count(
        `select count(*) from leads_activities a join leads_activities_contact_lnk l on l.activity_id = a.id join leads_contacts c on c.id = l.contact_id where c.email = $1 and a.type = 'booking' and a.reference = $2`,
        [body.email, booking.id],
      ),
    ).toBe(1);
    expect(
      await count(
        `select count(*) from leads_outbox where topic = 'odoo.upsert-lead' and payload->>'type' = 'booking' and payload->>'reference' = $1`,
        [booking.id],
      ),
    ).toBe(1);

    const confirmation = await emailTo(body.email, 'booking-confirmed');
    expect(text(confirmation)).toContain('/booking/manage?token=');
    const ics = attachment(confirmation);
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).toContain(`UID:${booking.id}@booking.magnetiq`);
    expect(ics).toContain(`DTSTART:${DateTime.fromISO(at(3, '10:00')).toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'")}`);
    const hostEmail = await emailTo(anna.email, 'booking-host-new');
    expect(text(hostEmail)).toContain('A better pipeline');

    const event = await eventCreated(calendarEventIdFor(booking.id));
    expect(event).toMatchObject({
      calendarId: anna.email,
      status: 'confirmed',
      start: { dateTime: at(3, '10:00') },
      attendees: [{ email: body.email }],
    });
    expect(event.hangoutLink).toMatch(/^https:\/\/meet\.google\.com\//);
    // the reminder waits for 24 h before the meeting
    const [reminder] = await rows(
      `select * from leads_outbox where topic = 'booking.reminder' and payload::text like $1`,
      [`%${booking.id}%`],
    );
    expect(new Date(reminder.next_attempt_at).toISOString()).toBe(
      DateTime.fromISO(at(3, '10:00')).minus({ hours: 24 }).toUTC().toISO(),
    );

    expect(await startsOn(soloSlug, 3)).not.toContain(at(3, '10:00'));
  });

  it('lets 30 visitors race for one slot: exactly one is confirmed, 29 get 409 with fresh slots', async () => {
    const start = at(5, '14:00');
    const answers = await Promise.all(Array.from({ length: 30 }, () => book(bookingBody({ start }))));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(29);
    const loser = answers.find((answer) => answer.status === 409)!;
    expect(loser.body.error).toMatchObject({ status: 409, name: 'ConflictError', details: { reason: 'slot-taken' } });
    const fresh = loser.body.error.details.days.flatMap((entry: any) => entry.slots.map((slot: any) => slot.start));
    expect(fresh).not.toContain(start);
    expect(fresh).toContain(at(5, '14:30'));
    expect(
      await count(
        `select count(*) from booking_bookings where starts_at = $1 and status in ('confirmed','rescheduled')`,
        [start],
      ),
    ).toBe(1);
    // the losers left no lead behind: one transaction, rolled back
    const emails = answers.filter((answer) => answer.status === 409).length;
    expect(emails).toBe(29);
  });

  it('spreads a type with two hosts over both: the second booking of a slot goes to the other host', async () => {
    const start = at(6, '11:00');
    const first = await book(bookingBody({ type: typeSlug, start }));
    const second = await book(bookingBody({ type: typeSlug, start }));
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(new Set([first.body.data.host.slug, second.body.data.host.slug])).toEqual(new Set([anna.slug, ben.slug]));
    const third = await book(bookingBody({ type: typeSlug, start }));
    expect(third.status).toBe(409);
    expect(await startsOn(typeSlug, 6)).not.toContain(start);
  });

  it('refuses bad input with 400 and writes nothing', async () => {
    const email = uniqueEmail('invalid');
    const cases = [
      bookingBody({ email, consent: { dataProcessing: false, textVersion: 'v1' } }),
      bookingBody({ email, timeZone: 'Nowhere/Land' }),
      bookingBody({ email, start: 'tomorrow' }),
      bookingBody({ email, role: 'admin' }),
      bookingBody({ email, answers: {} }),
      bookingBody({ email, start: at(3, '10:07') }),
    ];
    for (const body of cases) {
      const response = await book(body);
      expect([400, 409], JSON.stringify(response.body)).toContain(response.status);
      if (response.status === 400) expect(response.body.error.name).toBe('ValidationError');
    }
    expect(await count(`select count(*) from leads_contacts where email = $1`, [email])).toBe(0);
  });

  it('answers a bot that filled the honeypot like a booking, and books nothing', async () => {
    const email = uniqueEmail('bot');
    const response = await book(bookingBody({ email, start: at(7, '09:00'), website: 'http://spam.example' }));
    expect(response.status).toBe(201);
    expect(await count(`select count(*) from leads_contacts where email = $1`, [email])).toBe(0);
    expect(await startsOn(soloSlug, 7)).toContain(at(7, '09:00'));
  });
});

describe('booking: self-service through the signed link', () => {
  it('cancel frees the slot, deletes the Google event and sends METHOD:CANCEL with the same UID', async () => {
    const body = bookingBody({ start: at(8, '10:00') });
    const booked = await book(body);
    expect(booked.status).toBe(201);
    const id = booked.body.data.id;
    const manageToken = tokenIn(await emailTo(body.email, 'booking-confirmed'));
    await eventCreated(calendarEventIdFor(id));

    const view = await api('/api/booking/manage', { method: 'POST', ip: clientIp(), json: { token: manageToken } });
    expect(view.body.data).toMatchObject({ id, status: 'confirmed', changeable: true });

    const cancelled = await api('/api/booking/manage/cancel', {
      method: 'POST',
      ip: clientIp(),
      json: { token: manageToken, reason: 'Something came up' },
    });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body.data).toMatchObject({ id, status: 'cancelled', changeable: false });
    await eventually(async () => (await fakeGoogle.event(calendarEventIdFor(id)))?.status === 'cancelled', {
      what: 'the event to be deleted',
    });
    // our own event was busy in Google too: the slot is free once the deletion is seen
    await eventually(async () => (await startsOn(soloSlug, 8)).includes(at(8, '10:00')), {
      what: 'the slot to be free again',
    });
    const cancelMail = attachment(await emailTo(body.email, 'booking-cancelled'));
    expect(cancelMail).toContain('METHOD:CANCEL');
    expect(cancelMail).toContain(`UID:${id}@booking.magnetiq`);
    expect(text(await emailTo(anna.email, 'booking-cancelled'))).toContain('Something came up');

    const again = await api('/api/booking/manage/cancel', {
      method: 'POST',
      ip: clientIp(),
      json: { token: manageToken },
    });
    expect(again.status).toBe(409);
  });

  it("never mails the visitor's cancellation reason back to the visitor (phishing relay, issue 17); the host still reads it", async () => {
    const body = bookingBody({ start: at(8, '14:00') });
    expect((await book(body)).status).toBe(201);
    const manageToken = tokenIn(await emailTo(body.email, 'booking-confirmed'));
    const phishing = 'Your mailbox is full. Restore access now at https://evil.example/restore';
    const cancelled = await api('/api/booking/manage/cancel', {
      method: 'POST',
      ip: clientIp(),
      json: { token: manageToken, reason: phishing },
    });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);

    const toVisitor = await emailTo(body.email, 'booking-cancelled');
    for (const part of [toVisitor.body.subject, ...toVisitor.body.content.map((content: any) => content.value)]) {
      expect(part).not.toContain('evil.example');
      expect(part).not.toContain('Your mailbox is full');
    }
    // internal: the host's copy keeps it
    await eventually(
      async () =>
        (await fakeSendGrid.to(anna.email)).some(
          (message) =>
            message.body.custom_args?.template === 'booking-cancelled' && text(message).includes('evil.example'),
        ),
      {
        what: 'the host copy with the reason',
      },
    );
  });

  it('reschedule keeps the booking id, frees the old slot, takes the new one and moves the Google event', async () => {
    const body = bookingBody({ start: at(9, '10:00') });
    const booked = await book(body);
    const id = booked.body.data.id;
    const manageToken = tokenIn(await emailTo(body.email, 'booking-confirmed'));
    const eventId = calendarEventIdFor(id);
    await eventCreated(eventId);

    const moved = await api('/api/booking/manage/reschedule', {
      method: 'POST',
      ip: clientIp(),
      json: { token: manageToken, start: at(9, '15:00') },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.data).toMatchObject({ id, status: 'rescheduled', start: at(9, '15:00') });
    expect(await startsOn(soloSlug, 9)).not.toContain(at(9, '15:00'));
    // the old time is free once Google's busy times no longer show the event there
    await eventually(async () => (await startsOn(soloSlug, 9)).includes(at(9, '10:00')), {
      what: 'the old slot to be free again',
    });
    expect(await count(`select count(*) from booking_bookings where document_id = $1`, [id])).toBe(1);

    await eventually(async () => (await fakeGoogle.event(eventId))?.start.dateTime === at(9, '15:00'), {
      what: 'the event to move',
    });
    expect((await fakeGoogle.events(anna.email)).filter((event) => event.id === eventId)).toHaveLength(1);
    const movedMail = await emailTo(body.email, 'booking-rescheduled');
    const ics = attachment(movedMail);
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).toContain(`UID:${id}@booking.magnetiq`);
    expect(ics).toContain('SEQUENCE:1');
    // the old link was replaced by the one in the new email
    expect(
      (await api('/api/booking/manage', { method: 'POST', ip: clientIp(), json: { token: manageToken } })).status,
    ).toBe(403);
    expect(
      (await api('/api/booking/manage', { method: 'POST', ip: clientIp(), json: { token: tokenIn(movedMail) } })).body
        .data.start,
    ).toBe(at(9, '15:00'));

    // time passes (the rows fall due): only the reminder of the new time reaches the visitor
    await rows(
      `update leads_outbox set next_attempt_at = now() where topic = 'booking.reminder' and payload->>'booking' = $1`,
      [id],
    );
    const reminder = await emailTo(body.email, 'booking-reminder');
    expect(text(reminder)).toContain(DateTime.fromISO(at(9, '15:00')).setZone('America/New_York').toFormat('HH:mm'));
    const [old] = await eventually(
      async () => {
        const found = await rows(`select status, result from leads_outbox where idempotency_key = $1`, [
          `booking:reminder:${id}:${at(9, '10:00')}`,
        ]);
        return found[0]?.status === 'done' && found;
      },
      { what: 'the old reminder to be handled' },
    );
    expect(old.result).toEqual({ skipped: 'booking changed' });
    expect(
      (await fakeSendGrid.to(body.email)).filter(
        (message) => message.body.custom_args?.template === 'booking-reminder',
      ),
    ).toHaveLength(1);
  });

  it('refuses a reschedule into a taken slot with 409 and leaves the booking where it was', async () => {
    const taken = await book(bookingBody({ start: at(10, '12:00') }));
    expect(taken.status).toBe(201);
    const body = bookingBody({ start: at(10, '13:00') });
    const mine = await book(body);
    const manageToken = tokenIn(await emailTo(body.email, 'booking-confirmed'));
    const response = await api('/api/booking/manage/reschedule', {
      method: 'POST',
      ip: clientIp(),
      json: { token: manageToken, start: at(10, '12:00') },
    });
    expect(response.status).toBe(409);
    const [row] = await rows(`select starts_at from booking_bookings where document_id = $1`, [mine.body.data.id]);
    expect(new Date(row.starts_at).toISOString()).toBe(at(10, '13:00'));
  });

  it('refuses a link we did not sign', async () => {
    const response = await api('/api/booking/manage/cancel', {
      method: 'POST',
      ip: clientIp(),
      json: { token: 'eyJwIjoiYm9va2luZy1tYW5hZ2UiLCJiIjoieCJ9.forged' },
    });
    expect(response.status).toBe(403);
  });
});

describe('calendar sync: Google errors', () => {
  it('retries a 429 with backoff and ends with exactly one event', async () => {
    const marker = `Quota${nameSuffix}a`;
    await fakeGoogle.fail({ target: 'events', status: 429, times: 2, match: marker });
    const booked = await book(bookingBody({ start: at(11, '10:00'), lastName: marker }));
    expect(booked.status).toBe(201);
    const eventId = calendarEventIdFor(booked.body.data.id);
    await eventCreated(eventId);
    expect((await fakeGoogle.events()).filter((event) => event.id === eventId)).toHaveLength(1);
    const inserts = (await fakeGoogle.state()).calls.filter(
      (call) => call.method === 'POST' && call.eventId === eventId,
    );
    expect(inserts.map((call) => call.status)).toEqual([429, 429, 200]);
  });

  it('treats 403 rateLimitExceeded as a quota error, not as a lost permission', async () => {
    const marker = `Quota${nameSuffix}b`;
    await fakeGoogle.fail({ target: 'events', status: 403, reason: 'rateLimitExceeded', times: 1, match: marker });
    const booked = await book(bookingBody({ start: at(11, '11:00'), lastName: marker }));
    const eventId = calendarEventIdFor(booked.body.data.id);
    await eventCreated(eventId);
    const [row] = await eventually(
      async () => {
        const found = await rows(`select status, attempts from leads_outbox where idempotency_key = $1`, [
          `calendar:create:${booked.body.data.id}`,
        ]);
        return found[0]?.status === 'done' && found;
      },
      { what: 'the create to be done' },
    );
    expect(row.attempts).toBe(2);
  });

  it('confirms bookings while Google is down and creates the event when it is back', async () => {
    await fakeGoogle.down(true);
    const booked = await book(bookingBody({ start: at(12, '10:00') }));
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    expect(booked.body.data.status).toBe('confirmed');
    const key = `calendar:create:${booked.body.data.id}`;
    await eventually(
      async () => {
        const [row] = await rows(`select status, attempts, last_error from leads_outbox where idempotency_key = $1`, [
          key,
        ]);
        return row && row.attempts >= 2 && row.status === 'pending' && row;
      },
      { what: 'failed attempts while Google is down' },
    );
    await fakeGoogle.down(false);
    await eventCreated(calendarEventIdFor(booked.body.data.id));
    const [row] = await eventually(
      async () => {
        const found = await rows(`select status from leads_outbox where idempotency_key = $1`, [key]);
        return found[0]?.status === 'done' && found;
      },
      { what: 'the create to be done' },
    );
    expect(row.status).toBe('done');
  });

  it('shows "reconnect" in the admin when Google refuses the credentials, and recovers once they work', async () => {
    const marker = `Grant${nameSuffix}`;
    await fakeGoogle.fail({ target: 'events', status: 401, times: 4, match: marker });
    const booked = await book(bookingBody({ start: at(12, '13:00'), lastName: marker }));
    expect(booked.status).toBe(201);
    const connection = await eventually(
      async () => {
        const list = await api('/calendar-sync/connections', { headers: auth(token) });
        const found = list.body.data?.find((entry: any) => entry.calendarId === anna.email);
        return found?.needsReconnect && found;
      },
      { what: 'the connection to need reconnecting' },
    );
    expect(connection.lastError).toContain('401');
    await eventCreated(calendarEventIdFor(booked.body.data.id));
  });
});

describe('booking: admin', () => {
  it('lists a host’s bookings with the visitor, and cancels one with a reason', async () => {
    const body = bookingBody({ start: at(13, '10:00') });
    const booked = await book(body);
    const list = await api(
      `/booking/bookings?host=${anna.slug}&from=${day(13)}&to=${day(13)}&tz=${encodeURIComponent(ZONE)}`,
      { headers: auth(token) },
    );
    expect(list.status).toBe(200);
    const entry = list.body.data.results.find((item: any) => item.id === booked.body.data.id);
    expect(entry).toMatchObject({
      status: 'confirmed',
      visitor: { email: body.email },
      answers: { goal: 'A better pipeline' },
    });

    expect(
      (await api(`/booking/bookings/${booked.body.data.id}/cancel`, { method: 'POST', headers: auth(token), json: {} }))
        .status,
    ).toBe(400);
    const cancelled = await api(`/booking/bookings/${booked.body.data.id}/cancel`, {
      method: 'POST',
      headers: auth(token),
      json: { reason: 'Host is ill' },
    });
    expect(cancelled.status).toBe(200);
    const [row] = await rows(
      `select status, cancel_reason, cancelled_by from booking_bookings where document_id = $1`,
      [booked.body.data.id],
    );
    expect(row).toEqual({ status: 'cancelled', cancel_reason: 'Host is ill', cancelled_by: 'admin' });
    expect(text(await emailTo(body.email, 'booking-cancelled'))).toContain('Host is ill');
  });

  it('edits a host’s weekly hours and days off, and the slots follow', async () => {
    const hosts = await api('/booking/hosts', { headers: auth(token) });
    const host = hosts.body.data.find((entry: any) => entry.slug === ben.slug);
    const bad = await api(`/booking/hosts/${host.documentId}/schedule`, {
      method: 'PUT',
      headers: auth(token),
      json: {
        timeZone: ZONE,
        weeklyHours: {
          mon: [
            { start: '09:00', end: '12:00' },
            { start: '11:00', end: '13:00' },
          ],
        },
      },
    });
    expect(bad.status).toBe(400);
    const weekday = DateTime.fromISO(day(14)).toFormat('ccc').toLowerCase();
    const saved = await api(`/booking/hosts/${host.documentId}/schedule`, {
      method: 'PUT',
      headers: auth(token),
      json: {
        timeZone: ZONE,
        weeklyHours: { ...WEEK, [weekday]: [{ start: '07:00', end: '08:00' }] },
        dateOverrides: [{ date: day(15), intervals: [] }],
      },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(await startsOn(typeSlug, 14, `&host=${ben.slug}`)).toEqual([at(14, '07:00'), at(14, '07:30')]);
    expect(await startsOn(typeSlug, 15, `&host=${ben.slug}`)).toEqual([]);
  });

  it('keeps the admin API to admins', async () => {
    expect((await api('/booking/bookings', { ip: clientIp() })).status).toBe(401);
    expect((await api('/calendar-sync/connections', { ip: clientIp() })).status).toBe(401);
  });
});

describe('calendar sync: operations', () => {
  it('reports Google in readiness and times its calls in the metrics', async () => {
    const ready = await api('/_ready', { ip: clientIp() });
    expect(ready.body.integrations.google).toMatchObject({
      configured: true,
      state: expect.stringMatching(/^(ok|errors|reconnect-needed)$/),
      calendars: { ok: expect.any(Number) },
    });
    expect(JSON.stringify(ready.body.integrations.google)).not.toContain('@');
    const response = await fetch(`${inject('cmsUrl')}/metrics`, {
      headers: { Authorization: `Bearer ${inject('metricsToken')}` },
    });
    const text = await response.text();
    // the tests above asked Google for free/busy and created events through the fake
    expect(text).toMatch(
      /magnetiq_external_call_duration_seconds_count\{[^}]*service="google"[^}]*operation="freebusy.query"/,
    );
    expect(text).toMatch(
      /magnetiq_external_call_duration_seconds_count\{[^}]*service="google"[^}]*operation="events.insert"/,
    );
  });
});
