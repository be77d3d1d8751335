/**
 * The cookie banner of the built site in Chromium: wording and version from the CMS's global
 * settings (seeded), no analytics script before consent, the choice remembered per version, and
 * the footer's "Cookie settings" to change it. The analytics script (PUBLIC_ANALYTICS_SRC of the
 * test build) is answered inside the browser: there is no such host.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';

const ANALYTICS = 'https://analytics.magnetiq.test/script.js';
const SEEDED_TEXT = 'We use only the cookies needed to run this site.';

let browser: Browser;
let context: BrowserContext;
let page: Page;
const analyticsRequests: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext();
  await context.route('https://analytics.magnetiq.test/**', async (route) => {
    analyticsRequests.push(route.request().url());
    await route.fulfill({
      status: 200,
      contentType: 'text/javascript',
      body: 'window.__analyticsLoaded = (window.__analyticsLoaded || 0) + 1;',
    });
  });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
});

const banner = () => page.getByRole('region', { name: 'Cookie consent' });
const analyticsLoaded = () =>
  page.evaluate(() => (window as unknown as { __analyticsLoaded?: number }).__analyticsLoaded ?? 0);

describe('cookie consent', () => {
  it('asks with the CMS wording and loads no analytics before a choice', async () => {
    await page.goto(`${inject('siteUrl')}/en/`, { waitUntil: 'networkidle' });
    await banner().waitFor();
    expect(await banner().textContent()).toContain(SEEDED_TEXT);
    expect(await page.locator('#cookie-consent').getAttribute('data-version')).toBe('2026-11');
    expect(await page.locator('#cookie-consent').getAttribute('data-analytics')).toBe(ANALYTICS);
    expect(await page.locator('script[data-analytics]').count()).toBe(0);
    expect(analyticsRequests).toEqual([]);
    // reachable by keyboard, named buttons
    expect(await banner().getByRole('button').allTextContents()).toEqual(['Accept analytics', 'Only necessary']);
  });

  it('remembers "only necessary": no banner and no analytics on the next pages', async () => {
    await banner().getByRole('button', { name: 'Only necessary' }).click();
    expect(await banner().isHidden()).toBe(true);
    await page.goto(`${inject('siteUrl')}/en/insights/`, { waitUntil: 'networkidle' });
    expect(await page.locator('#cookie-consent').isHidden()).toBe(true);
    expect(analyticsRequests).toEqual([]);
    expect(await analyticsLoaded()).toBe(0);
  });

  it('lets the visitor change the choice from the footer, then loads analytics on every page', async () => {
    await page.getByRole('button', { name: 'Cookie settings' }).click();
    await banner().waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Accept analytics');
    await page.keyboard.press('Enter');
    expect(await banner().isHidden()).toBe(true);
    await expect.poll(analyticsLoaded).toBe(1);
    await page.goto(`${inject('siteUrl')}/de/`, { waitUntil: 'networkidle' });
    expect(await page.locator('#cookie-consent').isHidden()).toBe(true);
    await expect.poll(analyticsLoaded).toBe(1);
    expect(analyticsRequests.length).toBeGreaterThanOrEqual(2);
    expect(await page.locator('#cookie-consent').getAttribute('aria-label')).toBe('Cookie-Einwilligung');
  });

  it('asks again when the wording has a new version', async () => {
    await page.evaluate(() =>
      localStorage.setItem('magnetiq-consent', JSON.stringify({ version: '2025-01', choice: 'accepted' })),
    );
    const before = analyticsRequests.length;
    await page.goto(`${inject('siteUrl')}/en/`, { waitUntil: 'networkidle' });
    await banner().waitFor();
    expect(analyticsRequests.length).toBe(before);
    expect(await analyticsLoaded()).toBe(0);
  });
});
