/**
 * The admin panel in a real browser: the seeded admin logs in, the Leads plugin's menu link and
 * pages load (proof that a workspace plugin's admin bundle is wired in), a contact captured
 * through the API shows up with its timeline, and the outbox page shows its counts.
 */
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { adminToken, api, clientIp } from '../helpers/http';
import { submission, uniqueEmail } from '../helpers/leads';

let browser: Browser;
let page: Page;
const pluginApiFailures: string[] = [];
const externalRequests = new Set<string>();

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  // Telemetry and the release check are switched off: the admin must not call anywhere but the CMS.
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== inject('cmsUrl') && url.protocol.startsWith('http')) externalRequests.add(url.origin);
  });
  page.on('response', (response) => {
    if ((response.url().includes('/leads/') || response.url().includes('/whitepapers/')) && response.status() >= 400)
      pluginApiFailures.push(`${response.status()} ${response.url()}`);
  });
  page.setDefaultTimeout(20_000);
});

afterAll(async () => {
  await browser?.close();
});

describe('admin panel', () => {
  it('logs the seeded admin in', async () => {
    await page.goto(`${inject('cmsUrl')}/admin/auth/login`);
    await page.fill('input[name="email"]', inject('adminEmail'));
    await page.fill('input[name="password"]', inject('adminPassword'));
    await page.click('button[type="submit"]');
    await page.waitForURL(/\/admin(\/)?$/);
  });

  it('lists a captured contact in the Leads plugin and opens its timeline', async () => {
    const email = uniqueEmail('admin-ui');
    const response = await api('/api/leads/submissions', {
      method: 'POST',
      ip: clientIp(),
      json: submission({ email, firstName: 'Ada', utm: { source: 'admin-e2e' } }),
    });
    expect(response.status).toBe(201);

    await page.click('nav a[href$="/plugins/leads"]');
    await page.waitForURL(/\/admin\/plugins\/leads/);
    await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
    // other tests write many contacts (some dated in the future, so ours is not on the first
    // page): open the list filtered by its search, which the list keeps in the URL (_q)
    await page.goto(`${inject('cmsUrl')}/admin/plugins/leads?_q=${encodeURIComponent(email)}`);
    await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
    await page.getByText(email).first().click();

    await page.waitForURL(/\/plugins\/leads\/contacts\//);
    await page.getByText('contact-form').first().waitFor();
    expect(await page.getByText('admin-e2e').count()).toBeGreaterThan(0);
  });

  it('shows the Odoo sync status page with a closed circuit and the field mapping', async () => {
    await page.goto(`${inject('cmsUrl')}/admin/plugins/odoo-sync`);
    await page.getByRole('heading', { name: 'Odoo sync', level: 1 }).waitFor();
    await page.getByText('Closed: requests go through').first().waitFor();
    expect(await page.getByText('crm.lead.tag_ids').count()).toBeGreaterThan(0);
  });

  it('lists whitepapers with their totals and opens the statistics of one', async () => {
    const token = await adminToken();
    const title = `E2E Paper ${Date.now()}`;
    const created = await api('/whitepapers/papers', {
      method: 'POST',
      ip: clientIp(),
      headers: { Authorization: `Bearer ${token}` },
      json: { title, slug: `e2e-paper-${Date.now()}`, gated: true, publish: true },
    });
    expect(created.status).toBe(201);
    await page.goto(`${inject('cmsUrl')}/admin/plugins/whitepapers`);
    await page.getByRole('heading', { name: 'Whitepapers', level: 1 }).waitFor();
    await page.getByText(title).first().click();
    await page.waitForURL(new RegExp(`/plugins/whitepapers/${created.body.data.documentId}`));
    await page.getByRole('heading', { name: 'Whitepaper requests and downloads', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Top sources' }).waitFor();
    expect(await page.getByRole('button', { name: 'Export leads (CSV)' }).count()).toBe(1);
  });

  it('shows the lead analytics dashboard, and the error page for a path no plugin page has', async () => {
    await page.goto(`${inject('cmsUrl')}/admin/plugins/analytics`);
    await page.getByRole('heading', { name: 'Lead analytics', level: 1 }).waitFor();
    await page.getByText('Funnel (contacts)').first().waitFor();
    await page.getByText('Top UTM sources').first().waitFor();

    await page.goto(`${inject('cmsUrl')}/admin/plugins/whitepapers/no/such/page`);
    await page.getByText('Whoops! Something went wrong').first().waitFor();
  });

  it('shows the outbox with its counts per status', async () => {
    await page.goto(`${inject('cmsUrl')}/admin/plugins/leads/outbox`);
    await page.getByRole('heading', { name: 'Outbox', level: 1 }).waitFor();
    expect(await page.getByText(/dead/i).count()).toBeGreaterThan(0);
    expect(pluginApiFailures).toEqual([]);
    expect([...externalRequests]).toEqual([]);
  });
});
