import { describe, expect, it } from 'vitest';
import { blocksText, mediaUrl, pagePath, safeHref } from './urls';
import { jsonLdScript, srcsetOf } from './seo';

describe('safeHref', () => {
  it.each([
    ['https://example.com/a', 'https://example.com/a'],
    ['mailto:sales@example.com', 'mailto:sales@example.com'],
    ['/en/contact/', '/en/contact/'],
    ['#faq', '#faq'],
    ['javascript:alert(1)', '#'],
    [' JavaScript:alert(1)', '#'],
    ['data:text/html,<script>alert(1)</script>', '#'],
    ['//evil.example/', '#'],
    ['', '#'],
    [null, '#'],
  ])('keeps %s as %s', (input, expected) => {
    expect(safeHref(input)).toBe(expected);
  });
});

describe('paths and media', () => {
  it('puts the home page at the locale root and other pages under their slug', () => {
    expect(pagePath('de', 'home')).toBe('/de/');
    expect(pagePath('de', 'ueber-uns')).toBe('/de/ueber-uns/');
  });

  it('makes upload paths absolute on the CMS and leaves S3 URLs alone', () => {
    expect(mediaUrl('/uploads/a.jpg')).toMatch(/^https?:\/\/[^/]+\/uploads\/a\.jpg$/);
    expect(mediaUrl('https://bucket.example/a.jpg')).toBe('https://bucket.example/a.jpg');
  });

  it('builds a srcset from Strapi renditions, smallest first', () => {
    const srcset = srcsetOf({
      url: '/uploads/a.jpg',
      width: 1600,
      height: 900,
      formats: {
        small: { url: '/uploads/small_a.jpg', width: 500, height: 281 },
        large: { url: '/uploads/large_a.jpg', width: 1280, height: 720 },
      },
    });
    expect(srcset?.split(', ').map((candidate) => candidate.split(' ')[1])).toEqual(['500w', '1280w', '1600w']);
  });
});

describe('text from the CMS', () => {
  it('flattens rich text blocks to plain text', () => {
    expect(
      blocksText([
        { type: 'heading', children: [{ type: 'text', text: 'Title' }] },
        {
          type: 'paragraph',
          children: [
            { type: 'text', text: 'Body ' },
            { type: 'link', url: '/', children: [{ type: 'text', text: 'link' }] },
          ],
        },
      ]),
    ).toBe('Title Body link');
  });

  it('keeps JSON-LD from closing its script element', () => {
    expect(jsonLdScript({ headline: '</script><script>alert(1)</script>' })).not.toContain('</script>');
  });
});

describe('plainMarkdownBlocks', () => {
  it('keeps paragraphs and lists of a webinar description, drops markup', async () => {
    const { plainMarkdownBlocks } = await import('./urls');
    expect(plainMarkdownBlocks('In this **live** webinar:\n\n- one,\n- two.\n\nQ&A at the end.')).toEqual([
      { list: false, lines: ['In this live webinar:'] },
      { list: true, lines: ['one,', 'two.'] },
      { list: false, lines: ['Q&A at the end.'] },
    ]);
    expect(plainMarkdownBlocks(null)).toEqual([]);
  });
});
