/**
 * Issue 21 in the browser (Chromium under the production CSP): sign up for a topic on the site's
 * newsletter page, confirm from the email, then change topics in the preference centre reached by
 * the signed link of a newsletter it then gets.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { adminToken, api } from '../helpers/http';
import { auth } from '../helpers/content';
import { rows } from '../helpers/db';
import { eventually } from '../helpers/wait';
import { uniqueEmail } from '../helpers/leads';
import { fakeSendGrid } from '../fakes/sendgrid-client';

let browser: Browser;
let page: Page;
const problems: string[] = [];
const run = crypto.randomBytes(3).toString('hex');

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('pageerror', (error) => problems.push(error.message));
});

afterAll(async () => {
  await browser?.close();
});

async function topic(label: string) {
  const created = await api('/newsletter/topics', {
    method: 'POST',
    headers: auth(await adminToken()),
    json: { slug: `${label}-${run}`, locale: 'en', name: `${label} ${run}` },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.data as { id: number; slug: string; name: string };
}

const subscribedTopics = async (email: string) =>
  (
    await rows(
      `select t.slug from newsletter_subscriptions s join newsletter_topics t on t.id = s.topic_id
       join leads_contacts c on c.id = s.contact_id where c.email = $1 order by t.slug`,
      [email],
    )
  ).map((row) => row.slug);

describe('newsletter on the site', () => {
  it('signs up, confirms from the email and changes topics in the preference centre', async () => {
    const news = await topic('e2e-news');
    const events = await topic('e2e-events');
    const email = uniqueEmail('e2e-newsletter');

    await page.goto(`${inject('siteUrl')}/en/newsletter/`, { waitUntil: 'networkidle' });
    await page.getByLabel(news.name).check();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel(/I agree/).check();
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await page.getByTestId('newsletter-sent').waitFor();
    expect(await subscribedTopics(email)).toContain(news.slug);

    const message = await eventually(
      async () =>
        (await fakeSendGrid.to(email)).find((sent) => sent.body.custom_args?.template === 'confirm-subscription'),
      { what: 'the confirmation email' },
    );
    const text = message.body.content.find((part: any) => part.type === 'text/plain').value as string;
    const link = text.match(/https?:\/\/\S+\/en\/confirm-subscription\/\?token=\S+/)?.[0];
    expect(link).toBeTruthy();
    await page.goto(link!, { waitUntil: 'networkidle' });
    await page.getByRole('button').first().click();
    await eventually(
      async () =>
        (await rows(`select status from leads_contacts where email = $1`, [email]))[0]?.status === 'confirmed',
      { what: 'the contact to be confirmed' },
    );

    // a campaign to the topic: its email carries the reader's preference link (a SendGrid substitution)
    const token = await adminToken();
    const asAdmin = (path: string, json?: unknown) =>
      api(path, { method: json === undefined ? 'GET' : 'POST', json, headers: auth(token) });
    const segment = await asAdmin('/newsletter/segments', { name: `E2E ${run}`, filter: { topics: [news.slug] } });
    expect(segment.status, JSON.stringify(segment.body)).toBe(201);
    const campaign = await asAdmin('/newsletter/campaigns', {
      name: `E2E ${run}`,
      defaultLocale: 'en',
      segment: segment.body.data.id,
      variants: { en: { subject: `E2E ${run}`, blocks: [{ type: 'text', text: 'Hello.' }] } },
    });
    expect(campaign.status, JSON.stringify(campaign.body)).toBe(201);
    expect((await asAdmin(`/newsletter/campaigns/${campaign.body.data.id}/send`, {})).status).toBe(202);
    const personalization = await eventually(
      async () =>
        (await fakeSendGrid.to(email))
          .flatMap((sent) => sent.body.personalizations ?? [])
          .find((p: any) => p.custom_args?.newsletter_campaign === String(campaign.body.data.id)),
      { what: 'the campaign email' },
    );
    const preferencesUrl = String(personalization.substitutions['{{preferences_url}}']);
    expect(preferencesUrl).toMatch(/\/en\/newsletter\/preferences\/\?token=/);
    // the link as the email has it, on this test's site server
    const preferencesLink = new URL(preferencesUrl);
    await page.goto(`${inject('siteUrl')}${preferencesLink.pathname}${preferencesLink.search}`, {
      waitUntil: 'networkidle',
    });
    expect(page.url()).not.toContain('token=');
    await page.getByLabel(news.name).uncheck();
    await page.getByLabel(events.name).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    expect(await subscribedTopics(email)).toEqual([events.slug]);
    expect(problems).toEqual([]);
  });
});
