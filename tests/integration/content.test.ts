/**
 * The site's content model in the real CMS: editors create, publish and schedule pages through
 * the admin's content-manager API; roles limit who may do what; the public REST API serves only
 * published content per locale with its sections and SEO; publishing sends a signed, retried
 * rebuild webhook; the demo content is seeded once and a second seed creates nothing.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, inject } from 'vitest';
import { verifyWebhookSignature } from '../../cms/src/content/webhook-signature';
import { api } from '../helpers/http';
import { auth, contentManager, PAGE_POPULATE, superAdminToken, uniqueSlug } from '../helpers/content';
import { createAdminUser } from '../helpers/admin-users';
import { count } from '../helpers/db';
import { eventually } from '../helpers/wait';
import { fakeRebuildReceiver } from '../fakes/rebuild-receiver-client';
// the demo whitepaper's stored-file columns
import { rows } from '../helpers/db';

const PAGE = 'api::page.page';
const ARTICLE = 'api::article.article';

const publicPage = async (slug: string, locale = 'en') => {
  const response = await api(`/api/pages?filters[slug][$eq]=${slug}&locale=${locale}&${PAGE_POPULATE}`);
  expect(response.status).toBe(200);
  return response.body.data as any[];
};

const pageData = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  sections: [
    {
      __component: 'sections.hero',
      heading: `${title} hero`,
      subheading: 'Sub',
      primaryCta: { label: 'Talk to us', url: '/en/contact/' },
    },
    { __component: 'sections.faq', heading: 'FAQ', items: [{ question: 'Why?', answer: 'Because.' }] },
    { __component: 'sections.contact-form', heading: 'Write to us', submitLabel: 'Send' },
  ],
  seo: { metaTitle: `${title} | Magnetiq`, metaDescription: 'A page made by a test.', noindex: false },
  ...extra,
});

let editor: ReturnType<typeof contentManager>;
let viewer: ReturnType<typeof contentManager>;
let editorToken: string;

beforeAll(async () => {
  editorToken = (await createAdminUser('Editor')).token;
  editor = contentManager(editorToken);
  viewer = contentManager((await createAdminUser('Viewer')).token);
});

describe('admin roles', () => {
  it('keeps Admin, Editor and Viewer besides Super Admin', async () => {
    const roles = await api('/admin/roles', { headers: auth(await superAdminToken()) });
    const names = roles.body.data.map((role: { name: string }) => role.name);
    expect(names).toEqual(expect.arrayContaining(['Super Admin', 'Admin', 'Editor', 'Viewer']));
  });

  it('lets an Editor create a page whose slug is generated from the title, as a draft the public cannot see', async () => {
    const title = `Pricing Plans ${uniqueSlug('x')}`;
    const created = await editor.create(PAGE, pageData(title));
    expect(created.status).toBe(201);
    expect(created.body.data.slug).toBe(title.toLowerCase().replace(/ /g, '-'));
    expect(await publicPage(created.body.data.slug)).toEqual([]);
  });

  it('lets an Editor publish a page, which the public API then serves with sections and SEO', async () => {
    const created = await editor.create(PAGE, pageData('Published by editor', { slug: uniqueSlug('editor-page') }));
    expect(created.status).toBe(201);
    const { documentId, slug } = created.body.data;
    const published = await editor.publish(PAGE, documentId);
    expect(published.status).toBe(200);

    const [page] = await publicPage(slug);
    expect(page).toMatchObject({ documentId, slug, title: 'Published by editor', locale: 'en' });
    expect(page.sections.map((section: any) => section.__component)).toEqual([
      'sections.hero',
      'sections.faq',
      'sections.contact-form',
    ]);
    expect(page.sections[0].primaryCta).toMatchObject({ label: 'Talk to us', url: '/en/contact/' });
    expect(page.sections[1].items).toEqual([expect.objectContaining({ question: 'Why?', answer: 'Because.' })]);
    expect(page.seo).toMatchObject({
      metaTitle: 'Published by editor | Magnetiq',
      metaDescription: 'A page made by a test.',
      noindex: false,
    });
    // scheduling fields are for editors, not for the public
    expect(page).not.toHaveProperty('publishAt');
  });

  it('lets a Viewer read content but not create, edit or publish it (403)', async () => {
    const created = await editor.create(PAGE, pageData('Viewer target', { slug: uniqueSlug('viewer-target') }));
    const { documentId } = created.body.data;
    expect((await viewer.list(PAGE)).status).toBe(200);

    const edit = await viewer.update(PAGE, documentId, { title: 'Changed by a viewer' });
    expect(edit.status).toBe(403);
    expect(edit.body.error).toMatchObject({ status: 403 });
    expect((await viewer.create(PAGE, pageData('Viewer page'))).status).toBe(403);
    expect((await viewer.publish(PAGE, documentId)).status).toBe(403);
    expect(
      await count(`select count(*) from pages where document_id = $1 and title = 'Changed by a viewer'`, [documentId]),
    ).toBe(0);
  });

  it('keeps Editors and Admins out of admin users and settings', async () => {
    const admin = await createAdminUser('Admin');
    for (const token of [editorToken, admin.token]) {
      expect((await api('/admin/users', { headers: auth(token) })).status).toBe(403);
      expect((await api('/admin/webhooks', { headers: auth(token) })).status).toBe(403);
    }
    // an Admin manages content like an Editor
    const created = await contentManager(admin.token).create(PAGE, pageData('Made by an admin'));
    expect(created.status).toBe(201);
  });
});

describe('slugs and validation', () => {
  it('rejects an invalid slug with a 400 ValidationError on the slug field', async () => {
    const response = await editor.create(PAGE, pageData('Bad slug', { slug: 'Not A Slug!' }));
    expect(response.status).toBe(400);
    expect(response.body.data).toBeNull();
    expect(response.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
    expect(response.body.error.details.errors[0].path).toEqual(['slug']);
  });

  it('rejects a slug taken in the same locale, and allows it in another locale', async () => {
    const slug = uniqueSlug('taken');
    const first = await editor.create(PAGE, pageData('First', { slug }));
    expect(first.status).toBe(201);
    const second = await editor.create(PAGE, pageData('Second', { slug }));
    expect(second.status).toBe(400);
    expect(second.body.error.message).toContain('already used');
    const german = await editor.update(PAGE, first.body.data.documentId, pageData('Erste', { slug }), 'de');
    expect(german.status).toBe(200);
    expect(german.body.data).toMatchObject({ slug, locale: 'de' });
  });

  it('generates a German slug from a German title when the translation has none', async () => {
    const first = await editor.create(PAGE, pageData('Team', { slug: uniqueSlug('team') }));
    const german = await editor.update(PAGE, first.body.data.documentId, pageData('Über unser Team'), 'de');
    expect(german.status).toBe(200);
    expect(german.body.data.slug).toMatch(/^ueber-unser-team(-\d+)?$/);
  });

  it('rejects an SEO meta title over 60 and a description over 160 characters', async () => {
    const long = await editor.create(PAGE, pageData('Long SEO', { seo: { metaTitle: 'x'.repeat(61) } }));
    expect(long.status).toBe(400);
    expect(long.body.error.details.errors[0].path).toEqual(['seo', 'metaTitle']);
    const description = await editor.create(
      PAGE,
      pageData('Long description', { seo: { metaTitle: 'ok', metaDescription: 'y'.repeat(161) } }),
    );
    expect(description.status).toBe(400);
  });

  it('rejects an unpublish time before the publish time', async () => {
    const response = await editor.create(
      PAGE,
      pageData('Bad window', { publishAt: '2030-01-02T10:00:00.000Z', unpublishAt: '2030-01-01T10:00:00.000Z' }),
    );
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors[0].path).toEqual(['unpublishAt']);
  });
});

describe('public REST API', () => {
  it('serves each locale its own version and never drafts', async () => {
    const slug = uniqueSlug('bilingual');
    const created = await editor.create(PAGE, pageData('English title', { slug }));
    const { documentId } = created.body.data;
    await editor.publish(PAGE, documentId);
    await editor.update(PAGE, documentId, pageData('Deutscher Titel', { slug }), 'de');
    // German saved but not published yet
    expect((await publicPage(slug, 'de')).length).toBe(0);
    await editor.publish(PAGE, documentId, 'de');
    expect((await publicPage(slug, 'en'))[0].title).toBe('English title');
    expect((await publicPage(slug, 'de'))[0].title).toBe('Deutscher Titel');

    // a draft change of a published page stays invisible
    await editor.update(PAGE, documentId, { title: 'Unpublished change' });
    expect((await publicPage(slug, 'en'))[0].title).toBe('English title');
  });

  it('answers repeated requests from its cache until the next publish', async () => {
    const slug = uniqueSlug('cached');
    const created = await editor.create(PAGE, pageData('Cached v1', { slug }));
    const { documentId } = created.body.data;
    await editor.publish(PAGE, documentId);
    const url = `/api/pages?filters[slug][$eq]=${slug}&locale=en&${PAGE_POPULATE}`;
    const first = await api(url);
    const second = await api(url);
    expect(first.headers.get('x-content-cache')).toBe('MISS');
    expect(second.headers.get('x-content-cache')).toBe('HIT');
    expect(second.body).toEqual(first.body);

    await editor.update(PAGE, documentId, { title: 'Cached v2' });
    expect((await api(url)).body.data[0].title).toBe('Cached v1'); // a saved draft changes nothing public
    await editor.publish(PAGE, documentId);
    const after = await api(url);
    expect(after.headers.get('x-content-cache')).toBe('MISS');
    expect(after.body.data[0].title).toBe('Cached v2');
  });

  it('refuses drafts to the public with a 403 in Strapi error format', async () => {
    const response = await api('/api/pages?status=draft');
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ data: null, error: { status: 403, name: 'PolicyError' } });
  });

  it('is read-only for the public', async () => {
    const before = await count(`select count(*) from pages`);
    const response = await api('/api/pages', { method: 'POST', json: { data: { title: 'From the public' } } });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(await count(`select count(*) from pages`)).toBe(before);
  });
});

// the Preview button (signed preview-server URLs): tests/integration/preview.test.ts

describe('scheduled publishing', () => {
  it('publishes a page at its publishAt time', async () => {
    const publishAt = new Date(Date.now() + 3000).toISOString();
    const created = await editor.create(
      PAGE,
      pageData('Scheduled launch', { slug: uniqueSlug('scheduled'), publishAt }),
    );
    expect(created.status).toBe(201);
    const { slug } = created.body.data;
    expect(await publicPage(slug)).toEqual([]);

    const [page] = await eventually(
      async () => {
        const found = await publicPage(slug);
        return found.length > 0 && found;
      },
      { timeoutMs: 20_000, intervalMs: 500, what: 'the scheduled page to be published' },
    );
    expect(page.sections).toHaveLength(3);
    expect(new Date(page.publishedAt).getTime()).toBeGreaterThanOrEqual(new Date(publishAt).getTime() - 50);
  });

  it('unpublishes a page at its unpublishAt time, set later on the draft by an Editor', async () => {
    const created = await editor.create(PAGE, pageData('Limited offer', { slug: uniqueSlug('limited') }));
    const { documentId, slug } = created.body.data;
    await editor.publish(PAGE, documentId);
    expect(await publicPage(slug)).toHaveLength(1);

    const scheduled = await editor.update(PAGE, documentId, { unpublishAt: new Date(Date.now() + 2000).toISOString() });
    expect(scheduled.status).toBe(200);
    await eventually(async () => (await publicPage(slug)).length === 0, {
      timeoutMs: 20_000,
      intervalMs: 500,
      what: 'the page to be unpublished',
    });
  });

  it('schedules articles too, and leaves future dates alone', async () => {
    const soon = await editor.create(ARTICLE, {
      title: `Soon ${uniqueSlug('a')}`,
      excerpt: 'x',
      publishAt: new Date(Date.now() + 2000).toISOString(),
    });
    const later = await editor.create(ARTICLE, {
      title: `Later ${uniqueSlug('b')}`,
      excerpt: 'x',
      publishAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    await eventually(
      async () => {
        const response = await api(`/api/articles?filters[slug][$eq]=${soon.body.data.slug}&locale=en`);
        return response.body.data.length === 1;
      },
      { timeoutMs: 20_000, intervalMs: 500, what: 'the scheduled article' },
    );
    expect((await api(`/api/articles?filters[slug][$eq]=${later.body.data.slug}&locale=en`)).body.data).toEqual([]);
  });
});

describe('site rebuild webhook', () => {
  const rebuildsFor = async (documentId: string) =>
    (await fakeRebuildReceiver.received()).filter(
      (delivery) => JSON.parse(delivery.rawBody).trigger?.documentId === documentId,
    );
  /**
   * A rebuild names the first change of its debounce window; wait until no rebuild is pending so
   * that the next publish opens a window of its own.
   */
  const quiet = () =>
    eventually(
      async () =>
        (await count(
          `select count(*) from leads_outbox where topic = 'site.rebuild' and status in ('pending', 'processing')`,
        )) === 0,
      {
        timeoutMs: 20_000,
        what: 'pending rebuilds to be delivered',
      },
    );

  it('is delivered on publish with a valid HMAC-SHA256 signature of the raw body', async () => {
    await quiet();
    await fakeRebuildReceiver.reset();
    const created = await editor.create(PAGE, pageData('Rebuild me', { slug: uniqueSlug('rebuild') }));
    const { documentId } = created.body.data;
    await editor.publish(PAGE, documentId);

    const [delivery] = await eventually(
      async () => {
        const found = await rebuildsFor(documentId);
        return found.length > 0 && found;
      },
      { what: 'the rebuild webhook' },
    );
    const body = JSON.parse(delivery.rawBody);
    expect(body).toMatchObject({
      event: 'site.rebuild',
      trigger: { uid: PAGE, action: 'publish', documentId, locale: 'en' },
    });
    expect(delivery.headers['x-magnetiq-event']).toBe('site.rebuild');
    expect(delivery.headers['x-magnetiq-delivery']).toBe(body.id);
    const signature = delivery.headers['x-magnetiq-signature'] as string;
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(inject('rebuildSecret'), delivery.rawBody, signature)).toBe(true);
    expect(verifyWebhookSignature('another-secret', delivery.rawBody, signature)).toBe(false);
  });

  it('is delivered when a whitepaper is published through its plugin, since the site has a page for it', async () => {
    await quiet();
    await fakeRebuildReceiver.reset();
    const token = await superAdminToken();
    const created = await api('/whitepapers/papers', {
      method: 'POST',
      headers: auth(token),
      json: { title: 'Rebuild paper', slug: uniqueSlug('rebuild-paper'), summary: 'Rebuilds the site.', publish: true },
    });
    expect(created.status, JSON.stringify(created.body)).toBeLessThan(300);
    const documentId = created.body.data.documentId;
    const [delivery] = await eventually(
      async () => {
        const found = await rebuildsFor(documentId);
        return found.length > 0 && found;
      },
      { what: 'the rebuild webhook for the whitepaper' },
    );
    expect(JSON.parse(delivery.rawBody)).toMatchObject({
      event: 'site.rebuild',
      trigger: { uid: 'plugin::whitepapers.whitepaper', action: 'publish', documentId },
    });
  });

  it('is retried with backoff while the receiver fails, then delivered', async () => {
    await quiet();
    await fakeRebuildReceiver.reset();
    await fakeRebuildReceiver.fail(503, 2);
    const created = await editor.create(PAGE, pageData('Retry rebuild', { slug: uniqueSlug('retry') }));
    const { documentId } = created.body.data;
    await editor.unpublish(PAGE, documentId); // nothing published: no rebuild
    await editor.publish(PAGE, documentId);

    const deliveries = await eventually(
      async () => {
        const found = await rebuildsFor(documentId);
        return found.some((delivery) => delivery.answered < 300) && found;
      },
      { timeoutMs: 20_000, what: 'a successful rebuild delivery after failures' },
    );
    expect(deliveries.map((delivery) => delivery.answered)).toEqual([503, 503, 202]);
    expect(JSON.parse(deliveries[0].rawBody).trigger.action).toBe('publish');
    // one delivery, retried: same id, increasing attempt numbers, each signed
    expect(new Set(deliveries.map((delivery) => delivery.headers['x-magnetiq-delivery'])).size).toBe(1);
    expect(deliveries.map((delivery) => delivery.headers['x-magnetiq-attempt'])).toEqual(['1', '2', '3']);
    for (const delivery of deliveries) {
      expect(
        verifyWebhookSignature(
          inject('rebuildSecret'),
          delivery.rawBody,
          delivery.headers['x-magnetiq-signature'] as string,
        ),
      ).toBe(true);
    }
  });

  it('coalesces publishes in quick succession into one or two rebuilds', async () => {
    const pages = await Promise.all(
      [1, 2, 3, 4].map((n) => editor.create(PAGE, pageData(`Batch ${n}`, { slug: uniqueSlug(`batch-${n}`) }))),
    );
    await quiet();
    await fakeRebuildReceiver.reset();
    const published = await Promise.all(pages.map((page) => editor.publish(PAGE, page.body.data.documentId)));
    expect(published.map((response) => response.status)).toEqual([200, 200, 200, 200]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await quiet();
    const received = (await fakeRebuildReceiver.received()).filter((delivery) => delivery.answered < 300);
    expect(received.length).toBeGreaterThanOrEqual(1);
    expect(received.length).toBeLessThanOrEqual(2);
  });
});

