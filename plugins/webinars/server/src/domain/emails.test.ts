import { describe, expect, it } from 'vitest';
import { renderWebinarEmail, TEMPLATES, type TemplateKey } from './emails';

// the leads core's kit, as the email service hands it over
const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
const kit = {
  escapeHtml,
  layout: (body: string) => `<html>${body}</html>`,
  paragraphs: (text: string) => `<p>${escapeHtml(text)}</p>`,
};

const data = {
  firstName: '<b>Ada</b>',
  webinar: { title: 'Pipelines <script>alert(1)</script>', url: 'https://site.test/en/webinars/pipelines' },
  when: 'Tuesday, December 8, 2026, 10:00–11:00 GMT+1 (Europe/Berlin)',
  joinUrl: 'https://meet.test/j/123?pwd="x"',
  joinInstructions: 'Dial-in: +49 30 123',
  cancelUrl: 'https://cms.test/api/webinars/registrations/cancel?token=abc',
  icsUrl: 'https://cms.test/api/webinars/registrations/ics?token=abc',
  calendar: {
    google: 'https://calendar.google.com/x',
    outlook: 'https://outlook.live.com/x',
    office365: 'https://outlook.office.com/x',
  },
  recordingUrl: 'https://video.test/rec',
};

describe('webinar emails', () => {
  it.each(Object.keys(TEMPLATES) as TemplateKey[])(
    '%s renders in en and de with every visitor value escaped',
    (key) => {
      for (const locale of ['en', 'de'] as const) {
        const email = renderWebinarEmail(key, locale, data, kit);
        expect(email.subject).toContain('Pipelines');
        expect(email.html).not.toContain('<script>');
        expect(email.html).not.toContain('<b>Ada</b>');
        expect(email.text + email.html).not.toContain('Ada');
      }
    },
  );

  it('gives the confirmation the join link, calendar links, the .ics link and the cancel link', () => {
    const email = renderWebinarEmail('confirmation', 'en', data, kit);
    for (const url of [
      data.cancelUrl,
      data.icsUrl,
      data.calendar.google,
      data.calendar.outlook,
      data.calendar.office365,
    ])
      expect(email.text).toContain(url);
    expect(email.text).toContain(data.joinUrl);
    expect(email.html).toContain('href="https://meet.test/j/123?pwd=&quot;x&quot;"');
    expect(email.text).toContain(data.when);
  });

  it('keeps the join link out of the waitlist notice', () => {
    const email = renderWebinarEmail('waitlisted', 'de', data, kit);
    expect(email.text).not.toContain('meet.test');
    expect(email.subject).toMatch(/^Sie stehen auf der Warteliste/);
  });

  it('names the reminder by its kind', () => {
    expect(renderWebinarEmail('reminder', 'en', { ...data, reminder: '1h' }, kit).subject).toMatch(
      /^Starting in one hour/,
    );
    expect(renderWebinarEmail('reminder', 'de', { ...data, reminder: '24h' }, kit).subject).toMatch(/^Morgen/);
  });
});
