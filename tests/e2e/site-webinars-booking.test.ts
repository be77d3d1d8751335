/**
 * Webinars and booking on the built site, in Chromium against the real CMS with the demo seed
 * (an upcoming webinar in en/de, the "Discovery call" meeting type with two hosts), the fake
 * SendGrid and the fake Google Calendar: the webinar pages, registering with the island, a server
 * field error next to its field, booking a slot from a browser in another time zone, the 409 of a
 * slot taken meanwhile, and the manage page the booking email links to.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { rows } from '../helpers/db';
import { eventually } from '../helpers/wait';
import { uniqueEmail } from '../helpers/leads';
import { fakeSendGrid } from '../fakes/sendgrid-client';

const WEBINAR = {
  en: { slug: 'pipeline-basics', title: 'From website visit to qualified lead: pipeline basics' },
  de: { slug: 'pipeline-grundlagen', title: 'Vom Website-Besuch zum qualifizierten Lead: Pipeline-Grundlagen' },
};
const BOOKING_PAGE = '/en/booking/discovery-call/';
const ZONE = 'America/New_York';

let browser: Browser;
let context: BrowserContext;
let page: Page;
const consoleErrors: string[] = [];

// (no X-Forwarded-For per context: a header that is not CORS-safelisted makes every island request preflighted and refused)
async function newContext(options: Parameters<Browser['newContext']>[0] = {}) {
  const created = await browser.newContext(options);
  created.on('console', (message) => {
    // the deliberate 400 and 409 below are logged by Chromium as failed resources
    if (message.type() === 'error' && !/(400 \(Bad Request\)|409 \(Conflict\))/.test(message.text()))
      consoleErrors.push(message.text());
  });
  return created;
}

/** "09:30" of an instant in a zone, as the slots API words `time`. */
const localTime = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(
    new Date(iso),
  );

async function registrationSession(): Promise<{ documentId: string; startsAt: string; timeZone: string }> {
  const answer = await (await fetch(`${inject('cmsUrl')}/api/webinars/webinars/${WEBINAR.en.slug}?locale=en`)).json();
  return answer.data.sessions[0];
}

/** Islands hydrate `client:visible`: bring the page's island into view first. */
async function showIsland(target: Page) {
  await target.locator('astro-island').last().scrollIntoViewIfNeeded();
}

