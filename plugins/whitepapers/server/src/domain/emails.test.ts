import { describe, expect, it } from 'vitest';
import { renderWhitepaperEmail } from './emails';

// the leads core's email kit, as its email service hands it to a registered template
const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
const kit = {
  escapeHtml,
  layout: (body: string, footer = '') => `<html>${body}${footer}</html>`,
  paragraphs: (text: string) =>
    text
      .split('\n\n')
      .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
      .join(''),
};

describe('the whitepaper email', () => {
  it.each([
    ['en', 'Your download: Pipeline <basics>', 'valid for 72 hours'],
    ['de', 'Ihr Download: Pipeline <basics>', '72 Stunden gültig'],
  ] as const)('renders the %s email with its download link and lifetime', (locale, subject, lifetime) => {
    const downloadUrl = 'https://cms.example/api/whitepapers/download/a.b';
    const email = renderWhitepaperEmail(
      locale,
      { whitepaper: { title: 'Pipeline <basics>', downloadUrl, validHours: 72 } },
      kit,
    );
    expect(email.subject).toBe(subject);
    expect(email.text).toContain(downloadUrl);
    expect(email.text).toContain(lifetime);
    expect(email.html).toContain(`href="${downloadUrl}"`);
    expect(email.html).toContain('Pipeline &lt;basics&gt;');
    expect(email.marketing).toBe(false);
  });

  it('signs with the site name', () => {
    const email = renderWhitepaperEmail(
      'en',
      { siteName: 'Acme', whitepaper: { title: 'T', downloadUrl: 'https://x/d/1', validHours: 1 } },
      kit,
    );
    expect(email.text.endsWith('Best regards,\nThe Acme team')).toBe(true);
  });

  it('refuses an email without its whitepaper', () => {
    expect(() => renderWhitepaperEmail('en', {}, kit)).toThrow('needs whitepaper');
  });
});
