/**
 * The admin's preview in a real browser: Strapi's preview page frames our preview server (its
 * allowedOrigins, our frame-ancestors), shows a never-published draft (a page, a webinar, a
 * whitepaper), and when the admin posts `strapiUpdate` to the frame (what Strapi does after each
 * save) the frame shows the saved draft within 2 s, nothing published.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { loginToAdmin } from '../helpers/admin-browser';
import { api } from '../helpers/http';
import { contentManager, superAdminToken, uniqueSlug } from '../helpers/content';
import { startTestPreviewServer } from '../helpers/preview-server';

const PAGE = 'api::page.page';

let browser: Browser;
let page: Page;
let server: { url: string; stop: () => Promise<void> };

beforeAll(async () => {
  server = await startTestPreviewServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(20_000);
  await loginToAdmin(page);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const previewFrame = async (): Promise<Frame> => {
  const handle = await page.waitForSelector(`iframe[src^="http://127.0.0.1:${inject('preview').port}/preview/"]`);
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the preview iframe has no frame');
  return frame;
};

describe('the admin preview', () => {
  it('frames the draft and shows a saved change within 2 s, without publishing', async () => {
    const admin = contentManager(await superAdminToken());
    const heading = `E2E draft ${crypto.randomBytes(3).toString('hex')}`;
    const created = await admin.create(PAGE, {
      title: 'E2E preview',
      slug: uniqueSlug('e2e-preview'),
      sections: [{ __component: 'sections.hero', heading, subheading: 'Preview' }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { documentId, slug } = created.body.data;

    await page.goto(
      `${inject('cmsUrl')}/admin/content-manager/collection-types/${PAGE}/${documentId}/preview?plugins[i18n][locale]=en&status=draft`,
    );
    const frame = await previewFrame();
    await frame.getByText(heading).waitFor();

    // another save of the draft (the API, as the edit view does), then the message Strapi posts after a save
    const edited = `E2E edited ${crypto.randomBytes(3).toString('hex')}`;
    const saved = await admin.update(PAGE, documentId, {
      sections: [{ __component: 'sections.hero', heading: edited, subheading: 'Preview' }],
    });
    expect(saved.status).toBe(200);
    const started = Date.now();
    await page.evaluate(() => {
      const iframe = document.querySelector('iframe') as HTMLIFrameElement;
      iframe.contentWindow!.postMessage({ type: 'strapiUpdate' }, new URL(iframe.src).origin);
    });
    const reloaded = await previewFrame();
    await reloaded.getByText(edited).waitFor({ timeout: 2000 });
    expect(Date.now() - started).toBeLessThan(2000);

    // still a draft: nothing published
    expect((await api(`/api/pages?filters[slug][$eq]=${slug}`)).body.data).toEqual([]);
  });

  it.each([
    {
      uid: 'plugin::webinars.webinar',
      data: (title: string) => ({ title, slug: uniqueSlug('e2e-webinar'), language: 'en' }),
      isPublic: (slug: string) => api(`/api/webinars/webinars/${slug}?locale=en`),
    },
    {
      uid: 'plugin::whitepapers.whitepaper',
      data: (title: string) => ({ title, slug: uniqueSlug('e2e-paper'), gated: true }),
      isPublic: (slug: string) => api(`/api/whitepapers/papers/${slug}?locale=en`),
    },
  ])(
    'frames a never-published $uid and shows a saved change within 2 s, without publishing',
    async ({ uid, data, isPublic }) => {
      const admin = contentManager(await superAdminToken());
      const title = `E2E draft ${crypto.randomBytes(3).toString('hex')}`;
      const created = await admin.create(uid, data(title));
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const { documentId, slug } = created.body.data;

      await page.goto(
        `${inject('cmsUrl')}/admin/content-manager/collection-types/${uid}/${documentId}/preview?plugins[i18n][locale]=en&status=draft`,
      );
      await (await previewFrame()).getByRole('heading', { level: 1, name: title }).waitFor();

      const edited = `E2E edited ${crypto.randomBytes(3).toString('hex')}`;
      expect((await admin.update(uid, documentId, { title: edited })).status).toBe(200);
      const started = Date.now();
      await page.evaluate(() => {
        const iframe = document.querySelector('iframe') as HTMLIFrameElement;
        iframe.contentWindow!.postMessage({ type: 'strapiUpdate' }, new URL(iframe.src).origin);
      });
      await (await previewFrame()).getByRole('heading', { level: 1, name: edited }).waitFor({ timeout: 2000 });
      expect(Date.now() - started).toBeLessThan(2000);

      // still a draft: the public API does not have it
      expect((await isPublic(slug)).status).toBe(404);
    },
  );

  it('ignores the message from any other origin', async () => {
    const frame = await previewFrame();
    const before = await frame.evaluate(() => performance.timeOrigin);
    // a message posted by the frame to itself has the preview server's origin, not the admin's
    await frame.evaluate(() => window.postMessage({ type: 'strapiUpdate' }, '*'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await (await previewFrame()).evaluate(() => performance.timeOrigin)).toBe(before);
  });
});
