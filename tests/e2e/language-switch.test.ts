/**
 * The language switch of the built site moves between the three language versions of the seeded
 * home page (en, de and the French of the demo content), every version naming the others with
 * hreflang; French pages carry lang="fr" and French texts of the site's own message file.
 */
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
});

const VERSIONS = ['en', 'de', 'fr'];

async function expectVersion(locale: string) {
  await page.waitForURL(new RegExp(`/${locale}/$`));
  expect(await page.locator('html').getAttribute('lang')).toBe(locale);
  for (const other of VERSIONS)
    expect(await page.locator(`link[rel="alternate"][hreflang="${other}"]`).getAttribute('href')).toMatch(
      new RegExp(`/${other}/$`),
    );
  expect(await page.locator('link[rel="alternate"][hreflang="x-default"]').getAttribute('href')).toMatch(/\/en\/$/);
}

describe('language switch', () => {
  it('moves between the English, German and French home pages', async () => {
    await page.goto(`${inject('siteUrl')}/en/`);
    await expectVersion('en');
    await page.click('.language-switcher a[hreflang="fr"]');
    await expectVersion('fr');
    expect(await page.locator('h1').first().textContent()).toContain('pipeline de leads qualifiés');
    // the site's own words come from src/messages/fr.ts
    expect(await page.locator('.skip-link').textContent()).toBe('Aller au contenu');
    await page.click('.language-switcher a[hreflang="de"]');
    await expectVersion('de');
    await page.click('.language-switcher a[hreflang="fr"]');
    await expectVersion('fr');
    await page.click('.language-switcher a[hreflang="en"]');
    await expectVersion('en');
  });

  it('links the French article to its other language versions only', async () => {
    await page.goto(`${inject('siteUrl')}/fr/insights/lead-scoring-auquel-les-commerciaux-croient/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.locator('link[rel="alternate"][hreflang="en"]').getAttribute('href')).toMatch(
      /\/en\/insights\/lead-scoring-that-sales-trusts\/$/,
    );
    await page.click('.language-switcher a[hreflang="en"]');
    await page.waitForURL(/\/en\/insights\/lead-scoring-that-sales-trusts\/$/);
  });
});
