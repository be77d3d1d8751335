import { describe, expect, it } from 'vitest';
import { previewUrl, sitePath } from './preview';

describe('sitePath', () => {
  it.each([
    ['api::page.page', 'en', 'home', '/en/'],
    ['api::page.page', 'de', 'ueber-uns', '/de/ueber-uns/'],
    ['api::article.article', 'en', 'lead-scoring', '/en/insights/lead-scoring/'],
    ['api::global.global', 'de', null, '/de/'],
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
