/**
 * The newsletter settings page in Chromium. An Admin sets the postal address every campaign
 * carries, looks up an address SendGrid bounced and lifts its suppression (the address is typed
 * into a form and sent in a POST body). An Editor sees no Settings link and cannot open the page.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { adminSession } from '../helpers/admin-browser';
import { adminUser } from '../helpers/admin-users';
import { adminToken, api } from '../helpers/http';
import { auth } from '../helpers/content';
import { rows } from '../helpers/db';
import { deriveKey, keyedHash } from '../../packages/plugin-kit/server/tokens';

const run = crypto.randomBytes(3).toString('hex');
const bounced = `bounced-${run}@example.com`;
const address = `Magnetiq GmbH, Settings Test ${run}, 10115 Berlin, Germany`;
/** the suppression list keeps a keyed hash of the address, with the newsletter's link key */
const hashOf = (email: string) =>
  keyedHash(email.trim().toLowerCase(), deriveKey(inject('leadsTokenSecret'), 'magnetiq:newsletter-links'));

let browser: Browser;
let previousAddress = '';

const settings = async () =>
  api('/newsletter/settings', { headers: auth(await adminToken()) }).then((response) => response.body.data);

/** the links between the newsletter's pages (Strapi's own menu has a Settings link too) */
const pluginNav = (page: Page) => page.getByRole('navigation', { name: 'Newsletter pages' });

beforeAll(async () => {
  previousAddress = (await settings()).physicalAddress;
  await rows(
    `insert into newsletter_suppressions (email_hash, scope, reason, kind) values ($1, 'all', 'bounce', 'delivery')`,
    [hashOf(bounced)],
  );
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await api('/newsletter/settings', {
    method: 'PUT',
    headers: auth(await adminToken()),
    json: { physicalAddress: previousAddress },
  });
  await rows(`delete from newsletter_suppressions where email_hash = $1`, [hashOf(bounced)]);
});

describe('newsletter settings', () => {
  it('lets an Admin set the postal address and lift a bounced address’s suppression', async () => {
    const { context, page } = await adminSession(browser, await adminUser('Admin'));
    const failures: string[] = [];
    const lookups: string[] = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (response.status() >= 400 && url.pathname.startsWith('/newsletter/'))
        failures.push(`${response.status()} ${url.pathname}`);
    });
    page.on('request', (request) => {
      if (request.url().includes('/newsletter/suppressions')) lookups.push(request.url());
    });

    await page.click('nav a[href$="/plugins/newsletter"]');
    await page.getByRole('heading', { name: 'Newsletter', level: 1 }).waitFor();
    await pluginNav(page).getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('heading', { name: 'Newsletter settings', level: 1 }).waitFor();

    // the address in force (the environment's until one is saved) is in the field
    const field = page.getByLabel('Postal address');
    expect(await field.inputValue()).toBe(previousAddress);
    await field.fill(address);
    await page.getByRole('button', { name: 'Save address' }).click();
    await page.getByText('The postal address is saved.').waitFor();
    expect((await settings()).physicalAddress).toBe(address);

    await page.getByLabel('Email address').fill(bounced.toUpperCase());
    await page.getByRole('button', { name: 'Look up' }).click();
    const status = page.getByRole('status').filter({ hasText: 'is suppressed' });
    await status.getByText('No email at all').waitFor();
    await status.getByText('Reason: bounce').waitFor();
    await page.getByRole('button', { name: 'Lift suppression' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Lift suppression' }).click();
    await page.getByText('The suppression is lifted').waitFor();
    await page.getByText(`${bounced.toUpperCase()} is not suppressed.`).waitFor();
    expect(await rows(`select 1 from newsletter_suppressions where email_hash = $1`, [hashOf(bounced)])).toEqual([]);

    // the address went in POST bodies only, never in a URL
    expect(lookups.length).toBeGreaterThanOrEqual(2);
    for (const url of lookups) expect(url.toLowerCase()).not.toContain(bounced);
    expect(failures).toEqual([]);
    await context.close();
  });

  it('shows an Editor no Settings link and keeps the page closed to them', async () => {
    const { context, page } = await adminSession(browser, await adminUser('Editor'));
    await page.click('nav a[href$="/plugins/newsletter"]');
    await page.getByRole('heading', { name: 'Newsletter', level: 1 }).waitFor();
    await pluginNav(page).getByRole('link', { name: 'Segments', exact: true }).waitFor();
    expect(await pluginNav(page).getByRole('link', { name: 'Settings', exact: true }).count()).toBe(0);

    await page.goto(`${inject('cmsUrl')}/admin/plugins/newsletter/settings`);
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('heading', { name: 'Newsletter settings' }).count()).toBe(0);
    expect(await page.getByLabel('Postal address').count()).toBe(0);
    await context.close();
  });
});