beforeAll(async () => {
  browser = await launchBrowser();
  context = await newContext();
  page = await context.newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('webinars on the site', () => {
  it('renders the seeded webinar in en with the session in its zone, Event JSON-LD, hreflang and the language switch', async () => {
    const session = await registrationSession();
    await page.goto(`${inject('siteUrl')}/en/webinars/`);
    await page.click(`.webinar-card a:has-text("${WEBINAR.en.title}")`);
    await page.waitForURL(new RegExp(`/en/webinars/${WEBINAR.en.slug}/$`));
    expect(await page.locator('h1').textContent()).toBe(WEBINAR.en.title);
    const time = page.locator(`.session-list time[datetime="${session.startsAt}"]`);
    expect(await time.textContent()).toContain(localTime(session.startsAt, session.timeZone));
    const scripts = (await page.locator('script[type="application/ld+json"]').allTextContents()).map((text) =>
      JSON.parse(text),
    );
    expect(scripts.find((data) => data['@type'] === 'Event')).toMatchObject({
      name: WEBINAR.en.title,
      startDate: session.startsAt,
      eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
      location: { '@type': 'VirtualLocation' },
    });
    expect(await page.locator('link[rel="alternate"][hreflang="de"]').getAttribute('href')).toMatch(
      new RegExp(`/de/webinars/${WEBINAR.de.slug}/$`),
    );
    // the seats come from the public API at runtime, in the island
    const refreshed = page.waitForResponse((response) =>
      response.url().includes(`/api/webinars/webinars/${WEBINAR.en.slug}?locale=en`),
    );
    await showIsland(page);
    expect((await refreshed).status()).toBe(200);
    await expect.poll(() => page.locator('.session-choice .seats').first().textContent()).toMatch(/\d+ seats? left/);
    await page.click('.language-switcher a[hreflang="de"]');
    await page.waitForURL(new RegExp(`/de/webinars/${WEBINAR.de.slug}/$`));
    expect(await page.locator('h1').textContent()).toBe(WEBINAR.de.title);
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    expect(await page.locator('.session-list time').first().textContent()).toContain(
      localTime(session.startsAt, session.timeZone),
    );

    const sitemap = await (await fetch(`${inject('siteUrl')}/sitemap.xml`)).text();
    expect(sitemap).toContain(`/de/webinars/${WEBINAR.de.slug}/</loc>`);
    expect(sitemap).toContain(`${BOOKING_PAGE}</loc>`);
    expect(sitemap).not.toContain('/booking/manage');
  });

  it('lists the upcoming webinar in the home page section, linking to its page', async () => {
    await page.goto(`${inject('siteUrl')}/de/`);
    expect(await page.locator('[data-embed="webinar-list"] .webinar-card a').first().getAttribute('href')).toBe(
      `/de/webinars/${WEBINAR.de.slug}/`,
    );
  });

  it('registers: the confirmation does not say seat or waitlist, the email reaches SendGrid, the registration is stored', async () => {
    const email = uniqueEmail('site-webinar');
    const session = await registrationSession();
    await page.goto(`${inject('siteUrl')}/en/webinars/${WEBINAR.en.slug}/?utm_source=linkedin&utm_campaign=pipeline`);
    await showIsland(page);
    await page.locator('form button[type="submit"]:enabled').waitFor();
    await page.getByLabel('Work email').fill(email);
    await page.getByLabel(/First name/).fill('Grace');
    await page.check('input[name="dataProcessing"]');
    const posted = page.waitForRequest((request) => request.url().endsWith('/api/webinars/registrations'));
    await page.click('form button[type="submit"]');
    const body = (await posted).postDataJSON();
    expect(body).toMatchObject({
      session: session.documentId,
      locale: 'en',
      email,
      firstName: 'Grace',
      utm: { source: 'linkedin', campaign: 'pipeline' },
      consent: { dataProcessing: true, textVersion: 'webinar-form-2026-12' },
    });
    await page.locator('[role="status"]').waitFor();
    const confirmation = await page.locator('[role="status"]').textContent();
    expect(confirmation).toContain('registration is in');
    expect(confirmation).not.toMatch(/wait/i);

    const [message] = await eventually(
      async () => {
        const sent = (await fakeSendGrid.to(email)).filter(
          (candidate) => candidate.body.custom_args?.template === 'webinar-confirmation',
        );
        return sent.length > 0 && sent;
      },
      { what: `the webinar confirmation to ${email}` },
    );
    expect(message.body.subject).toContain(WEBINAR.en.title);
    const [registration] = await rows(
      `select r.status, r.utm_source from webinars_registrations r where r.email = $1`,
      [email],
    );
    expect(registration).toMatchObject({ status: 'registered', utm_source: 'linkedin' });
  });

  it.each([
    ['en', WEBINAR.en.slug, 'Work email', 'Please enter a valid email address, e.g. name@company.com.'],
    [
      'de',
      WEBINAR.de.slug,
      'Geschäftliche E-Mail',
      'Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@firma.de.',
    ],
  ])(
    "shows an error from the server next to its field in the page's language (%s), not the server's English message",
    async (lang, slug, label, expected) => {
      // a domain label starting with "-" passes the browser's check but not the server's (yup's email rule)
      const email = `ada-${Date.now()}@-engines.com`;
      await page.goto(`${inject('siteUrl')}/${lang}/webinars/${slug}/`);
      await showIsland(page);
      await page.locator('form button[type="submit"]:enabled').waitFor();
      await page.getByLabel(label).fill(email);
      await page.check('input[name="dataProcessing"]');
      const answered = page.waitForResponse((response) => response.url().endsWith('/api/webinars/registrations'));
      await page.click('form button[type="submit"]');
      const response = await answered;
      expect(response.status()).toBe(400);
      const serverError = (await response.json()).error.details.errors.find(
        (error: any) => error.path.join('.') === 'email',
      );
      expect(serverError).toMatchObject({ code: 'invalid_email', message: expect.stringContaining('email') });

      const field = page.getByLabel(label);
      await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
      const describedBy = await field.getAttribute('aria-describedby');
      expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe(expected);
      // focus moves in the next animation frame after the error renders
      await expect
        .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name))
        .toBe('email');
      expect(await rows(`select id from webinars_registrations where email = $1`, [email])).toHaveLength(0);
    },
  );
});

