/**
 * The webinars' and booking's sections of the lead analytics dashboard: registrations and bookings
 * written with SQL in March 2032 (a month no other test uses), expected counts computed here.
 */
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { auth } from '../helpers/content';
import { createAdminUser } from '../helpers/admin-users';
import { db } from '../helpers/db';
import { api } from '../helpers/http';

const run = crypto.randomBytes(4).toString('hex');
const FROM = '2032-03-01';
const TO = '2032-03-31';
const WEBINAR = `w${run}analyticswebinar`.slice(0, 24);
const TYPE = `analytics-${run}`;
const STATUSES = ['registered', 'waitlisted', 'cancelled', 'attended', 'no-show'] as const;
const BOOKING_STATUSES = ['confirmed', 'cancelled', 'rescheduled'] as const;

interface Registration {
  status: (typeof STATUSES)[number];
  locale: 'en' | 'de';
  at: Date;
}
interface Booking {
  status: (typeof BOOKING_STATUSES)[number];
  language: 'en' | 'de';
  rescheduled: boolean;
  at: Date;
}

const day = (d: number, hour = 12) => new Date(Date.UTC(2032, 2, d, hour));
// in range: 1–31 March; outside: 29 February and 1 April
const registrations: Registration[] = [];
const bookings: Booking[] = [];
for (let i = 0; i < 40; i++) {
  const at =
    i % 10 === 0
      ? new Date(Date.UTC(2032, 1, 29, 12))
      : i % 10 === 1
        ? new Date(Date.UTC(2032, 3, 1, 0, 30))
        : day(1 + (i % 31), i % 24);
  registrations.push({ status: STATUSES[i % STATUSES.length], locale: i % 3 === 0 ? 'de' : 'en', at });
  bookings.push({
    status: BOOKING_STATUSES[i % BOOKING_STATUSES.length],
    language: i % 4 === 0 ? 'de' : 'en',
    rescheduled: i % 5 === 0,
    at,
  });
}
const inRange = (at: Date) => at >= new Date(`${FROM}T00:00:00Z`) && at < new Date('2032-04-01T00:00:00Z');

let viewerToken = '';

beforeAll(async () => {
  const pool = db();
  for (const [index, registration] of registrations.entries()) {
    await pool.query(
      `insert into webinars_registrations (document_id, session_id, webinar, contact, contact_id, email, status, locale, registered_at, created_at, updated_at, published_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $9, $9)`,
      [
        crypto.randomBytes(12).toString('hex'),
        900_000 + index,
        WEBINAR,
        `c${run}${index}`,
        900_000 + index,
        `a${index}@example.com`,
        registration.status,
        registration.locale,
        registration.at,
      ],
    );
  }
  for (const [index, booking] of bookings.entries()) {
    await pool.query(
      `insert into booking_bookings (document_id, meeting_type, meeting_type_slug, meeting_type_title, host, host_slug, starts_at, ends_at, blocked_from, blocked_until,
         visitor_time_zone, language, contact, status, reschedule_count, created_at, updated_at, published_at)
       values ($1, 'analyticstype', $2, $3, 'analyticshost', $4, $5, $6, $5, $6, 'Europe/Berlin', $7, $8, $9, $10, $11, $11, $11)`,
      [
        crypto.randomBytes(12).toString('hex'),
        TYPE,
        `Analytics call ${run}`,
        `analytics-host-${run}-${index}`,
        new Date(Date.UTC(2033, 0, 1, index)),
        new Date(Date.UTC(2033, 0, 1, index, 30)),
        booking.language,
        `c${run}${index}`,
        booking.status,
        booking.rescheduled ? 1 : 0,
        booking.at,
      ],
    );
  }
  viewerToken = (await createAdminUser('Viewer')).token;
});

const sectionOf = async (name: string, locale: 'all' | 'en' | 'de') => {
  const response = await api(`/analytics/overview?from=${FROM}&to=${TO}&locale=${locale}`, {
    headers: auth(viewerToken),
  });
  expect(response.status).toBe(200);
  return response.body.data.sections.find((section: { name: string }) => section.name === name);
};

describe('analytics sections of the webinars and booking plugins', () => {
  it.each(['all', 'de'] as const)(
    'counts registrations, waitlist and attendance per webinar (locale %s)',
    async (locale) => {
      const section = await sectionOf('webinars.registrations', locale);
      const ours = registrations.filter((r) => inRange(r.at) && (locale === 'all' || r.locale === locale));
      const of = (status: string) => ours.filter((r) => r.status === status).length;
      const row = section.rows.find((candidate: { title: string }) => candidate.title === WEBINAR);
      expect(row).toEqual({
        title: WEBINAR,
        registrations: ours.length,
        waitlisted: of('waitlisted'),
        cancelled: of('cancelled'),
        attended: of('attended'),
        noShow: of('no-show'),
        attendanceRate: Math.round((of('attended') / (of('attended') + of('no-show'))) * 10_000) / 10_000,
      });
    },
  );

  it.each(['all', 'en'] as const)(
    'counts bookings, cancellations and reschedules per meeting type (locale %s)',
    async (locale) => {
      const section = await sectionOf('booking.bookings', locale);
      const ours = bookings.filter((b) => inRange(b.at) && (locale === 'all' || b.language === locale));
      const cancelled = ours.filter((b) => b.status === 'cancelled').length;
      const row = section.rows.find((candidate: { title: string }) => candidate.title === `Analytics call ${run}`);
      expect(row).toEqual({
        title: `Analytics call ${run}`,
        bookings: ours.length,
        cancelled,
        rescheduled: ours.filter((b) => b.rescheduled).length,
        cancellationRate: Math.round((cancelled / ours.length) * 10_000) / 10_000,
      });
    },
  );

  it('exports the webinar section as CSV with the same figures', async () => {
    const csv = await api(`/analytics/export/webinars.registrations?from=${FROM}&to=${TO}`, {
      headers: { ...auth(viewerToken), Accept: 'text/csv' },
    });
    expect(csv.status).toBe(200);
    const line = String(csv.body)
      .split('\n')
      .find((text) => text.startsWith(WEBINAR));
    expect(line?.split(',')[1]).toBe(String(registrations.filter((r) => inRange(r.at)).length));
  });
});
