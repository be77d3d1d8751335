import { describe, expect, it } from 'vitest';
import { asStrings, localizedEntryOf } from './public-entry';

describe('localizedEntryOf', () => {
  const entry = {
    documentId: 'd1',
    locale: 'de',
    title: 'Title',
    slug: 'title',
    summary: 'Summary',
    publishedAt: '2026-01-01T00:00:00.000Z',
    description: 'not part of it',
  };

  it('gives the LocalizedEntry fields, SEO falling back to the title and the summary', () => {
    expect(localizedEntryOf(entry)).toEqual({
      documentId: 'd1',
      locale: 'de',
      title: 'Title',
      slug: 'title',
      summary: 'Summary',
      seo: { title: 'Title', description: 'Summary' },
      publishedAt: '2026-01-01T00:00:00.000Z',
    });
  });

  it("takes the entry's own SEO texts, an empty SEO title counting as none", () => {
    expect(localizedEntryOf({ ...entry, seoTitle: 'SEO', seoDescription: 'Meta' }).seo).toEqual({
      title: 'SEO',
      description: 'Meta',
    });
    expect(localizedEntryOf({ ...entry, seoTitle: '', summary: null }).seo).toEqual({
      title: 'Title',
      description: null,
    });
    expect(localizedEntryOf({ ...entry, summary: undefined }).summary).toBeNull();
  });
});

describe('asStrings', () => {
  it('keeps the strings of a list and nothing else', () => {
    expect(asStrings(['a', 1, null, 'b'])).toEqual(['a', 'b']);
    expect(asStrings('a')).toEqual([]);
    expect(asStrings(null)).toEqual([]);
  });
});