describe('booking on the site', () => {
  let zoneContext: BrowserContext;
  let booked: { email: string; start: string };

  beforeAll(async () => {
    zoneContext = await newContext({ timezoneId: ZONE });
  });

  /** Picks the first offered time, fills the details and submits; returns the chosen start. */
  async function pickFirstSlot(target: Page): Promise<{ start: string; label: string }> {
    await showIsland(target);
    const button = target.locator('.slot-list button').first();
    await button.waitFor();
    return { start: (await button.getAttribute('data-start'))!, label: (await button.textContent())! };
  }

  async function fillDetails(target: Page, email: string) {
    await target.locator('form button[type="submit"]:enabled').waitFor();
    await target.getByLabel('Work email').fill(email);
    await target.getByLabel(/First name/).fill('Ada');
    await target.getByLabel('What would you like to achieve?').fill('A cleaner pipeline');
    await target.check('input[name="dataProcessing"]');
  }

  it.each([
    ['en', 'with Mara Vogel and Daniel Reyes'],
    ['de', 'mit Mara Vogel und Daniel Reyes'],
  ])('names the hosts as a sentence in %s: "%s"', async (lang, expected) => {
    await page.goto(`${inject('siteUrl')}/${lang}/booking/discovery-call/`);
    // the page's own line, not the widget's time-zone line (also .meta once the island hydrates)
    const meta = (await page
      .locator('.booking .meta')
      .filter({ hasText: /Minuten|minutes/ })
      .textContent())!.replace(/\s+/g, ' ');
    expect(meta).toContain(expected);
  });

  it('books a slot from a browser in New York: the local time shown is the slot in that zone, the booking is stored', async () => {
    const visitor = await zoneContext.newPage();
    await visitor.goto(`${inject('siteUrl')}${BOOKING_PAGE}`);
    expect(await visitor.locator('h1').textContent()).toBe('Discovery call');
    await showIsland(visitor);
    await visitor.locator('.slot-list button').first().waitFor();
    expect(await visitor.locator('.booking-widget .meta').textContent()).toContain(ZONE);
    const { start, label } = await pickFirstSlot(visitor);
    expect(label).toBe(localTime(start, ZONE));
    // keyboard: the time is a button reached and pressed with the keyboard
    await visitor.locator(`.slot-list button[data-start="${start}"]`).focus();
    await visitor.keyboard.press('Enter');
    expect(await visitor.locator('.selected-time').textContent()).toContain(localTime(start, ZONE));

    const email = uniqueEmail('site-booking');
    await fillDetails(visitor, email);
    const posted = visitor.waitForRequest((request) => request.url().endsWith('/api/booking/bookings'));
    await visitor.click('form button[type="submit"]');
    const body = (await posted).postDataJSON();
    expect(body).toMatchObject({
      type: 'discovery-call',
      start,
      timeZone: ZONE,
      locale: 'en',
      email,
      answers: { goal: 'A cleaner pipeline' },
      consent: { dataProcessing: true, textVersion: 'booking-form-2026-12' },
    });
    await visitor.locator('.booking-confirmation').waitFor();
    expect(await visitor.locator('.booked-time').textContent()).toContain(localTime(start, ZONE));

    const [stored] = await rows(
      `select b.starts_at, b.visitor_time_zone, b.status, b.meeting_type_slug from booking_bookings b join leads_contacts c on c.document_id = b.contact where c.email = $1`,
      [email],
    );
    expect(stored).toMatchObject({ visitor_time_zone: ZONE, status: 'confirmed', meeting_type_slug: 'discovery-call' });
    expect(new Date(stored.starts_at).toISOString()).toBe(new Date(start).toISOString());
    booked = { email, start };
    await visitor.close();
  });

  it('says "that time was just taken" with the fresh times when the last free host of a slot is booked from another page', async () => {
    const pages = [await zoneContext.newPage()];
    await pages[0].goto(`${inject('siteUrl')}${BOOKING_PAGE}`);
    const { start } = await pickFirstSlot(pages[0]);
    // a slot stays offered while one of its hosts is free: book it once per free host, then once more
    const from = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date());
    const to = new Date(Date.parse(`${from}T00:00:00Z`) + 28 * 86_400_000).toISOString().slice(0, 10);
    const offered = await (
      await fetch(
        `${inject('cmsUrl')}/api/booking/slots?type=discovery-call&from=${from}&to=${to}&tz=${encodeURIComponent(ZONE)}`,
      )
    ).json();
    const hosts = offered.data.flatMap((day: any) => day.slots).find((slot: any) => slot.start === start)
      .hosts as string[];
    expect(hosts.length).toBeGreaterThan(0);
    for (let i = 0; i < hosts.length; i++) {
      const other = await zoneContext.newPage();
      await other.goto(`${inject('siteUrl')}${BOOKING_PAGE}`);
      expect((await pickFirstSlot(other)).start).toBe(start);
      pages.push(other);
    }
    const late = pages.shift()!;
    await late.click(`.slot-list button[data-start="${start}"]`);
    await fillDetails(late, uniqueEmail('site-booking-late'));
    for (const target of pages) {
      await target.click(`.slot-list button[data-start="${start}"]`);
      await fillDetails(target, uniqueEmail('site-booking-first'));
      await target.click('form button[type="submit"]');
      await target.locator('.booking-confirmation').waitFor();
    }

    const answered = late.waitForResponse((response) => response.url().endsWith('/api/booking/bookings'));
    await late.click('form button[type="submit"]');
    const response = await answered;
    expect(response.status()).toBe(409);
    expect((await response.json()).error.details.reason).toBe('slot-taken');
    const alert = late.locator('.booking-widget [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('That time was just taken');
    await expect.poll(() => late.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    // the fresh times from the answer: the taken one is gone, others are offered
    await late.locator('.slot-list button').first().waitFor();
    expect(await late.locator(`.slot-list button[data-start="${start}"]`).count()).toBe(0);
    // one booking per host that was free at that time (other files may book the same time with other hosts or types)
    expect(
      await rows(
        `select id from booking_bookings where starts_at = $1 and status <> 'cancelled' and meeting_type_slug = 'discovery-call' and host_slug = any($2::text[])`,
        [start, hosts],
      ),
    ).toHaveLength(hosts.length);
    for (const target of [late, ...pages]) await target.close();
  }, 90_000);

  it('shows the booking on the manage page of the email link and cancels it there', async () => {
    const [message] = await eventually(
      async () => {
        const sent = (await fakeSendGrid.to(booked.email)).filter(
          (candidate) => candidate.body.custom_args?.template === 'booking-confirmed',
        );
        return sent.length > 0 && sent;
      },
      { what: `the booking confirmation to ${booked.email}` },
    );
    const text = message.body.content.find((part: any) => part.type === 'text/plain').value as string;
    const link = text.match(/https?:\/\/\S+\/en\/booking\/manage\?token=[A-Za-z0-9_\-.%]+/)?.[0];
    expect(link, text).toBeTruthy();
    expect(link!.startsWith(inject('siteUrl'))).toBe(true);

    const visitor = await zoneContext.newPage();
    await visitor.goto(link!);
    await showIsland(visitor);
    await visitor.locator('.booking-facts').waitFor();
    expect(await visitor.locator('.booked-time').textContent()).toContain(localTime(booked.start, ZONE));
    expect(await visitor.locator('.booking-status').textContent()).toBe('Confirmed');
    // the capability token leaves the address bar once read: third-party scripts see location.href
    const token = new URL(link!).searchParams.get('token')!;
    const address = await visitor.evaluate(() => window.location.href);
    expect(address).not.toContain('token=');
    expect(address).not.toContain(token);
    expect(new URL(address).pathname).toMatch(/^\/en\/booking\/manage\/?$/);
    await visitor.click('button:has-text("Cancel the booking")');
    await visitor.getByLabel('Reason (optional)').fill('Plans changed');
    const answered = visitor.waitForResponse((response) => response.url().endsWith('/api/booking/manage/cancel'));
    await visitor.click('button:has-text("Yes, cancel it")');
    expect((await answered).status()).toBe(200);
    await visitor.locator('[role="status"]').waitFor();
    expect(await visitor.locator('.booking-status').textContent()).toBe('Cancelled');
    const [stored] = await rows(
      `select b.status, b.cancel_reason from booking_bookings b join leads_contacts c on c.document_id = b.contact where c.email = $1`,
      [booked.email],
    );
    expect(stored).toMatchObject({ status: 'cancelled', cancel_reason: 'Plans changed' });
    await visitor.close();
    expect(consoleErrors).toEqual([]);
  });
});
