/**
 * Issue 17, item 2: the links in emails open a page on the site with one button; only the click
 * (a POST to the CMS) confirms or unsubscribes. Chromium under the production CSP, as a visitor.
 */
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { signToken } from '@magnetiq/plugin-kit/server';
import { launchBrowser } from '../helpers/browser';
import { api, clientIp } from '../helpers/http';
import { rows } from '../helpers/db';
import { eventually } from '../helpers/wait';
import { submission, uniqueEmail } from '../helpers/leads';
import { fakeSendGrid } from '../fakes/sendgrid-client';

let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
});

afterAll(async () => {
  await browser?.close();
});

const contactOf = async (email: string) =>
  (await rows(`select id, document_id, status, confirmed_at from leads_contacts where email = $1`, [email]))[0];

describe('email links in the browser', () => {
  it('the confirmation link opens a page that confirms nothing until the visitor presses its button', async () => {
    const email = uniqueEmail('e2e-optin');
    const submitted = await api('/api/leads/submissions', {
      method: 'POST',
      ip: clientIp(),
      json: submission({
        email,
        locale: 'de',
        consent: { dataProcessing: true, marketingEmail: true, textVersion: 'v2' },
      }),
    });
    expect(submitted.status).toBe(201);
    const message = await eventually(
      async () =>
        (await fakeSendGrid.to(email)).find((sent) => sent.body.custom_args?.template === 'confirm-subscription'),
      { what: 'the confirmation email' },
    );
    const text = message.body.content.find((part: any) => part.type === 'text/plain').value as string;
    const link = text.match(/https?:\/\/\S+\/de\/confirm-subscription\/\?token=\S+/)?.[0];
    expect(link).toBeTruthy();

    await page.goto(link!, { waitUntil: 'networkidle' });
    expect(await page.locator('h1').textContent()).toBe('Abonnement bestätigen');
    const button = page.getByRole('button', { name: 'Abonnement bestätigen' });
    await button.waitFor();
    // the token left the address bar; opening the page confirmed nothing
    expect(page.url()).not.toContain('token=');
    expect(await contactOf(email)).toMatchObject({ status: 'new', confirmed_at: null });

    await button.click();
    await page.getByRole('status').getByText('Anmeldung bestätigt').waitFor();
    expect((await contactOf(email)).status).toBe('confirmed');
    expect(problems).toEqual([]);
  });

  it('the unsubscribe page unsubscribes on the click only', async () => {
    const email = uniqueEmail('e2e-unsub');
    await api('/api/leads/submissions', {
      method: 'POST',
      ip: clientIp(),
      json: submission({ email, consent: { dataProcessing: true, marketingEmail: true, textVersion: 'v2' } }),
    });
    const contact = await contactOf(email);
    await rows(`update leads_contacts set status = 'confirmed', confirmed_at = now() where id = $1`, [contact.id]);
    const token = signToken({ purpose: 'unsubscribe', subject: contact.document_id }, inject('leadsTokenSecret'));

    // the List-Unsubscribe link opened in a browser: the CMS sends it to the site's page
    await page.goto(`${inject('cmsUrl')}/api/leads/unsubscribe?token=${encodeURIComponent(token)}`, {
      waitUntil: 'networkidle',
    });
    expect(new URL(page.url()).pathname).toBe('/en/unsubscribe/');
    const button = page.getByRole('button', { name: 'Unsubscribe' });
    await button.waitFor();
    expect((await contactOf(email)).status).toBe('confirmed');

    await button.click();
    await page.getByRole('status').getByText('You are unsubscribed').waitFor();
    expect((await contactOf(email)).status).toBe('unsubscribed');
    expect(problems).toEqual([]);
  });

  it('says so when the page is opened without a token', async () => {
    await page.goto(`${inject('siteUrl')}/en/confirm-subscription/`, { waitUntil: 'networkidle' });
    expect(await page.getByRole('alert').textContent()).toBe('This page needs the link from your email.');
    expect(await page.getByRole('button', { name: 'Confirm my subscription' }).count()).toBe(0);
  });
});
