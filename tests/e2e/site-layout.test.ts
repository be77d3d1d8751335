/**
 * The design holds on a phone and a desktop: the page types people land on (home, article,
 * webinar, booking, whitepaper, search) in English and German at 375 px and 1280 px, with their
 * islands hydrated, have no horizontal overflow and no overlapping elements. Every page is saved
 * as a full-page screenshot under .data/screenshots/ (gitignored; CI keeps them as artifacts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { layoutProblems, scrollThrough } from '../helpers/layout';
import { DATA_DIR } from '../../scripts/lib/paths.mjs';
import seedContent from '../../database/seed/content.json';

const SCREENSHOTS = path.join(DATA_DIR, 'screenshots');
const WIDTHS = [375, 1280] as const;
const [article] = seedContent.articles as Array<Record<'en' | 'de', { slug: string }>>;
const [webinar] = seedContent.webinars as unknown as Array<Record<'en' | 'de', { slug: string }>>;
const [paper] = seedContent.whitepapers as unknown as Array<Record<'en' | 'de', { slug: string }>>;

const PAGES = (lang: 'en' | 'de') => ({
  home: `/${lang}/`,
  article: `/${lang}/insights/${article![lang].slug}/`,
  webinar: `/${lang}/webinars/${webinar![lang].slug}/`,
  booking: `/${lang}/booking/discovery-call/`,
  whitepaper: `/${lang}/whitepapers/${paper![lang].slug}/`,
  // with a query, so the results list is part of the layout
  search: `/${lang}/search/?q=${lang === 'en' ? 'lead' : 'Lead'}`,
});

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

describe.each(WIDTHS)('the site at %i px', (width) => {
  let context: BrowserContext;

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
    // the visitor has answered the cookie banner (a fixed bar would cover the bottom of every shot)
    const page = await context.newPage();
    await page.goto(`${inject('siteUrl')}/en/`);
    await page.locator('#cookie-consent [data-choice="rejected"]').click();
    await page.close();
  });

  afterAll(async () => {
    await context?.close();
  });

  for (const lang of ['en', 'de'] as const) {
    for (const [name, pagePath] of Object.entries(PAGES(lang))) {
      it(`${lang} ${name}: no horizontal overflow, no overlapping elements`, async () => {
        const page = await context.newPage();
        try {
          const response = await page.goto(`${inject('siteUrl')}${pagePath}`, { waitUntil: 'networkidle' });
          expect(response?.status(), pagePath).toBe(200);
          await scrollThrough(page);
          await page.waitForLoadState('networkidle');
          if (name === 'booking') await page.locator('.day-list button').first().waitFor();
          if (name === 'search') await page.locator('.search-result').first().waitFor();
          await page.screenshot({ path: path.join(SCREENSHOTS, `${lang}-${name}-${width}.png`), fullPage: true });
          expect(await layoutProblems(page), `${pagePath} at ${width}px`).toEqual([]);
        } finally {
          await page.close();
        }
      });
    }
  }
});
