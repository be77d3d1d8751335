/**
 * The Webinars admin pages in Chromium: the webinar with its session and capacity bar, the
 * session page with the registrations, search and status filter, an attendance mark and the CSV
 * export, all against the real CMS.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { adminToken, api, clientIp } from '../helpers/http';
import { uniqueEmail } from '../helpers/leads';
import { eventually } from '../helpers/wait';
import { fakeSendGrid } from '../fakes/sendgrid-client';

let browser: Browser;
let page: Page;
const failures: string[] = [];
const suffix = crypto.randomBytes(3).toString('hex');
const title = `Admin E2E Webinar ${suffix}`;
const seated = uniqueEmail('admin-seated');
const waiting = uniqueEmail('admin-waiting');
let session = '';

beforeAll(async () => {
  const token = await adminToken();
  const asAdmin = (json: unknown) => ({
    method: 'POST',
    ip: clientIp(),
    headers: { Authorization: `Bearer ${token}` },
    json,
  });
  const created = await api('/webinars/webinars', asAdmin({ title, slug: `admin-e2e-${suffix}`, publish: true }));
  expect(created.status).toBe(201);
  const start = new Date(Date.now() + 7 * 24 * 3600_000);
  const made = await api(
    `/webinars/webinars/${created.body.data.documentId}/sessions`,
    asAdmin({
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 3600_000).toISOString(),
      timeZone: 'Europe/Berlin',
      capacity: 1,
    }),
  );
  expect(made.status).toBe(201);
  session = made.body.data.documentId;
  for (const [email, firstName] of [
    [seated, 'Grace'],
    [waiting, 'Linus'],
  ]) {
    const response = await api('/api/webinars/registrations', {
      method: 'POST',
      ip: clientIp(),
      json: { session, email, firstName, consent: { dataProcessing: true, textVersion: 'e2e' } },
    });
    expect(response.status).toBe(201);
  }

  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  page.on('response', (response) => {
    if (response.url().includes('/webinars/') && response.status() >= 400)
      failures.push(`${response.status()} ${response.url()}`);
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

describe('webinars admin', () => {
  it('lists the webinar with its session and a full capacity bar', async () => {
    await page.click('nav a[href$="/plugins/webinars"]');
    await page.getByRole('heading', { name: 'Webinars', level: 1 }).waitFor();
    await page.getByText(`${title} (en)`).waitFor();
    const meter = page.locator(`[role="meter"][aria-valuemax="1"][aria-valuenow="1"]`);
    expect(await meter.count()).toBeGreaterThan(0);
  });

  it('opens the session with its registrations, searches and filters them', async () => {
    await page.goto(`${inject('cmsUrl')}/admin/plugins/webinars/sessions/${session}`);
    await page.getByText('1 of 1 seats taken, 1 waiting').waitFor();
    await page.getByText(seated).waitFor();
    await page.getByText(waiting).waitFor();

    await page.getByLabel('Search', { exact: true }).fill(waiting.slice(0, 16));
    await page.getByLabel('Search', { exact: true }).press('Enter');
    await page.getByText(seated).waitFor({ state: 'detached' });
    expect(await page.getByText(waiting).count()).toBe(1);
  });

  it('marks the seated person as attended', async () => {
    await page.goto(`${inject('cmsUrl')}/admin/plugins/webinars/sessions/${session}`);
    const row = page.locator('tr', { hasText: seated });
    await row.getByRole('button', { name: 'Attended' }).click();
    await page.getByText('Attended: ').locator('strong', { hasText: '1' }).waitFor();
  });

  it('exports the registrations as CSV', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export registrations (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`webinar-session-${session}-registrations.csv`);
    const file = await download.path();
    const text = (await import('node:fs')).readFileSync(file!, 'utf8');
    expect(text.split('\n')[0]).toContain('email,firstName,lastName,company,status');
    expect(text).toContain(`${seated},Grace,,,attended`);
    expect(failures).toEqual([]);
  });

  it('lets a visitor leave the waitlist from the email link in the browser (CSP allows the form)', async () => {
    const [notice] = await eventually(
      async () => {
        const sent = (await fakeSendGrid.to(waiting)).filter(
          (message) => message.body.custom_args?.template === 'webinar-waitlisted',
        );
        return sent.length > 0 && sent;
      },
      { what: 'the waitlist email' },
    );
    const text = notice.body.content.find((part: any) => part.type === 'text/plain').value as string;
    const link = text.match(/https?:\/\/\S+\/api\/webinars\/registrations\/cancel\?token=\S+/)![0];
    const visitor = await browser.newPage();
    await visitor.goto(link);
    await visitor.getByRole('button', { name: 'Yes, cancel my registration' }).click();
    await visitor.getByText('is cancelled').waitFor();
    await visitor.close();
  });
});