describe('demo content', () => {
  it('is seeded on the empty database: home, about and contact in en and de, with sections and SEO', async () => {
    for (const [locale, title] of [
      ['en', 'Home'],
      ['de', 'Startseite'],
    ]) {
      const [home] = await publicPage('home', locale);
      expect(home.title).toBe(title);
      expect(home.sections.length).toBeGreaterThanOrEqual(5);
      expect(home.sections[0].__component).toBe('sections.hero');
      expect(home.sections[0].image.formats).toHaveProperty('small');
      expect(home.seo.metaTitle.length).toBeLessThanOrEqual(60);
      expect(home.seo.ogImage.url).toMatch(/^\/uploads\//);
    }
    expect(await publicPage('about', 'en')).toHaveLength(1);
    expect(await publicPage('ueber-uns', 'de')).toHaveLength(1);
    expect(await publicPage('kontakt', 'de')).toHaveLength(1);
  });

  it('has 6 articles per locale with cover image, author and category', async () => {
    for (const locale of ['en', 'de']) {
      const response = await api(
        `/api/articles?locale=${locale}&filters[author][slug][$in][0]=lena-marquardt&filters[author][slug][$in][1]=jonas-becker&filters[author][slug][$in][2]=sara-kim&populate[cover]=true&populate[author]=true&populate[category]=true&populate[seo]=true&sort=publishedDate:asc`,
      );
      expect(response.status).toBe(200);
      expect(response.body.data).toHaveLength(6);
      for (const article of response.body.data) {
        expect(article.cover.url).toMatch(/^\/uploads\/.+\.jpg$/);
        expect(article.author.locale).toBe(locale);
        expect(article.category.locale).toBe(locale);
        expect(article.body.length).toBeGreaterThan(0);
      }
    }
    const uploaded = await api(
      '/uploads/' +
        (await api('/api/articles?locale=en&populate[cover]=true')).body.data[0].cover.url.split('/uploads/')[1],
    );
    expect(uploaded.status).toBe(200);
  });

  it('has global settings per locale with navigation, footer, social links and cookie consent', async () => {
    const en = await api('/api/global?locale=en&populate=*');
    const de = await api('/api/global?locale=de&populate=*');
    expect(en.body.data).toMatchObject({ siteName: 'Magnetiq', cookieConsentVersion: '2026-11' });
    expect(de.body.data.navigation.map((link: any) => link.url)).toContain('/de/ueber-uns/');
    expect(en.body.data.socialLinks.length).toBeGreaterThan(0);
    expect(de.body.data.cookieConsentText).toContain('Cookies');
  });

  it('has a published whitepaper in en and de whose PDF sits in the private whitepapers folder, not in public uploads', async () => {
    const en = (await api('/api/whitepapers/papers?locale=en')).body.data.find(
      (paper: any) => paper.slug === 'b2b-lead-generation-playbook',
    );
    const de = (await api('/api/whitepapers/papers?locale=de')).body.data.find(
      (paper: any) => paper.slug === 'b2b-lead-generation-playbook',
    );
    // (requiredFields: ['company'] as seeded; site-whitepapers.test.ts changes them for a while)
    expect(en).toMatchObject({
      title: 'The B2B lead generation playbook',
      gated: true,
      requiredFields: expect.arrayContaining(['company']),
      fileUrl: null,
    });
    expect(de).toMatchObject({ documentId: en.documentId, title: 'Das Playbook zur B2B-Leadgenerierung' });
    const seeded = fs.readFileSync(
      path.join(process.cwd(), 'database', 'seed', 'whitepapers', 'b2b-lead-generation-playbook.pdf'),
    );
    const [row] = await rows(
      `select file_key, file_size, file_sha_256 from whitepapers_whitepapers where document_id = $1 and published_at is not null and locale = 'de'`,
      [en.documentId],
    );
    expect(row).toMatchObject({ file_key: `${row.file_sha_256}.pdf`, file_size: seeded.length });
    expect(fs.readFileSync(path.join(inject('whitepapersDir'), row.file_key)).equals(seeded)).toBe(true);
    // never through the upload plugin (public /uploads): no media library entry of that name
    expect(await count(`select count(*) from files where name ilike '%playbook%'`)).toBe(0);
  });

  it('has a second webinar, in en and de, whose session took place and has its recording', async () => {
    const past = (await api('/api/webinars/webinars?locale=en&when=past')).body.data.find(
      (webinar: any) => webinar.slug === 'lead-scoring-workshop',
    );
    expect(past).toBeTruthy();
    const en = (await api('/api/webinars/webinars/lead-scoring-workshop?locale=en')).body.data;
    const de = (await api('/api/webinars/webinars/lead-scoring-workshop-aufzeichnung?locale=de')).body.data;
    expect(de).toMatchObject({
      documentId: en.documentId,
      locale: 'de',
      title: expect.stringContaining('Aufzeichnung'),
    });
    expect(en.sessions).toHaveLength(1);
    expect(new Date(en.sessions[0].startsAt).getTime()).toBeLessThan(Date.now());
    expect(en.sessions[0].recordingUrl).toBe('https://videos.magnetiq.example/recordings/lead-scoring-workshop');
  });

  it("puts the seeded meeting type into the contact pages' booking widget", async () => {
    const types = (await api('/api/booking/meeting-types?locale=en')).body.data.map((type: any) => type.slug);
    for (const [slug, locale] of [
      ['contact', 'en'],
      ['kontakt', 'de'],
    ]) {
      const [contact] = await publicPage(slug, locale);
      const widget = contact.sections.find((section: any) => section.__component === 'sections.booking-widget');
      expect(types).toContain(widget.meetingTypeSlug);
    }
  });

  it('creates nothing new when seeded again with npm run seed', { timeout: 180_000 }, async () => {
    const tables = [
      'pages',
      'articles',
      'authors',
      'categories',
      'globals',
      'files',
      'upload_folders',
      'whitepapers_whitepapers',
      'webinars_webinars',
      'webinars_sessions',
    ];
    const countAll = async () =>
      Object.fromEntries(
        await Promise.all(tables.map(async (table) => [table, await count(`select count(*) from ${table}`)])),
      );
    const before = await countAll();

    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(process.cwd(), 'scripts', 'seed.mjs')], {
        env: {
          ...process.env,
          ...inject('cmsSecrets'),
          NODE_ENV: 'test',
          DATABASE_URL: inject('databaseUrl'),
          PORT: '0',
          WHITEPAPERS_FILES_DIR: inject('whitepapersDir'),
        },
      });
      let text = '';
      child.stdout.on('data', (chunk) => (text += chunk));
      child.stderr.on('data', (chunk) => (text += chunk));
      child.once('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`seed exited ${code}:\n${text}`))));
    });
    const result = JSON.parse(/\[seed\] result (.*)/.exec(output)![1]);
    expect(result.created).toEqual({});
    // en and de everywhere, French for the home and contact pages, one article (its author and category) and the global settings
    expect(result.existing).toMatchObject({
      media: 15,
      page: 12,
      article: 13,
      author: 7,
      category: 7,
      global: 3,
      'booking-host': 4,
      'meeting-type': 2,
      webinar: 4,
      'webinar-session': 2,
      whitepaper: 2,
      'whitepaper-file': 1,
    });
    expect(await countAll()).toEqual(before);
  });
});
