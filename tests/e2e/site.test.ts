/**
 * The built site in a real browser against the running CMS: pages render with their SEO head,
 * content comes from the seeded CMS (database/seed/content.json), and the contact form island
 * posts a lead that lands in the database.
 */
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { rows } from '../helpers/db';
import { eventually } from '../helpers/wait';
import { uniqueEmail } from '../helpers/leads';
import seedContent from '../../database/seed/content.json';

const SEEDED_ARTICLES = seedContent.articles as Array<Record<'en' | 'de', { title: string; slug: string }>>;

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
    if (response.status() >= 400 && response.request().resourceType() !== 'document')
      failedRequests.push(`${response.status()} ${response.url()}`);
  });
});

afterAll(async () => {
  await browser?.close();
});

/** The page's JSON-LD object of one schema.org type. */
async function jsonLd(type: string): Promise<Record<string, unknown>> {
  const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
  const found = scripts.map((text) => JSON.parse(text)).find((data) => data['@type'] === type);
  expect(found, `JSON-LD of type ${type}`).toBeTruthy();
  return found;
}

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
    // the page also embeds the booking widget with a form of its own: this is the contact form
    const form = page.locator('.contact-form');
    // below the booking widget: its island hydrates when scrolled into view (client:visible)
    await form.scrollIntoViewIfNeeded();
    await form.locator('button[type="submit"]:enabled').waitFor();
    await form.locator('input[name="email"]').fill(email);
    await form.locator('input[name="firstName"]').fill('Jürgen');
    await form.locator('input[name="company"]').fill('Beispiel GmbH');
    await form.locator('textarea[name="message"]').fill('Bitte rufen Sie mich an.');
    await form.locator('input[name="dataProcessing"]').check();
    await form.locator('button[type="submit"]').click();

    await form.locator('[role="status"]').waitFor({ timeout: 10_000 });
    expect(await form.locator('[role="status"]').textContent()).toContain('Vielen Dank');

    const [contact] = await eventually(
      async () => {
        const found = await rows(`select * from leads_contacts where email = $1`, [email]);
        return found.length > 0 && found;
      },
      { what: 'the contact row' },
    );
    expect(contact).toMatchObject({ first_name: 'Jürgen', company: 'Beispiel GmbH', language: 'de' });
    const [activity] = await rows(
      `select a.* from leads_activities a join leads_activities_contact_lnk l on l.activity_id = a.id where l.contact_id = $1`,
      [contact.id],
    );
    expect(activity).toMatchObject({ type: 'contact-form', utm_source: 'e2e', utm_campaign: 'launch' });
    expect(activity.landing_page).toContain('/de/contact/');
    expect(consoleErrors).toEqual([]);
    expect(failedRequests).toEqual([]);
  });

  it('renders the home page sections from the CMS in English and German', async () => {
    await page.goto(`${inject('siteUrl')}/en/`);
    expect(await page.locator('h1').textContent()).toBe('Turn your website into a pipeline of qualified leads');
    expect(await page.locator('.feature-grid h2').textContent()).toBe(
      'Everything between first visit and first meeting',
    );
    expect(await page.locator('.feature-grid li.feature').count()).toBe(6);
    expect(await page.locator('.testimonial blockquote').textContent()).toContain(
      'We replaced four tools with Magnetiq',
    );
    expect(await page.locator('.faq summary').allTextContents()).toContain('Do I need to replace my CRM?');
    expect(await page.locator('.logo-cloud img').count()).toBe(5);
    // a logo wall, not a bulleted list: list-style-type none is what leaves each ::marker empty (it was "disc")
    const listStyles = await page
      .locator('.logo-cloud li')
      .evaluateAll((items) => items.map((item) => getComputedStyle(item).listStyleType));
    expect(listStyles).toEqual(Array(5).fill('none'));
    expect(await page.title()).toBe('Magnetiq: turn your website into a pipeline | Magnetiq');
    expect(await page.locator('header nav a').allTextContents()).toEqual(
      expect.arrayContaining(['Insights', 'About', 'Contact']),
    );
    expect(await page.locator('footer').textContent()).toContain('Imprint');
    const organization = await jsonLd('Organization');
    expect(organization).toMatchObject({ name: 'Magnetiq' });

    await page.goto(`${inject('siteUrl')}/de/`);
    expect(await page.locator('h1').textContent()).toBe('Machen Sie Ihre Website zur Pipeline qualifizierter Leads');
    expect(await page.locator('.faq summary').allTextContents()).toContain('Muss ich mein CRM ersetzen?');
    expect(await page.locator('meta[name="description"]').getAttribute('content')).toContain(
      'Webinare, Whitepaper, Terminbuchung',
    );
    expect(await page.locator('header nav a').allTextContents()).toEqual(
      expect.arrayContaining(['Über uns', 'Kontakt']),
    );
  });

  it('keeps the page when switching the language', async () => {
    await page.goto(`${inject('siteUrl')}/en/about/`);
    expect(await page.locator('h1').textContent()).toBe('We build lead generation you own');
    expect(await page.locator('.rich-text h2').first().textContent()).toBe('Our story');
    expect(await page.locator('link[rel="alternate"][hreflang="de"]').getAttribute('href')).toMatch(
      /\/de\/ueber-uns\/$/,
    );
    await page.click('a[hreflang="de"]');
    await page.waitForURL(/\/de\/ueber-uns\/$/);
    expect(await page.locator('h1').textContent()).toBe('Leadgenerierung, die Ihnen gehört');

    await page.goto(`${inject('siteUrl')}/de/insights/lead-scoring-dem-der-vertrieb-vertraut/`);
    await page.click('a[hreflang="en"]');
    await page.waitForURL(/\/en\/insights\/lead-scoring-that-sales-trusts\/$/);
  });

  it('renders an article with its author and Article JSON-LD', async () => {
    await page.goto(`${inject('siteUrl')}/en/insights/lead-scoring-that-sales-trusts/`);
    expect(await page.locator('h1').textContent()).toBe('Lead scoring that sales trusts: five rules');
    expect(await page.locator('.article .author').textContent()).toContain('Jonas Becker');
    expect(await page.locator('.article h2').first().textContent()).toBe('Start from closed deals');
    expect(await page.locator('meta[property="og:type"]').getAttribute('content')).toBe('article');
    const cover = page.locator('.article > img').first();
    expect(await cover.getAttribute('width')).toBeTruthy();
    expect(await cover.getAttribute('src')).toContain('/uploads/');
    const article = await jsonLd('Article');
    expect(article).toMatchObject({
      headline: 'Lead scoring that sales trusts: five rules',
      author: { '@type': 'Person', name: 'Jonas Becker' },
      datePublished: '2026-09-02',
    });
    const breadcrumbs = await jsonLd('BreadcrumbList');
    expect((breadcrumbs.itemListElement as unknown[]).length).toBe(4);
  });

  it('lists the six seeded articles on the insights index and by category', async () => {
    // other test files publish articles of their own and rebuild the site: look at the seeded ones
    const seededTitles = (lang: 'en' | 'de') => SEEDED_ARTICLES.map((article) => article[lang].title);
    await page.goto(`${inject('siteUrl')}/en/insights/`);
    const titles = (await page.locator('.article-card h2').allTextContents()).filter((title) =>
      seededTitles('en').includes(title),
    );
    expect(titles).toHaveLength(6);
    expect(titles[0]).toBe('CRM hygiene: one contact, one truth'); // newest first
    expect(titles).toContain('Lead scoring that sales trusts: five rules');
    await page.goto(`${inject('siteUrl')}/de/insights/`);
    const germanTitles = await page.locator('.article-card h2').allTextContents();
    expect(germanTitles.filter((title) => seededTitles('de').includes(title))).toHaveLength(6);
    await page.goto(`${inject('siteUrl')}/en/insights/category/marketing-operations/`);
    expect(await page.locator('.article-card h2').allTextContents()).toContain(
      'Lead scoring that sales trusts: five rules',
    );
  });

  it('publishes sitemap.xml with pages and articles in both locales, robots.txt and RSS', async () => {
    const sitemap = await (await fetch(`${inject('siteUrl')}/sitemap.xml`)).text();
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]).pathname);
    expect(locs).toEqual(
      expect.arrayContaining([
        '/en/',
        '/de/',
        '/en/about/',
        '/de/ueber-uns/',
        '/en/insights/',
        '/de/insights/',
        '/en/insights/lead-scoring-that-sales-trusts/',
        '/de/insights/lead-scoring-dem-der-vertrieb-vertraut/',
      ]),
    );
    const seededPaths = SEEDED_ARTICLES.flatMap((article) => [
      `/en/insights/${article.en.slug}/`,
      `/de/insights/${article.de.slug}/`,
    ]);
    expect(locs.filter((path) => seededPaths.includes(path))).toHaveLength(12);
    const robots = await (await fetch(`${inject('siteUrl')}/robots.txt`)).text();
    expect(robots).toMatch(/^Sitemap: .*\/sitemap\.xml$/m);
    const rss = await (await fetch(`${inject('siteUrl')}/de/rss.xml`)).text();
    expect(rss).toContain('Lead-Scoring, dem der Vertrieb vertraut');
    const rssTitles = [...rss.matchAll(/<item>\s*<title>(?:<!\[CDATA\[)?([^<\]]+)/g)].map((match) => match[1]);
    expect(rssTitles.filter((title) => SEEDED_ARTICLES.some((article) => article.de.title === title))).toHaveLength(6);
  });

  it('embeds the contact form island in the CMS contact page and links plugin sections', async () => {
    await page.goto(`${inject('siteUrl')}/de/kontakt/`);
    expect(await page.locator('.contact-form h2').textContent()).toBe('Schreiben Sie uns');
    await page.locator('.contact-form input[name="email"]').waitFor();
    expect(await page.locator('[data-embed="booking-widget"] h2').textContent()).toBe('Demo buchen');
    // the seeded meeting type itself (the island), not the fallback link to another type's page
    expect(await page.locator('[data-embed="booking-widget"] astro-island').count()).toBe(1);
    // the seeded paper's own page (the whitepaper list only when the named paper is not published)
    const teaser = await page.locator('[data-embed="whitepaper-teaser"] a').getAttribute('href');
    expect(teaser).toBe('/de/whitepapers/b2b-lead-generation-playbook/');
    expect((await page.request.get(`${inject('siteUrl')}${teaser}`)).status()).toBe(200);
    // the campaign address /de/contact/ shows the same page and names /de/kontakt/ as canonical
    await page.goto(`${inject('siteUrl')}/de/contact/`);
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toMatch(/\/de\/kontakt\/$/);
  });

  it('answers an unknown article with the 404 page', async () => {
    const response = await page.goto(`${inject('siteUrl')}/en/insights/no-such-article/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
  });

  it('shows the confirmation page a browser lands on after the double opt-in link', async () => {
    await page.goto(`${inject('siteUrl')}/en/subscription-confirmed/`);
    expect(await page.locator('h1').textContent()).toBe('Subscription confirmed');
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
  });

  it('loads the CMS-driven pages without failed requests or console errors', async () => {
    for (const path of [
      '/en/',
      '/de/',
      '/en/about/',
      '/en/insights/',
      '/de/insights/lead-scoring-dem-der-vertrieb-vertraut/',
    ]) {
      await page.goto(`${inject('siteUrl')}${path}`, { waitUntil: 'networkidle' });
    }
    expect(consoleErrors).toEqual([]);
    expect(failedRequests).toEqual([]);
  });

  it('resolves every footer link of the seeded site in both locales', async () => {
    for (const lang of ['en', 'de']) {
      await page.goto(`${inject('siteUrl')}/${lang}/`);
      const hrefs = await page
        .locator('footer a[href^="/"]')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) {
        const response = await page.request.get(`${inject('siteUrl')}${href}`);
        expect(response.status(), href!).toBe(200);
      }
    }
  });
});
