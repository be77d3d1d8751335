/**
 * Live draft preview (site/astro.preview.config.mjs, cms/src/content/preview.ts): the preview
 * server is built and started like `npm start` does it, with the API token the CMS wrote for it;
 * the admin's preview URL (the handler of config/admin.ts) renders a never-published page, an
 * article, a webinar and a whitepaper draft with the site's components, shows an edit at once, and
 * carries noindex and no-store; an unsigned, tampered or expired URL is refused. The plugins' draft
 * reads answer the preview server's API token only: the public never sees a draft.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { startTestPreviewServer } from '../helpers/preview-server';
import { api } from '../helpers/http';
import { auth, contentManager, superAdminToken, uniqueSlug } from '../helpers/content';
import { createAdminUser } from '../helpers/admin-users';

const PAGE = 'api::page.page';
const ARTICLE = 'api::article.article';
const WEBINAR = 'plugin::webinars.webinar';
const WHITEPAPER = 'plugin::whitepapers.whitepaper';
const HOUR = 3600_000;

let server: { url: string; stop: () => Promise<void> };
let editorToken: string;
let editor: ReturnType<typeof contentManager>;

beforeAll(async () => {
  const started = await startTestPreviewServer();
  console.log(`preview server built in ${started.builtInMs} ms`);
  server = started;
  // the CMS wrote its preview token at boot (PREVIEW_API_TOKEN_FILE), readable by this user only
  expect(fs.statSync(inject('preview').tokenFile).mode & 0o077).toBe(0);
  editorToken = (await createAdminUser('Editor')).token;
  editor = contentManager(editorToken);
}, 300_000);

afterAll(async () => {
  await server?.stop();
});

/** What the admin's preview panel asks for (Strapi's route calls config/admin.ts `preview.config.handler`). */
async function previewUrlOf(uid: string, documentId: string, locale = 'en', status = 'draft') {
  const response = await api(
    `/content-manager/preview/url/${uid}?documentId=${documentId}&locale=${locale}&status=${status}`,
    { headers: auth(editorToken) },
  );
  expect(response.status).toBe(200);
  return new URL(response.body.data.url as string);
}

/** A preview URL signed with the test run's secret, valid for a minute (a draft in English). */
function signedUrlOf(type: string, documentId: string) {
  const expires = String(Math.floor(Date.now() / 1000) + 60);
  const signature = crypto
    .createHmac('sha256', inject('preview').secret)
    .update([type, documentId, 'en', 'draft', expires].join('\n'))
    .digest('hex');
  return `${server.url}/preview/en/${type}/${documentId}/?status=draft&expires=${expires}&signature=${signature}`;
}

const heroPage = (title: string, heading: string) => ({
  title,
  slug: uniqueSlug('preview'),
  sections: [{ __component: 'sections.hero', heading, subheading: 'Preview test' }],
});

describe('the preview URL', () => {
  it('is a signed, expiring URL on the preview server', async () => {
    const created = await editor.create(PAGE, heroPage('Signed', 'Signed'));
    const url = await previewUrlOf(PAGE, created.body.data.documentId);
    expect(url.origin).toBe(`http://127.0.0.1:${inject('preview').port}`);
    expect(url.pathname).toBe(`/preview/en/page/${created.body.data.documentId}/`);
    expect(url.searchParams.get('status')).toBe('draft');
    expect(url.searchParams.get('signature')).toMatch(/^[0-9a-f]{64}$/);
    const expires = Number(url.searchParams.get('expires'));
    expect(expires * 1000).toBeGreaterThan(Date.now());
    expect(expires * 1000).toBeLessThanOrEqual(Date.now() + 3600_000 + 5000);
  });
});

