/**
 * The built site in a real browser against the running CMS: pages render with their SEO head,
 * and the contact form island posts a lead that lands in the database.
 */
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { rows } from '../helpers/db';
import { eventually } from '../helpers/wait';
import { uniqueEmail } from '../helpers/leads';

let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];
const failedRequests: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().includes('404 (Not Found)')) consoleErrors.push(message.text());
  });
  // the one deliberate 404 below is a page navigation; any other failed resource is a bug
  page.on('response', (response) => {
    if (response.status() >= 400 && response.request().resourceType() !== 'document') failedRequests.push(`${response.status()} ${response.url()}`);
  });
});

afterAll(async () => {
  await browser?.close();
});

describe('public site', () => {
  it('sends / to the English home page with canonical, hreflang and Open Graph tags', async () => {
    await page.goto(`${inject('siteUrl')}/`);
    await page.waitForURL(/\/en\/$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toContain('qualified leads');
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toMatch(/\/en\/$/);
    expect(await page.locator('link[rel="alternate"][hreflang="de"]').getAttribute('href')).toMatch(/\/de\/$/);
    expect(await page.locator('meta[property="og:title"]').count()).toBe(1);
  });

  it('switches to German through the language link', async () => {
    await page.goto(`${inject('siteUrl')}/en/`);
    await page.click('a[hreflang="de"]');
    await page.waitForURL(/\/de\/$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
  });

  it('answers an unknown path with the 404 page', async () => {
    const response = await page.goto(`${inject('siteUrl')}/en/no-such-page/`);
    expect(response?.status()).toBe(404);
  });

  it('submits the contact form to the CMS and thanks the visitor', async () => {
    const email = uniqueEmail('browser');
    await page.goto(`${inject('siteUrl')}/de/contact/?utm_source=e2e&utm_campaign=launch`);
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="firstName"]', 'Jürgen');
    await page.fill('input[name="company"]', 'Beispiel GmbH');
    await page.fill('textarea[name="message"]', 'Bitte rufen Sie mich an.');
    await page.check('input[name="dataProcessing"]');
    await page.click('button[type="submit"]');

    await page.locator('[role="status"]').waitFor({ timeout: 10_000 });
    expect(await page.locator('[role="status"]').textContent()).toContain('Vielen Dank');

    const [contact] = await eventually(async () => {
      const found = await rows(`select * from leads_contacts where email = $1`, [email]);
      return found.length > 0 && found;
    }, { what: 'the contact row' });
    expect(contact).toMatchObject({ first_name: 'Jürgen', company: 'Beispiel GmbH', language: 'de' });
    const [activity] = await rows(
      `select a.* from leads_activities a join leads_activities_contact_lnk l on l.activity_id = a.id where l.contact_id = $1`,
      [contact.id]
    );
    expect(activity).toMatchObject({ type: 'contact-form', utm_source: 'e2e', utm_campaign: 'launch' });
    expect(activity.landing_page).toContain('/de/contact/');
    expect(consoleErrors).toEqual([]);
    expect(failedRequests).toEqual([]);
  });

  it('shows the confirmation page a browser lands on after the double opt-in link', async () => {
    await page.goto(`${inject('siteUrl')}/en/subscription-confirmed/`);
    expect(await page.locator('h1').textContent()).toBe('Subscription confirmed');
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
  });
});
