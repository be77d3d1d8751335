/**
 * "Connect Google Calendar" in a real browser (issue 22): an admin connects a host's calendar
 * through Google's consent page (the fake consents at once and redirects back to the admin), a
 * booking of a video meeting type shows its Google Meet link in the bookings list, the admin
 * disconnects and the grant is revoked at the fake; a grant the user revokes at Google shows as
 * disconnected in the admin.
 */
import crypto from 'node:crypto';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { fakeGoogle } from '../fakes/google-calendar-client';
import { loginToAdmin } from '../helpers/admin-browser';
import { launchBrowser } from '../helpers/browser';
import { createBookingHost, createMeetingType } from '../helpers/booking';
import { superAdminToken } from '../helpers/content';
import { rows } from '../helpers/db';
import { api, clientIp } from '../helpers/http';
import { uniqueEmail } from '../helpers/leads';
import { eventually } from '../helpers/wait';

const suffix = crypto.randomBytes(3).toString('hex');
const ZONE = 'Europe/Berlin';
const WEEK = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [{ start: '08:00', end: '18:00' }]]),
);
const host = { slug: `e2e-meet-${suffix}`, name: 'Edda Meet', email: `edda-${suffix}@magnetiq.test` };
const lost = { slug: `e2e-lost-${suffix}`, name: 'Egon Lost', email: `egon-${suffix}@magnetiq.test` };
const typeSlug = `e2e-meet-call-${suffix}`;

let browser: Browser;
let page: Page;

const calendarsPage = () => page.goto(`${inject('cmsUrl')}/admin/plugins/calendar-sync`);
const rowOf = (calendarId: string) =>
  page.getByRole('row', { name: new RegExp(calendarId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });

async function connectInBrowser(calendarId: string) {
  await calendarsPage();
  await page.getByRole('heading', { name: 'Calendar sync', level: 1 }).waitFor();
  await rowOf(calendarId).getByRole('button', { name: 'Connect Google Calendar' }).click();
  // Google's consent page sends the browser back to the admin's callback page
  await page.waitForURL(/\/admin\/plugins\/calendar-sync\/oauth\/callback/);
  await page.getByText(`Connected: ${calendarId}`).waitFor();
  // code and state leave the address bar at once
  expect(page.url()).not.toContain('code=');
}

beforeAll(async () => {
  const token = await superAdminToken();
  for (const entry of [host, lost]) await createBookingHost(token, entry, { timeZone: ZONE, weeklyHours: WEEK });
  await createMeetingType(token, {
    title: `E2E Meet ${suffix}`,
    slug: typeSlug,
    description: 'Video call.',
    hosts: [host.slug, lost.slug],
    conferencing: 'google-meet',
  });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(20_000);
  await loginToAdmin(page);
});

afterAll(async () => {
  await browser?.close();
});

describe('Connect Google Calendar in the admin', () => {
  it('connects a host, shows the Meet link of a booking, and disconnects with a revocation at Google', async () => {
    await connectInBrowser(host.email);
    const [grant] = await fakeGoogle.grants(host.email);
    expect(grant).toMatchObject({ revokedAt: null });
    const [stored] = await rows(`select refresh_token from calendar_sync_connections where calendar_id = $1`, [
      host.email,
    ]);
    expect(stored.refresh_token).not.toContain(grant.refreshToken);

    const from = DateTime.now().setZone(ZONE).plus({ days: 2 }).toISODate();
    const to = DateTime.now().setZone(ZONE).plus({ days: 6 }).toISODate();
    const slots = await api(`/api/booking/slots?type=${typeSlug}&from=${from}&to=${to}&tz=${ZONE}&host=${host.slug}`, {
      ip: clientIp(),
    });
    const start = slots.body.data.flatMap((day: { slots: Array<{ start: string }> }) => day.slots)[0].start;
    const email = uniqueEmail('e2e-meet');
    const booked = await api('/api/booking/bookings', {
      method: 'POST',
      ip: clientIp(),
      json: {
        type: typeSlug,
        host: host.slug,
        start,
        timeZone: ZONE,
        email,
        firstName: 'Mia',
        lastName: 'Meet',
        answers: { goal: 'Demo' },
        consent: { dataProcessing: true, textVersion: 'e2e' },
      },
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    const [withLink] = await eventually(
      async () => {
        const found = await rows(
          `select meet_link from booking_bookings where document_id = $1 and meet_link is not null`,
          [booked.body.data.id],
        );
        return found.length > 0 && found;
      },
      { timeoutMs: 20_000, what: 'Meet link' },
    );

    await page.goto(`${inject('cmsUrl')}/admin/plugins/booking?host=${host.slug}&view=list`);
    await page.getByRole('heading', { name: 'Bookings', level: 1 }).waitFor();
    await page.getByRole('link', { name: withLink.meet_link }).waitFor();

    await calendarsPage();
    await rowOf(host.email).getByRole('button', { name: 'Disconnect' }).click();
    await page.getByRole('button', { name: 'Revoke and disconnect' }).click();
    await rowOf(host.email).getByRole('button', { name: 'Connect Google Calendar' }).waitFor();
    expect((await fakeGoogle.grants(host.email))[0].revokedAt).not.toBeNull();
  });

  it('shows a host whose grant Google refuses (invalid_grant) as disconnected', async () => {
    await connectInBrowser(lost.email);
    await fakeGoogle.revokeUser(lost.email);
    const day = DateTime.now().setZone(ZONE).plus({ days: 3 }).toISODate();
    await eventually(
      async () => {
        await api(`/api/booking/slots?type=${typeSlug}&from=${day}&to=${day}&tz=${ZONE}&host=${lost.slug}`, {
          ip: clientIp(),
        });
        const [row] = await rows(`select status from calendar_sync_connections where calendar_id = $1`, [lost.email]);
        return row?.status === 'reconnect';
      },
      { timeoutMs: 20_000, intervalMs: 700, what: 'connection marked reconnect' },
    );
    await calendarsPage();
    await rowOf(lost.email).getByText('Disconnected: connect again').waitFor();
    await rowOf(lost.email).getByRole('button', { name: 'Reconnect Google Calendar' }).waitFor();
  });
});
