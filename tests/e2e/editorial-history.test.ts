/**
 * Version history in Chromium (issue 18): a marketing Editor changes a page in the Content
 * Manager, opens the History panel, sees the diff of an earlier version, restores it as the draft
 * and publishes it; the published page is the restored one.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { clientIp } from '../helpers/http';
import { contentManager } from '../helpers/content';
import { adminUser, type AdminUser } from '../helpers/admin-users';
import { rows } from '../helpers/db';

const PAGE = 'api::page.page';
const suffix = crypto.randomBytes(3).toString('hex');
let browser: Browser;
let editor: AdminUser;
let page: Page;
let documentId: string;

beforeAll(async () => {
  editor = await adminUser('Editor');
  const cm = contentManager(editor.token);
  const created = await cm.create(PAGE, {
    title: `History original ${suffix}`,
    slug: `history-e2e-${suffix}`,
    sections: [{ __component: 'sections.hero', heading: 'The first hero' }],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  documentId = created.body.data.documentId;
  browser = await launchBrowser();
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    extraHTTPHeaders: { 'X-Forwarded-For': clientIp() },
  });
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${inject('cmsUrl')}/admin/auth/login`);
  await page.fill('input[name="email"]', editor.email);
  await page.fill('input[name="password"]', editor.password);
  await page.click('button[type="submit"]');
  await page.waitForURL(/\/admin(\/)?$/);
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('an Editor and the History panel', () => {
  it('changes a page, sees the diff of the first version, restores it and publishes', async () => {
    await page.goto(
      `${inject('cmsUrl')}/admin/content-manager/collection-types/${PAGE}/${documentId}?plugins[i18n][locale]=en`,
    );
    const title = page.locator('input[name="title"]');
    await expect.poll(() => title.inputValue(), { timeout: 20_000 }).toBe(`History original ${suffix}`);
    await title.fill(`History changed ${suffix}`);
    await page.getByRole('button', { name: 'Save', exact: true }).first().click();
    await expect.poll(() => page.locator('[data-testid="editorial-version"]').count(), { timeout: 15_000 }).toBe(2);
    // the History panel lists both versions (newest first); the reload shows the new one
    await page.reload();
    const versions = page.locator('[data-testid="editorial-version"]');
    await expect.poll(() => versions.count(), { timeout: 15_000 }).toBe(2);

    // the oldest version's changes against the current draft: the title's words
    await versions.last().getByRole('button', { name: 'Show changes' }).click();
    const change = page.locator('[data-testid="editorial-diff-change"]').filter({ hasText: 'title' });
    await expect.poll(() => change.count(), { timeout: 10_000 }).toBe(1);
    expect(await change.locator('del').allTextContents()).toContain('original');
    expect(await change.locator('ins').allTextContents()).toContain('changed');

    await page.getByRole('dialog').getByRole('button', { name: 'Restore as draft' }).click();
    await expect.poll(() => title.inputValue(), { timeout: 20_000 }).toBe(`History original ${suffix}`);
    await expect.poll(() => page.locator('[data-testid="editorial-version"]').count(), { timeout: 15_000 }).toBe(3);

    await page.getByRole('button', { name: 'Publish', exact: true }).first().click();
    await expect
      .poll(
        async () =>
          (
            await rows<{ title: string }>(
              `select title from pages where document_id = $1 and locale = 'en' and published_at is not null`,
              [documentId],
            )
          ).map((row) => row.title),
        { timeout: 15_000 },
      )
      .toEqual([`History original ${suffix}`]);
  }, 90_000);
});
