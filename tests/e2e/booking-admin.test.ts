/**
 * The booking and calendar-sync admin pages in a real browser: a booking made through the public
 * API shows up in the host's list and week view, an admin cancels it with a reason, the weekly
 * schedule editor and the calendar connections page load.
 */
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { api, clientIp } from '../helpers/http';
import { rows } from '../helpers/db';
import { uniqueEmail } from '../helpers/leads';

let browser: Browser;
let page: Page;
const apiFailures: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('response', (response) => {
    if (
      (response.url().includes('/booking/') || response.url().includes('/calendar-sync/')) &&
      response.status() >= 400
    )
      apiFailures.push(`${response.status()} ${response.url()}`);
  });
  page.setDefaultTimeout(20_000);
  await page.goto(`${inject('cmsUrl')}/admin/auth/login`);
  await page.fill('input[name="email"]', inject('adminEmail'));
  await page.fill('input[name="password"]', inject('adminPassword'));
  await page.click('button[type="submit"]');
  await page.waitForURL(/\/admin(\/)?$/);
});

afterAll(async () => {
  await browser?.close();
});

describe('booking admin', () => {
  it('lists a booking of the seeded host and cancels it with a reason', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const inTwoWeeks = new Date(Date.now() + 14 * 86400e3).toISOString().slice(0, 10);
    const slots = await api(
      `/api/booking/slots?type=discovery-call&from=${today}&to=${inTwoWeeks}&tz=Europe/Berlin&host=mara-vogel`,
      { ip: clientIp() },
    );
    const slot = slots.body.data.flatMap((day: any) => day.slots)[0];
    const email = uniqueEmail('admin-booking');
    const booked = await api('/api/booking/bookings', {
      method: 'POST',
      ip: clientIp(),
      json: {
        type: 'discovery-call',
        host: 'mara-vogel',
        start: slot.start,
        timeZone: 'Europe/Berlin',
        email,
        firstName: 'Grace',
        lastName: 'Hopper',
        answers: { goal: 'More demos' },
        consent: { dataProcessing: true, textVersion: 'e2e' },
      },
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);

    await page.goto(`${inject('cmsUrl')}/admin/plugins/booking?host=mara-vogel&view=list`);
    await page.getByRole('heading', { name: 'Bookings', level: 1 }).waitFor();
    await page.getByText(email).first().waitFor();

    const monday = DateTime.fromISO(slot.start).setZone('Europe/Berlin').startOf('week').toISODate();
    await page.goto(`${inject('cmsUrl')}/admin/plugins/booking?host=mara-vogel&view=week&week=${monday}`);
    await page.getByText('Grace Hopper').first().waitFor();

    await page.goto(`${inject('cmsUrl')}/admin/plugins/booking?host=mara-vogel&view=list`);
    await page
      .getByRole('row', { name: new RegExp(email) })
      .getByRole('button', { name: 'Cancel' })
      .click();
    await page.locator('textarea').first().fill('Host is travelling');
    await page.getByRole('button', { name: 'Cancel booking' }).click();
    // the list reloads with the status and the reason in the booking's row
    await page.getByRole('row', { name: new RegExp(`${email}.*cancelled.*Host is travelling`) }).waitFor();
    const [row] = await rows(`select status, cancel_reason from booking_bookings where document_id = $1`, [
      booked.body.data.id,
    ]);
    expect(row).toEqual({ status: 'cancelled', cancel_reason: 'Host is travelling' });
  });

  it('opens the weekly schedule editor with the host’s intervals', async () => {
    await page.goto(`${inject('cmsUrl')}/admin/plugins/booking/schedules`);
    await page.getByRole('heading', { name: 'Schedules', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Weekly hours' }).waitFor();
    expect(await page.getByRole('button', { name: 'Add interval' }).count()).toBeGreaterThanOrEqual(7);
  });

  it('shows the calendar connections page', async () => {
    await page.goto(`${inject('cmsUrl')}/admin/plugins/calendar-sync`);
    await page.getByRole('heading', { name: 'Calendar sync', level: 1 }).waitFor();
    expect(apiFailures).toEqual([]);
  });
});
