import { describe, expect, it } from 'vitest';
import {
  batchMailBody,
  chunk,
  MAX_PERSONALIZATIONS,
  PLACEHOLDER,
  renderCampaign,
  safeUrl,
  type CampaignVariant,
} from './campaign-email';

const variant: CampaignVariant = {
  subject: 'News for <you>',
  preheader: 'The short version',
  blocks: [
    { type: 'text', text: 'Hello & welcome.\n\nSecond paragraph.' },
    { type: 'image', url: 'https://cdn.example.com/a.png', alt: 'A chart', href: 'https://example.com/chart' },
    { type: 'button', label: 'Read more', url: 'https://example.com/more' },
    { type: 'article', title: 'Lead scoring', summary: 'How we score.', url: 'https://example.com/a/scoring' },
  ],
};
const options = { locale: 'en', physicalAddress: 'Magnetiq GmbH\nTeststraße 1, Berlin', siteName: 'Magnetiq' };

const recipient = (n: number) => ({
  email: `r${n}@example.com`,
  contact: `contact${n}`,
  oneClickUrl: `https://cms.example.com/api/newsletter/unsubscribe?token=t${n}`,
  unsubscribeUrl: `https://site.example.com/en/newsletter/preferences/?token=p${n}&action=unsubscribe`,
  preferencesUrl: `https://site.example.com/en/newsletter/preferences/?token=p${n}`,
});

describe('campaign email rendering', () => {
  const rendered = renderCampaign(variant, options);

  it('escapes text into HTML and keeps a plain-text part with every block', () => {
    expect(rendered.html).toContain('Hello &amp; welcome.');
    expect(rendered.html).toContain('<title>News for &lt;you&gt;</title>');
    expect(rendered.text).toContain('Hello & welcome.');
    expect(rendered.text).toContain('[A chart] https://example.com/chart');
    expect(rendered.text).toContain('Read more: https://example.com/more');
    expect(rendered.text).toContain('Lead scoring\nHow we score.\nhttps://example.com/a/scoring');
  });

  it('carries the postal address, the preference and unsubscribe placeholders in both parts', () => {
    for (const part of [rendered.html, rendered.text]) {
      expect(part).toContain('Teststraße 1, Berlin');
      expect(part).toContain(PLACEHOLDER.unsubscribe);
      expect(part).toContain(PLACEHOLDER.preferences);
    }
  });

  it('hides the preheader in HTML and puts it first in text', () => {
    expect(rendered.html).toContain('display:none');
    expect(rendered.text.startsWith('The short version')).toBe(true);
  });

  it('writes the footer in German for German readers', () => {
    expect(renderCampaign(variant, { ...options, locale: 'de' }).text).toContain('Abmelden');
  });

  it.each(['javascript:alert(1)', 'data:text/html,x', ' vbscript:x', '//evil.example'])('never links %s', (url) => {
    expect(safeUrl(url)).toBe('#');
    const html = renderCampaign({ subject: 's', blocks: [{ type: 'button', label: 'x', url }] }, options).html;
    expect(html).not.toContain(url.trim());
  });
});

describe('batching', () => {
  it('splits 2,500 recipients into 1,000 + 1,000 + 500', () => {
    expect(
      chunk(
        Array.from({ length: 2500 }, (_, i) => i),
        MAX_PERSONALIZATIONS,
      ).map((part) => part.length),
    ).toEqual([1000, 1000, 500]);
  });

  it.each([
    [0, []],
    [1, [1]],
    [1000, [1000]],
    [1001, [1000, 1]],
  ])('%i recipients make batches of %j', (n, sizes) => {
    expect(
      chunk(
        Array.from({ length: n }, (_, i) => i),
        1000,
      ).map((part) => part.length),
    ).toEqual(sizes);
  });

  it('refuses a size that is not a positive integer', () => {
    expect(() => chunk([1], 0)).toThrow();
  });

  it('builds one personalization per recipient with its own links and RFC 8058 headers', () => {
    const body = batchMailBody({
      from: { email: 'news@example.com', name: 'Magnetiq' },
      rendered: renderCampaign(variant, options),
      recipients: [recipient(1), recipient(2)],
      campaign: 7,
      batch: 'en:0',
    });
    expect(body.personalizations).toHaveLength(2);
    expect(body.personalizations[1]).toEqual({
      to: [{ email: 'r2@example.com' }],
      substitutions: {
        [PLACEHOLDER.unsubscribe]: recipient(2).unsubscribeUrl,
        [PLACEHOLDER.preferences]: recipient(2).preferencesUrl,
      },
      headers: {
        'List-Unsubscribe': `<${recipient(2).oneClickUrl}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
      custom_args: { newsletter_campaign: '7', newsletter_contact: 'contact2' },
    });
    expect(body.content.map((part) => part.type)).toEqual(['text/plain', 'text/html']);
    expect(body.custom_args).toEqual({ newsletter_batch: 'en:0' });
  });

  it('refuses more than 1,000 recipients in one call and an empty batch', () => {
    const make = (n: number) => () =>
      batchMailBody({
        from: { email: 'news@example.com' },
        rendered: renderCampaign(variant, options),
        recipients: Array.from({ length: n }, (_, i) => recipient(i)),
        campaign: 1,
        batch: 'en:0',
      });
    expect(make(1001)).toThrow(/1001 recipients/);
    expect(make(0)).toThrow(/without recipients/);
    expect(make(1000)().personalizations).toHaveLength(1000);
  });
});
