/**
 * The Newsletter admin pages in Chromium, as an Editor: a segment over this file's own topic with
 * its live count from the server, then a campaign to that segment, which shows up in the list
 * with its counts (no request per campaign). Then, as Sales, the leads contact page shows the
 * campaign the contact got (the newsletter's lines in the leads timeline).
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { adminSession } from '../helpers/admin-browser';
import { adminUser } from '../helpers/admin-users';
import { adminToken, api, clientIp } from '../helpers/http';
import { auth } from '../helpers/content';
import { rows } from '../helpers/db';
import { eventually } from '../helpers/wait';

const run = crypto.randomBytes(3).toString('hex');
const topicSlug = `admin-e2e-${run}`;
const segmentName = `E2E segment ${run}`;
const campaignName = `E2E campaign ${run}`;
let browser: Browser;
/** one of the three subscribers: Sales opens their contact page */
let subscriber = '';
let page: Page;
const failures: string[] = [];
/** requests for one campaign's statistics: the list must not make one per row */
const statsRequests: string[] = [];

beforeAll(async () => {
  const created = await api('/newsletter/topics', {
    method: 'POST',
    headers: auth(await adminToken()),
    json: { slug: topicSlug, locale: 'en', name: `Admin E2E ${run}` },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  // three confirmed subscribers of this file's topic: the segment below counts exactly them
  const contacts = await rows<{ id: number; document_id: string }>(
    `insert into leads_contacts (document_id, email, status, confirmed_at, language, created_at, updated_at, published_at)
     select 'nl' || substr(md5(random()::text || i::text), 1, 22), $1 || '-' || i || '@example.com', 'confirmed', now(), 'en', now(), now(), now()
     from generate_series(1, 3) as i
     returning id, document_id`,
    [`nl-admin-e2e-${run}`],
  );
  subscriber = contacts[0].document_id;
  await rows(`insert into newsletter_subscriptions (contact_id, topic_id) select unnest($1::int[]), $2`, [
    contacts.map((contact) => contact.id),
    created.body.data.id,
  ]);

  const editor = await adminUser('Editor');
  browser = await launchBrowser();
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    extraHTTPHeaders: { 'X-Forwarded-For': clientIp() },
  });
  page = await context.newPage();
  page.on('request', (request) => {
    if (/\/newsletter\/campaigns\/\d+\/stats/.test(new URL(request.url()).pathname)) statsRequests.push(request.url());
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && new URL(response.url()).pathname.startsWith('/newsletter/'))
      failures.push(`${response.status()} ${response.url()}`);
  });
  page.setDefaultTimeout(20_000);
  await page.goto(`${inject('cmsUrl')}/admin/auth/login`);
  await page.fill('input[name="email"]', editor.email);
  await page.fill('input[name="password"]', editor.password);
  await page.click('button[type="submit"]');
  await page.waitForURL(/\/admin(\/)?$/);
});

afterAll(async () => {
  await browser?.close();
});

describe('newsletter admin', () => {
  it('lets an Editor create a segment and shows its live count', async () => {
    await page.click('nav a[href$="/plugins/newsletter"]');
    await page.getByRole('heading', { name: 'Newsletter', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Segments', exact: true }).click();
    await page.getByRole('heading', { name: 'Segments', level: 1 }).waitFor();

    await page.getByLabel('Name').fill(segmentName);
    // topics are chosen from the known ones (no free text): the segment options route lists this file's topic
    await page.getByRole('combobox', { name: 'Topics' }).click();
    await page.getByRole('option', { name: `Admin E2E ${run} (en)` }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('status').filter({ hasText: '3 subscribers match' }).waitFor();
    await page.getByRole('button', { name: 'Save segment' }).click();
    const row = page.locator('tr', { hasText: segmentName });
    await row.getByText('3', { exact: true }).waitFor();
  });

  it('lets an Editor compose a campaign to the segment and lists it', async () => {
    await page.getByRole('link', { name: 'Campaigns', exact: true }).click();
    await page.getByRole('link', { name: 'New campaign' }).click();
    await page.getByRole('heading', { name: 'New campaign', level: 1 }).waitFor();

    await page.getByLabel('Name').fill(campaignName);
    await page.getByRole('combobox', { name: 'Segment' }).click();
    await page.getByRole('option', { name: segmentName }).click();
    await page.getByLabel('Subject (en)').fill(`Hello ${run}`);
    await page.getByLabel(/^Text/).fill('News from the admin test.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForURL(/\/plugins\/newsletter\/campaigns\/\d+$/);
    // the saved campaign's audience is the segment's three subscribers
    await page.getByText('Its segment has 3 subscribers now.').waitFor();

    statsRequests.length = 0;
    await page.getByRole('link', { name: 'Campaigns', exact: true }).click();
    const row = page.locator('tr', { hasText: campaignName });
    await row.getByText('Draft').waitFor();
    // the counts come with the list (a draft: 0 recipients), not from a request per campaign
    await row.getByText('0', { exact: true }).first().waitFor();
    expect(statsRequests).toEqual([]);
    expect(failures).toEqual([]);
  });

  it('shows Sales the campaigns a contact got in the leads contact timeline', async () => {
    // a campaign sent to this file's topic (through the API: the editor's pages are covered above)
    const token = await adminToken();
    const asAdmin = (path: string, json?: unknown) =>
      api(path, { method: json === undefined ? 'GET' : 'POST', json, headers: auth(token) });
    const segment = await asAdmin('/newsletter/segments', { name: `Timeline ${run}`, filter: { topics: [topicSlug] } });
    expect(segment.status, JSON.stringify(segment.body)).toBe(201);
    const name = `Timeline campaign ${run}`;
    const campaign = await asAdmin('/newsletter/campaigns', {
      name,
      defaultLocale: 'en',
      segment: segment.body.data.id,
      variants: { en: { subject: name, blocks: [{ type: 'text', text: 'For the timeline.' }] } },
    });
    expect(campaign.status, JSON.stringify(campaign.body)).toBe(201);
    expect((await asAdmin(`/newsletter/campaigns/${campaign.body.data.id}/send`, {})).status).toBe(202);
    await eventually(
      async () => (await asAdmin(`/newsletter/campaigns/${campaign.body.data.id}`)).body.data.status === 'sent',
      {
        what: 'the campaign to be sent',
      },
    );

    const { context, page: salesPage } = await adminSession(browser, await adminUser('Sales'));
    await salesPage.goto(`${inject('cmsUrl')}/admin/plugins/leads/contacts/${subscriber}`);
    const line = salesPage.locator('tr', { hasText: name });
    await line.getByText('newsletter-sent').waitFor();
    await context.close();
  });
});
