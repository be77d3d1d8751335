import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { previewSettings, previewSigningInput, previewUrl, signedPreviewUrl, sitePath } from './preview';

describe('sitePath', () => {
  it.each([
    ['api::page.page', 'en', 'home', '/en/'],
    ['api::page.page', 'de', 'ueber-uns', '/de/ueber-uns/'],
    ['api::article.article', 'en', 'lead-scoring', '/en/insights/lead-scoring/'],
    ['api::global.global', 'de', null, '/de/'],
    ['plugin::webinars.webinar', 'de', 'live-demo', '/de/webinars/live-demo/'],
    ['plugin::whitepapers.whitepaper', 'en', 'guide', '/en/whitepapers/guide/'],
    ['api::author.author', 'en', 'ada', null],
    ['api::page.page', 'en', null, null],
  ])('%s %s %s → %s', (uid, locale, slug, path) => {
    expect(sitePath(uid, locale, slug)).toBe(path);
  });
});

describe('previewUrl', () => {
  it('joins the site URL with or without a trailing slash and marks drafts', () => {
    expect(previewUrl('https://www.example.com', 'api::page.page', 'en', 'about', 'published')).toBe(
      'https://www.example.com/en/about/',
    );
    expect(previewUrl('https://www.example.com/', 'api::page.page', 'en', 'about', 'draft')).toBe(
      'https://www.example.com/en/about/?preview=draft',
    );
  });
});

describe('signedPreviewUrl', () => {
  const settings = { url: 'https://preview.example.com', secret: 'preview-secret', ttlSeconds: 600 };
  const now = Date.UTC(2026, 11, 7, 10, 0, 0);

  it('signs type, document, locale, status and expiry with HMAC-SHA256', () => {
    const url = new URL(
      signedPreviewUrl(settings, { type: 'page', documentId: 'abc123', locale: 'de', status: 'draft' }, now),
    );
    expect(url.origin + url.pathname).toBe('https://preview.example.com/preview/de/page/abc123/');
    const expires = url.searchParams.get('expires')!;
    expect(Number(expires)).toBe(now / 1000 + 600);
    const expected = crypto
      .createHmac('sha256', 'preview-secret')
      .update(previewSigningInput('page', 'abc123', 'de', 'draft', Number(expires)))
      .digest('hex');
    expect(url.searchParams.get('signature')).toBe(expected);
    expect(url.searchParams.get('status')).toBe('draft');
  });

  it('is off without a URL or a secret', () => {
    expect(previewSettings({ PREVIEW_URL: 'http://localhost:4323' })).toBeNull();
    expect(previewSettings({ PREVIEW_SECRET: 'x' })).toBeNull();
    expect(previewSettings({ PREVIEW_URL: 'http://localhost:4323', PREVIEW_SECRET: 'x' })).toMatchObject({
      ttlSeconds: 3600,
    });
  });
});
