/**
 * The Content-Security-Policy of config/nginx/security-headers.conf against the built site:
 * every inline script's hash and every origin the pages load from is allowed, and pages served
 * with that policy (the test site sends it, placeholders set to this run's origins; so do all
 * other browser tests) hydrate their islands, send a form and load analytics after consent
 * without a violation.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { uniqueEmail } from '../helpers/leads';

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'site', 'dist');
const ANALYTICS_ORIGIN = 'https://analytics.magnetiq.test';

/** The policy of security-headers.conf as the test site sends it: placeholders set to this run's origins. */
function policy(): Map<string, string[]> {
  const conf = fs.readFileSync(path.join(ROOT, 'config', 'nginx', 'security-headers.conf'), 'utf8');
  const header = conf.match(/^add_header Content-Security-Policy "([^"]+)" always;$/m)?.[1];
  if (!header) throw new Error('no Content-Security-Policy in security-headers.conf');
  const text = header
    .replaceAll('https://cms.example.com', new URL(inject('cmsUrl')).origin)
    .replaceAll('https://analytics.example.com', ANALYTICS_ORIGIN);
  return new Map(
    text
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((tokens) => tokens[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

const headerOf = (directives: Map<string, string[]>) =>
  // plain http locally: upgrade-insecure-requests would send the CMS requests to https
  [...directives]
    .filter(([name]) => name !== 'upgrade-insecure-requests')
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');

const htmlFiles = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? htmlFiles(path.join(dir, entry.name))
        : entry.name.endsWith('.html')
          ? [path.join(dir, entry.name)]
          : [],
    );

const allows = (sources: string[], url: URL, siteOrigin: string) =>
  sources.includes(url.origin) ||
  (sources.includes("'self'") && url.origin === siteOrigin) ||
  (url.protocol === 'data:' && sources.includes('data:'));

describe('the CSP allows what the built pages use', () => {
  const pages = htmlFiles(DIST).map((file) => ({
    file: path.relative(DIST, file),
    html: fs.readFileSync(file, 'utf8'),
  }));
  const siteOrigin = new URL(inject('siteUrl')).origin;

  it('lists the hash of every inline script', () => {
    const scriptSrc = policy().get('script-src')!;
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    const missing = new Set<string>();
    for (const { html } of pages) {
      for (const [, attributes, code] of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
        if (attributes.includes('application/ld+json') || attributes.includes(' src=') || !code.trim()) continue;
        const hash = `'sha256-${crypto.createHash('sha256').update(code).digest('base64')}'`;
        if (!scriptSrc.includes(hash)) missing.add(hash);
      }
    }
    expect([...missing], 'add these to script-src in config/nginx/security-headers.conf').toEqual([]);
  });

  it('allows every script, stylesheet, image and form endpoint origin the pages name', () => {
    const directives = policy();
    const problems: string[] = [];
    const check = (directive: string, raw: string, file: string) => {
      const url = new URL(raw.replaceAll('&amp;', '&'), `${siteOrigin}/`);
      const sources = directives.get(directive) ?? directives.get('default-src')!;
      if (!allows(sources, url, siteOrigin)) problems.push(`${file}: ${directive} ${url.origin}`);
    };
    for (const { file, html } of pages) {
      for (const [, src] of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) check('script-src', src, file);
      for (const [, src] of html.matchAll(/(?:component-url|renderer-url)="([^"]+)"/g)) check('script-src', src, file);
      for (const [, src] of html.matchAll(/data-analytics="([^"]+)"/g)) check('script-src', src, file);
      for (const [, href] of html.matchAll(/<link[^>]*rel="(?:stylesheet|modulepreload)"[^>]*href="([^"]+)"/g))
        check('style-src', href, file);
      for (const [, src] of html.matchAll(/<img[^>]*\ssrc="([^"]+)"/g)) check('img-src', src, file);
      for (const [, srcset] of html.matchAll(/\ssrcset="([^"]+)"/g))
        for (const candidate of srcset.split(',')) check('img-src', candidate.trim().split(/\s+/)[0], file);
      // the islands post to the CMS named in their props
      for (const [, cmsUrl] of html.matchAll(/&quot;cmsUrl&quot;:\[0,&quot;([^&]+)&quot;\]/g))
        check('connect-src', cmsUrl, file);
    }
    expect(problems).toEqual([]);
    expect(
      pages.some(({ html }) => html.includes('/uploads/')),
      'the build has CMS images to check',
    ).toBe(true);
  });
});

describe('pages in Chromium under the CSP', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const violations: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext();
    await context.route(`${ANALYTICS_ORIGIN}/**`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', body: 'window.__analyticsLoaded = true;' }),
    );
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        ((window as any).__violations ??= []).push(`${event.effectiveDirective} ${event.blockedURI}`);
      });
    });
    page = await context.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('is the policy the test site sends (the global setup serves config/nginx headers)', async () => {
    const response = await fetch(`${inject('siteUrl')}/en/`);
    expect(response.headers.get('content-security-policy')).toBe(headerOf(policy()));
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('renders pages with CMS images, hydrates the contact form and sends it, loads analytics after consent', async () => {
    for (const target of ['/en/', '/de/', '/en/insights/lead-scoring-that-sales-trusts/']) {
      await page.goto(`${inject('siteUrl')}${target}`, { waitUntil: 'networkidle' });
      expect(await page.evaluate(() => (window as any).__violations ?? []), target).toEqual([]);
    }
    expect(await page.locator('img[src*="/uploads/"]').count()).toBeGreaterThan(0);

    await page.goto(`${inject('siteUrl')}/en/contact/`);
    // the contact page also embeds the booking widget (its own form and status lines): this is the contact form
    const contact = page.locator('.contact-form');
    // below the booking widget: its island hydrates when scrolled into view (client:visible)
    await contact.scrollIntoViewIfNeeded();
    await contact.locator('form button[type="submit"]:enabled').waitFor();
    await contact.locator('input[name="email"]').fill(uniqueEmail('csp'));
    await contact.locator('textarea[name="message"]').fill('Sent under the production CSP.');
    await contact.locator('input[name="dataProcessing"]').check();
    await contact.locator('form button[type="submit"]').click();
    await contact.locator('[role="status"], [role="alert"]').first().waitFor();
    expect(
      await contact.locator('[role="alert"]').count(),
      await contact.locator('[role="alert"]').allTextContents().then(String),
    ).toBe(0);

    await page.getByRole('button', { name: 'Accept analytics' }).click();
    await expect.poll(() => page.evaluate(() => (window as any).__analyticsLoaded === true)).toBe(true);
    expect(await page.evaluate(() => (window as any).__violations ?? [])).toEqual([]);
    expect(violations).toEqual([]);
  }, 90_000);
});
