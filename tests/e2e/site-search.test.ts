/**
 * Site search (Pagefind, built with the site): a word that occurs in one seeded article finds that
 * article on the search page of its locale, in English and German; the type filter narrows the
 * results; each locale searches only its own pages; content pages load no search code.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import seedContent from '../../database/seed/content.json';

const [article] = seedContent.articles as Array<Record<'en' | 'de', { title: string; slug: string }>>;
// words from the body of the first seeded article ("the last fifty deals you won")
const WORDS = { en: 'fifty', de: 'fünfzig' } as const;

let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
});

afterAll(async () => {
  await browser?.close();
});

/** The status line once the search has answered (it says "Searching…" while it runs). */
const finalStatus = () =>
  expect.poll(
    async () => (await page.locator('[data-search-status]').textContent())?.replace(/^(Searching|Suche läuft)…$/, ''),
    {
      timeout: 10_000,
    },
  );

const resultLinks = () =>
  page.locator('.search-result h2 a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));

describe('site search', () => {
  for (const lang of ['en', 'de'] as const) {
    it(`finds the article with a word from its text (${lang})`, async () => {
      const articlePath = `/${lang}/insights/${article![lang].slug}/`;
      await page.goto(`${inject('siteUrl')}/${lang}/search/`);
      await page.locator('input[name="q"]').fill(WORDS[lang]);
      await page.locator('.search-form button[type="submit"]').click();
      await page.locator('.search-result').first().waitFor({ timeout: 10_000 });

      expect(await resultLinks()).toEqual([articlePath]);
      expect(await page.locator('.search-result h2').first().textContent()).toBe(article![lang].title);
      expect(await page.locator('.search-result mark').first().textContent()).toBe(WORDS[lang]);
      expect(await page.locator('.search-result .badge').first().textContent()).toBe(
        lang === 'en' ? 'Articles' : 'Artikel',
      );
      expect(await page.locator('[data-search-status]').textContent()).toBe(lang === 'en' ? '1 result' : '1 Treffer');
      // the query is in the address, so a result list can be linked and reloaded
      expect(new URL(page.url()).searchParams.get('q')).toBe(WORDS[lang]);
      expect(consoleErrors).toEqual([]);
    });
  }

  it('narrows the results by type and keeps them when the page is opened with the query', async () => {
    await page.goto(`${inject('siteUrl')}/en/search/?q=${WORDS.en}&type=webinar`);
    await finalStatus().toBe('Nothing found. Try another word.');
    expect(await page.locator('input[name="type"][value="webinar"]').isChecked()).toBe(true);

    await page.locator('label.chip', { hasText: 'Articles' }).click();
    await page.locator('.search-result').first().waitFor();
    expect(await resultLinks()).toEqual([`/en/insights/${article!.en.slug}/`]);
    expect(new URL(page.url()).searchParams.get('type')).toBe('article');
  });

  it("searches only the page's own locale", async () => {
    await page.goto(`${inject('siteUrl')}/de/search/?q=${WORDS.en}`);
    await finalStatus().toBe('Nichts gefunden. Versuchen Sie ein anderes Wort.');
    expect(await page.locator('.search-result').count()).toBe(0);
    // the German word of the same article is found there (the index of the page's language)
    await page.goto(`${inject('siteUrl')}/de/search/?q=${WORDS.de}`);
    await finalStatus().toBe('1 Treffer');
  });

  it('indexes pages, webinars and whitepapers too, each under its type', async () => {
    const found: Record<string, string[]> = {};
    for (const [type, word] of [
      ['page', 'story'],
      ['webinar', 'webinar'],
      ['whitepaper', 'playbook'],
    ]) {
      await page.goto(`${inject('siteUrl')}/en/search/?q=${word}&type=${type}`);
      await page.locator('.search-result').first().waitFor({ timeout: 10_000 });
      found[type!] = await resultLinks().then((links) => links.map(String));
    }
    expect(found.page).toContain('/en/about/');
    expect(found.webinar!.every((link) => link.startsWith('/en/webinars/'))).toBe(true);
    expect(found.whitepaper).toContain('/en/whitepapers/b2b-lead-generation-playbook/');
  });

  it('loads no search code on content pages', async () => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script' || request.url().includes('/pagefind/')) scripts.push(request.url());
    });
    await page.goto(`${inject('siteUrl')}/en/insights/${article!.en.slug}/`, { waitUntil: 'networkidle' });
    expect(scripts.filter((url) => url.includes('pagefind') || url.includes('search'))).toEqual([]);
  });
});
