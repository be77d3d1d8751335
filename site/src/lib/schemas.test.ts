import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { sectionSchema, seo, whitepaperShape } from './schemas';

describe('content schemas', () => {
  it('accept sections whose optional fields the editor left empty', () => {
    const sections = [
      {
        __component: 'sections.hero',
        heading: 'Hi',
        eyebrow: null,
        subheading: null,
        image: null,
        primaryCta: null,
        secondaryCta: null,
      },
      { __component: 'sections.feature-grid', heading: null, intro: null, columns: null, features: [] },
      { __component: 'sections.faq', heading: null, items: null },
      { __component: 'sections.logo-cloud', heading: null, logos: null },
      {
        __component: 'sections.contact-form',
        heading: null,
        intro: null,
        submitLabel: null,
        successMessage: null,
        showPhone: null,
        showCompany: null,
        askMarketingConsent: null,
      },
      { __component: 'sections.rich-text', body: [{ type: 'paragraph', children: [{ type: 'text', text: 'x' }] }] },
    ];
    for (const section of sections) expect(sectionSchema.safeParse(section).success, section.__component).toBe(true);
    expect(
      seo.safeParse({ metaTitle: null, metaDescription: null, canonicalURL: null, noindex: null, ogImage: null })
        .success,
    ).toBe(true);
  });

  it('reject a section without a field the CMS requires', () => {
    expect(sectionSchema.safeParse({ __component: 'sections.hero', subheading: 'no heading' }).success).toBe(false);
    expect(sectionSchema.safeParse({ __component: 'sections.call-to-action', heading: 42 }).success).toBe(false);
  });
});

describe('whitepaper schema', () => {
  const paper = {
    documentId: 'abcdefghij0123456789abcd',
    locale: 'en',
    title: 'Playbook',
    slug: 'playbook',
    summary: null,
    cover: null,
    pageCount: null,
    topics: [],
    gated: true,
    requiredFields: ['company'],
    seo: { title: 'Playbook', description: null },
    publishedAt: '2026-11-01T00:00:00.000Z',
    fileUrl: null,
  };

  it("accepts the plugin's public shape with empty optional fields", () => {
    expect(z.object(whitepaperShape).safeParse(paper).success).toBe(true);
  });

  it('rejects a paper without title or gated flag', () => {
    expect(z.object(whitepaperShape).safeParse({ ...paper, title: undefined }).success).toBe(false);
    expect(z.object(whitepaperShape).safeParse({ ...paper, gated: 'yes' }).success).toBe(false);
  });
});
