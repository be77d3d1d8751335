/**
 * Languages are data (issue 25, docs/adr/0022-locales-as-data.md). The seed brings French; this
 * file adds Dutch the way an editor does (Settings → Internationalization, i.e. i18n's admin API)
 * and follows it through: forms accept it at once, a rebuild is requested, a translated and
 * published page gets its /nl/ version in the next build with hreflang on all three versions,
 * and an email without a Dutch translation falls back to the default locale and says so once.
 * The old parameter names (`language`, `tz`) keep working and are marked deprecated.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildSiteInto } from '../../scripts/lib/build.mjs';
import { auth, contentManager, superAdminToken, uniqueSlug } from '../helpers/content';
import { api, clientIp } from '../helpers/http';
import { submission, uniqueEmail } from '../helpers/leads';
import { eventually } from '../helpers/wait';
import { fakeSendGrid } from '../fakes/sendgrid-client';
import { fakeRebuildReceiver } from '../fakes/rebuild-receiver-client';

const PAGE = 'api::page.page';
const NEW_LOCALE = { code: 'nl', name: 'Dutch (nl)' };
const submit = (body: unknown) => api('/api/leads/submissions', { method: 'POST', ip: clientIp(), json: body });
const receiptTo = (email: string) =>
  eventually(
    async () =>
      (await fakeSendGrid.to(email)).find((message) => message.body.custom_args?.template === 'contact-receipt'),
    { what: `the receipt to ${email}` },
  );
const logOf = () => fs.readFileSync(inject('strapiLogFile'), 'utf8');
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

let token: string;
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'magnetiq-locales-site-'));
afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

beforeAll(async () => {
  token = await superAdminToken();
});

describe('the locales configured in i18n', () => {
  it('are the public list the site builds from: the seeded French among them', async () => {
    const response = await api('/api/i18n/locales');
    expect(response.status).toBe(200);
    expect(response.body.map((locale: { code: string }) => locale.code)).toEqual(
      expect.arrayContaining(['en', 'de', 'fr']),
    );
  });

  it('take a French contact form: 201, and the receipt is French', async () => {
    const email = uniqueEmail('fr');
    const response = await submit(submission({ email, locale: 'fr' }));
    expect(response.status).toBe(201);
    expect(response.headers.get('deprecation')).toBeNull();
    const receipt = await receiptTo(email);
    expect(receipt.body.subject).toMatch(/^Nous avons bien reçu votre message/);
    expect(receipt.body.content.find((part: { type: string }) => part.type === 'text/plain').value).toContain(
      'Bonjour,',
    );
  });

  it('refuse a locale nobody configured, naming the field and the configured ones', async () => {
    const response = await submit(submission({ email: uniqueEmail('xx'), locale: 'tlh' }));
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors).toEqual([expect.objectContaining({ path: ['locale'] })]);
    expect(response.body.error.message).toMatch(/en.*de.*fr|de.*en.*fr/);
    for (const url of [
      `/api/webinars/webinars?locale=tlh`,
      `/api/whitepapers/papers?locale=tlh`,
      `/api/booking/meeting-types?locale=tlh`,
    ]) {
      expect((await api(url, { ip: clientIp() })).status, url).toBe(400);
    }
  });
});

describe('the old names of the API (one more release)', () => {
  it('language on the contact form still works, with Deprecation and a Link to the docs', async () => {
    const email = uniqueEmail('old');
    const { locale: _locale, ...body } = submission({ email });
    const response = await submit({ ...body, language: 'de' });
    expect(response.status).toBe(201);
    expect(response.headers.get('deprecation')).toMatch(/^@\d+$/);
    expect(response.headers.get('link')).toMatch(/rel="deprecation"/);
    expect((await receiptTo(email)).body.subject).toMatch(/^Wir haben Ihre Nachricht erhalten/);
  });

  it('tz on the slot query still works, with Deprecation; timeZone has none', async () => {
    const query = `type=discovery-call&from=${day(1)}&to=${day(3)}`;
    const old = await api(`/api/booking/slots?${query}&tz=Europe/Berlin`, { ip: clientIp() });
    const current = await api(`/api/booking/slots?${query}&timeZone=Europe/Berlin`, { ip: clientIp() });
    expect(old.status).toBe(200);
    expect(current.status).toBe(200);
    expect(old.body.data).toEqual(current.body.data);
    expect(old.headers.get('deprecation')).toMatch(/^@\d+$/);
    expect(current.headers.get('deprecation')).toBeNull();
  });
});

describe('a locale added in the admin', () => {
  const slug = uniqueSlug('tri-lingual');
  let documentId = '';

  it('is taken by the forms at once, and its rebuild is requested', async () => {
    await fakeRebuildReceiver.reset();
    const created = await api('/i18n/locales', {
      method: 'POST',
      headers: auth(token),
      json: { ...NEW_LOCALE, isDefault: false },
    });
    expect(created.status, JSON.stringify(created.body)).toBeLessThan(300);
    expect(created.body).toMatchObject({ code: NEW_LOCALE.code });

    // the cache of this instance was dropped by the lifecycle, not left to expire
    const response = await submit(submission({ email: uniqueEmail('nl'), locale: NEW_LOCALE.code }));
    expect(response.status).toBe(201);

    const delivery = await eventually(
      async () =>
        (await fakeRebuildReceiver.received())
          .map((received) => JSON.parse(received.rawBody))
          .find((body) => body.trigger?.uid === 'plugin::i18n.locale'),
      { what: 'a rebuild request for the new locale' },
    );
    expect(delivery.trigger).toMatchObject({ action: 'create', locale: NEW_LOCALE.code });
  });

  it('sends an email it has no translation for in the default locale, and logs that once', async () => {
    const first = uniqueEmail('nl-a');
    const second = uniqueEmail('nl-b');
    expect((await submit(submission({ email: first, locale: NEW_LOCALE.code }))).status).toBe(201);
    expect((await submit(submission({ email: second, locale: NEW_LOCALE.code }))).status).toBe(201);
    for (const email of [first, second])
      expect((await receiptTo(email)).body.subject).toMatch(/^We received your message/);
    const lines = logOf()
      .split('\n')
      .filter((line) => line.includes(`no ${NEW_LOCALE.code} translation of the contact-receipt email, sent in en`));
    expect(lines).toHaveLength(1);
  });

  it('gets its pages in the next build, with hreflang on all three language versions', async () => {
    const editor = contentManager(token);
    const page = (title: string) => ({
      title,
      slug,
      sections: [{ __component: 'sections.hero', heading: title }],
      seo: { metaTitle: title, metaDescription: `${title}.`, noindex: false },
    });
    const created = await editor.create(PAGE, page('Three languages'), 'en');
    expect(created.status).toBe(201);
    documentId = created.body.data.documentId;
    expect((await editor.update(PAGE, documentId, page('Drei Sprachen'), 'de')).status).toBe(200);
    expect((await editor.update(PAGE, documentId, page('Drie talen'), NEW_LOCALE.code)).status).toBe(200);
    for (const locale of ['en', 'de', NEW_LOCALE.code])
      expect((await editor.publish(PAGE, documentId, locale)).status, locale).toBe(200);

    await buildSiteInto(outDir, { cmsUrl: inject('cmsUrl') });

    const html = (locale: string) => fs.readFileSync(path.join(outDir, locale, slug, 'index.html'), 'utf8');
    const versions = ['en', 'de', NEW_LOCALE.code];
    for (const locale of versions) {
      const text = html(locale);
      expect(text).toMatch(new RegExp(`<html lang="${locale}" dir="ltr"`));
      for (const other of versions)
        expect(text, `${locale} names its ${other} version`).toMatch(
          new RegExp(`<link rel="alternate" hreflang="${other}" href="[^"]*/${other}/${slug}/"`),
        );
      expect(text).toMatch(new RegExp(`hreflang="x-default" href="[^"]*/en/${slug}/"`));
      // a locale that has no version of this page is not named
      expect(text).not.toMatch(/<link rel="alternate" hreflang="fr"/);
    }
    expect(html(NEW_LOCALE.code)).toContain('Drie talen');
    // the rest of the locale's site: its home, its feed and its sitemap
    for (const file of ['index.html', 'rss.xml', 'sitemap.xml'])
      expect(fs.existsSync(path.join(outDir, NEW_LOCALE.code, file)), file).toBe(true);
    expect(fs.readFileSync(path.join(outDir, NEW_LOCALE.code, 'sitemap.xml'), 'utf8')).toContain(
      `/${NEW_LOCALE.code}/${slug}/`,
    );
    expect(fs.readFileSync(path.join(outDir, 'robots.txt'), 'utf8')).toContain(`/${NEW_LOCALE.code}/sitemap.xml`);
    // the seeded French demo is built too
    expect(fs.readFileSync(path.join(outDir, 'fr', 'index.html'), 'utf8')).toMatch(/<html lang="fr" dir="ltr"/);
  }, 240_000);
});
