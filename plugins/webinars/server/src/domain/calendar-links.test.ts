import { describe, expect, it } from 'vitest';
import { calendarLinks, googleCalendarUrl, outlookCalendarUrl } from './calendar-links';

const event = {
  title: 'Pipeline basics & more',
  description: 'Line one\nLine two: https://example.com/?a=1&b=2',
  startsAt: new Date('2026-03-29T08:00:00.000Z'),
  endsAt: new Date('2026-03-29T09:30:00.000Z'),
  timeZone: 'Europe/Berlin',
  location: 'https://example.com/en/webinars/pipeline-basics',
};

describe('add-to-calendar links', () => {
  it('gives Google the UTC instants, the zone and the texts, all encoded', () => {
    const url = new URL(googleCalendarUrl(event));
    expect(url.origin + url.pathname).toBe('https://calendar.google.com/calendar/render');
    expect(url.searchParams.get('action')).toBe('TEMPLATE');
    expect(url.searchParams.get('dates')).toBe('20260329T080000Z/20260329T093000Z');
    expect(url.searchParams.get('ctz')).toBe('Europe/Berlin');
    expect(url.searchParams.get('text')).toBe(event.title);
    expect(url.searchParams.get('details')).toBe(event.description);
    expect(url.searchParams.get('location')).toBe(event.location);
  });

  it('gives Outlook ISO instants in UTC and the compose action', () => {
    const url = new URL(outlookCalendarUrl(event));
    expect(url.host).toBe('outlook.live.com');
    expect(url.searchParams.get('rru')).toBe('addevent');
    expect(url.searchParams.get('startdt')).toBe('2026-03-29T08:00:00Z');
    expect(url.searchParams.get('enddt')).toBe('2026-03-29T09:30:00Z');
    expect(url.searchParams.get('subject')).toBe(event.title);
    expect(url.searchParams.get('body')).toBe(event.description);
  });

  it('has a Microsoft 365 variant next to outlook.com', () => {
    const links = calendarLinks(event);
    expect(new URL(links.office365).host).toBe('outlook.office.com');
    expect(new URL(links.outlook).host).toBe('outlook.live.com');
    expect(links.google).toContain('calendar.google.com');
  });
});
