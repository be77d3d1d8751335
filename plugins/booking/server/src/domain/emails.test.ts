import { describe, expect, it } from 'vitest';
import { formatWhen, renderBookingEmail } from './emails';

const kit = {
  escapeHtml: (value: string) =>
    value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'),
  layout: (body: string) => `<html>${body}</html>`,
  paragraphs: (text: string) => `<p>${text}</p>`,
};
const data = {
  firstName: 'Ada',
  meetingTitle: 'Consultation',
  hostName: 'Anna',
  start: '2026-03-30T07:00:00Z',
  end: '2026-03-30T07:30:00Z',
  timeZone: 'Europe/Berlin',
  manageUrl: 'https://site/en/booking/manage?token=abc',
};

describe('booking emails', () => {
  it('show the time in the recipient zone and language', () => {
    expect(formatWhen(data.start, data.end, 'Europe/Berlin', 'de')).toBe(
      'Montag, 30. März 2026, 09:00–09:30 (Europe/Berlin)',
    );
    expect(formatWhen(data.start, data.end, 'America/New_York', 'en')).toBe(
      'Monday, March 30, 2026, 03:00–03:30 (America/New_York)',
    );
  });
  it.each(['en', 'de'] as const)('the %s confirmation carries the manage link', (locale) => {
    const email = renderBookingEmail('confirmed', locale, data, kit);
    expect(email.text).toContain(data.manageUrl);
    expect(email.html).toContain(data.manageUrl);
    expect(email.subject).toContain('Consultation');
  });
  it('escapes what visitors typed', () => {
    const email = renderBookingEmail(
      'hostNew',
      'en',
      { ...data, visitorName: '<script>x</script>', answers: [{ label: 'Goal', answer: '<b>more</b>' }] },
      kit,
    );
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('<b>more');
    expect(email.html).toContain('&lt;b&gt;more&lt;/b&gt;');
  });
  it.each(['en', 'de'] as const)('the %s details email links the Google Meet room', (locale) => {
    const email = renderBookingEmail(
      'details',
      locale,
      { ...data, meetLink: 'https://meet.google.com/abc-defg-hij' },
      kit,
    );
    expect(email.text).toContain('https://meet.google.com/abc-defg-hij');
    expect(email.html).toContain('href="https://meet.google.com/abc-defg-hij"');
  });
  it('a confirmation whose Meet link is still being made says it follows', () => {
    expect(renderBookingEmail('confirmed', 'en', { ...data, meetLinkFollows: true }, kit).text).toContain(
      'The video link follows in a separate email',
    );
    expect(
      renderBookingEmail(
        'confirmed',
        'en',
        { ...data, meetLinkFollows: true, meetLink: 'https://meet.google.com/x' },
        kit,
      ).text,
    ).not.toContain('follows in a separate email');
  });
  it('a cancellation names the reason and offers no manage link', () => {
    const email = renderBookingEmail('cancelled', 'de', { ...data, reason: 'Krank' }, kit);
    expect(email.subject).toBe('Abgesagt: Consultation');
    expect(email.text).toContain('Grund: Krank');
    expect(email.text).not.toContain('token=');
  });
});