describe('the preview server', () => {
  it('renders a never-published page, then its edit, with noindex and no-store', async () => {
    const heading = `Draft hero ${crypto.randomBytes(3).toString('hex')}`;
    const created = await editor.create(PAGE, heroPage('Never published', heading));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { documentId, slug } = created.body.data;
    // not on the public API: it was never published
    expect((await api(`/api/pages?filters[slug][$eq]=${slug}`)).body.data).toEqual([]);

    const url = (await previewUrlOf(PAGE, documentId)).toString().replace(/^http:\/\/[^/]+/, server.url);
    const first = await fetch(url);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.headers.get('content-security-policy')).toContain('frame-ancestors');
    const html = await first.text();
    expect(html).toContain(heading);
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    // the panel reloads on the admin's strapiUpdate message
    expect(html).toContain("e.data.type==='strapiUpdate'");
    // the token stays on the server
    expect(html).not.toContain(fs.readFileSync(inject('preview').tokenFile, 'utf8'));

    const edited = `Edited hero ${crypto.randomBytes(3).toString('hex')}`;
    const saved = await editor.update(PAGE, documentId, {
      sections: [{ __component: 'sections.hero', heading: edited, subheading: 'Preview test' }],
    });
    expect(saved.status).toBe(200);
    const started = Date.now();
    const again = await (await fetch(url)).text();
    expect(again).toContain(edited);
    expect(again).not.toContain(heading);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('renders an article draft with the article page, and a German draft in German', async () => {
    const title = `Preview article ${crypto.randomBytes(3).toString('hex')}`;
    const created = await editor.create(ARTICLE, { title, excerpt: 'A draft article' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { documentId } = created.body.data;
    const html = await (
      await fetch(await previewUrlOf(ARTICLE, documentId).then((u) => `${server.url}${u.pathname}${u.search}`))
    ).text();
    expect(html).toContain(title);
    expect(html).toContain('class="article"');

    const german = `Vorschau ${crypto.randomBytes(3).toString('hex')}`;
    expect((await editor.update(ARTICLE, documentId, { title: german, excerpt: 'Entwurf' }, 'de')).status).toBe(200);
    const de = await previewUrlOf(ARTICLE, documentId, 'de');
    const deHtml = await (await fetch(`${server.url}${de.pathname}${de.search}`)).text();
    expect(deHtml).toContain(german);
    expect(deHtml).toContain('<html lang="de"');
  });

  it('refuses an unsigned, tampered, expired or foreign-signed URL (403, nothing rendered)', async () => {
    const heading = `Secret draft ${crypto.randomBytes(3).toString('hex')}`;
    const created = await editor.create(PAGE, heroPage('Secret', heading));
    const { documentId } = created.body.data;
    const good = await previewUrlOf(PAGE, documentId);
    const other = await editor.create(PAGE, heroPage('Other', 'Other'));

    const variants: Record<string, (url: URL) => void> = {
      unsigned: (url) => url.searchParams.delete('signature'),
      'another document': (url) => {
        url.pathname = url.pathname.replace(documentId, other.body.data.documentId);
      },
      'another status': (url) => url.searchParams.set('status', 'published'),
      'a later expiry': (url) => url.searchParams.set('expires', String(Number(url.searchParams.get('expires')) + 60)),
      'another secret': (url) => {
        const expires = url.searchParams.get('expires')!;
        const signature = crypto
          .createHmac('sha256', 'not-the-secret')
          .update(['page', documentId, 'en', 'draft', expires].join('\n'))
          .digest('hex');
        url.searchParams.set('signature', signature);
      },
      expired: (url) => {
        const expires = String(Math.floor(Date.now() / 1000) - 10);
        const signature = crypto
          .createHmac('sha256', inject('preview').secret)
          .update(['page', documentId, 'en', 'draft', expires].join('\n'))
          .digest('hex');
        url.searchParams.set('expires', expires);
        url.searchParams.set('signature', signature);
      },
    };
    for (const [label, change] of Object.entries(variants)) {
      const url = new URL(`${server.url}${good.pathname}${good.search}`);
      change(url);
      const response = await fetch(url);
      expect(response.status, label).toBe(403);
      expect(response.headers.get('x-robots-tag')).toBe('noindex, nofollow');
      const text = await response.text();
      expect(text, label).not.toContain(heading);
      if (label === 'expired') expect(text).toMatch(/expired/);
    }
    // the valid one still works
    expect(await (await fetch(`${server.url}${good.pathname}${good.search}`)).text()).toContain(heading);
  });

  it('answers 404 for a validly signed URL of a document that does not exist', async () => {
    const response = await fetch(signedUrlOf('page', 'zzzzzzzzzzzzzzzzzzzzzzzz'));
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

/** GET a preview URL from the handler on the test's preview server: status, headers and HTML. */
async function openPreview(url: URL) {
  const response = await fetch(`${server.url}${url.pathname}${url.search}`);
  return { status: response.status, headers: response.headers, html: await response.text() };
}

describe('webinar and whitepaper drafts in the preview', () => {
  it('renders a never-published webinar with its session, and an edit within 2 s of saving; the public never sees it', async () => {
    const title = `Draft webinar ${crypto.randomBytes(3).toString('hex')}`;
    const slug = uniqueSlug('preview-webinar');
    const created = await editor.create(WEBINAR, {
      title,
      slug,
      summary: 'A webinar nobody published',
      language: 'en',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { documentId } = created.body.data;
    const start = new Date(Date.now() + 10 * 24 * HOUR);
    const session = await api(`/webinars/webinars/${documentId}/sessions`, {
      method: 'POST',
      headers: auth(await superAdminToken()),
      json: {
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + HOUR).toISOString(),
        timeZone: 'Europe/Berlin',
        capacity: 20,
      },
    });
    expect(session.status, JSON.stringify(session.body)).toBe(201);

    const url = await previewUrlOf(WEBINAR, documentId);
    expect(url.pathname).toBe(`/preview/en/webinar/${documentId}/`);
    const first = await openPreview(url);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.html).toContain(`<h1>${title}</h1>`);
    expect(first.html).toContain('<meta name="robots" content="noindex, nofollow">');
    // the webinar page of the site: its session and the registration island
    expect(first.html).toContain(`data-session="${session.body.data.documentId}"`);
    expect(first.html).toContain('id="register"');
    expect(first.html).not.toContain(fs.readFileSync(inject('preview').tokenFile, 'utf8'));

    const edited = `Edited webinar ${crypto.randomBytes(3).toString('hex')}`;
    expect((await editor.update(WEBINAR, documentId, { title: edited })).status).toBe(200);
    const started = Date.now();
    const again = await openPreview(url);
    expect(again.html).toContain(`<h1>${edited}</h1>`);
    expect(again.html).not.toContain(title);
    expect(Date.now() - started).toBeLessThan(2000);

    // the public API: not published, so not there, and the draft read refuses anyone without the token
    expect((await api(`/api/webinars/webinars/${slug}?locale=en`)).status).toBe(404);
    const upcoming = await api('/api/webinars/webinars?locale=en&when=upcoming');
    expect(upcoming.body.data.map((webinar: { slug: string }) => webinar.slug)).not.toContain(slug);
    const anonymous = await api(`/api/webinars/preview/${documentId}?locale=en&status=draft`);
    expect(anonymous.status).toBe(403);
    expect(JSON.stringify(anonymous.body)).not.toContain(edited);
    // an admin's session token is not a content-API token either
    const withAdminJwt = await api(`/api/webinars/preview/${documentId}?locale=en&status=draft`, {
      headers: auth(editorToken),
    });
    expect([401, 403]).toContain(withAdminJwt.status);
    // the preview server's own token reads it
    const byToken = await api(`/api/webinars/preview/${documentId}?locale=en&status=draft`, {
      headers: auth(fs.readFileSync(inject('preview').tokenFile, 'utf8')),
    });
    expect(byToken.status).toBe(200);
    expect(byToken.body.data).toMatchObject({ title: edited, publishedAt: null, past: false });
  });

  it('renders a never-published whitepaper with its request form, and an edit within 2 s of saving; the public never sees it', async () => {
    const title = `Draft paper ${crypto.randomBytes(3).toString('hex')}`;
    const slug = uniqueSlug('preview-paper');
    const created = await editor.create(WHITEPAPER, { title, slug, summary: 'A paper nobody published', gated: true });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { documentId } = created.body.data;

    const url = await previewUrlOf(WHITEPAPER, documentId);
    expect(url.pathname).toBe(`/preview/en/whitepaper/${documentId}/`);
    const first = await openPreview(url);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.html).toContain(`<h1>${title}</h1>`);
    expect(first.html).toContain('id="request"');

    const edited = `Edited paper ${crypto.randomBytes(3).toString('hex')}`;
    expect((await editor.update(WHITEPAPER, documentId, { title: edited })).status).toBe(200);
    const started = Date.now();
    const again = await openPreview(url);
    expect(again.html).toContain(`<h1>${edited}</h1>`);
    expect(Date.now() - started).toBeLessThan(2000);

    expect((await api(`/api/whitepapers/papers/${slug}?locale=en`)).status).toBe(404);
    const listed = await api('/api/whitepapers/papers?locale=en');
    expect(listed.body.data.map((paper: { slug: string }) => paper.slug)).not.toContain(slug);
    const anonymous = await api(`/api/whitepapers/preview/${documentId}?locale=en&status=draft`);
    expect(anonymous.status).toBe(403);
    expect(JSON.stringify(anonymous.body)).not.toContain(edited);
  });

  it('answers 404 for a webinar or whitepaper the signed URL names but the CMS does not have', async () => {
    for (const type of ['webinar', 'whitepaper'])
      expect((await fetch(signedUrlOf(type, 'zzzzzzzzzzzzzzzzzzzzzzzz'))).status, type).toBe(404);
  });
});
