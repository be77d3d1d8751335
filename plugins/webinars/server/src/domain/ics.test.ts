import { describe, expect, it } from 'vitest';
import ical from 'node-ical';
import { buildIcs, sessionUid } from './ics';

const input = {
  session: {
    documentId: 'k3v9q2m7x1c8b4n6z0p5r2t8',
    startsAt: new Date('2026-03-29T08:00:00Z'),
    endsAt: new Date('2026-03-29T09:00:00Z'),
    timeZone: 'Europe/Berlin',
    sequence: 0,
  },
  title: 'Pipeline basics, with "quotes", commas; and semicolons',
  description: 'What a B2B pipeline needs.\nSecond line.',
  url: 'https://example.com/en/webinars/pipeline-basics',
  organizer: { name: 'Magnetiq', email: 'events@magnetiq.test' },
  domain: 'cms.magnetiq.test',
};

const onlyEvent = (text: string) => {
  const parsed = ical.sync.parseICS(text);
  const events = Object.values(parsed).filter((item: any) => item.type === 'VEVENT') as any[];
  expect(events).toHaveLength(1);
  return events[0];
};

describe('ICS of a session', () => {
  it('parses back with the right instant, time zone, organizer, URL and UID', () => {
    const text = buildIcs(input);
    const event = onlyEvent(text);
    expect(new Date(event.start).toISOString()).toBe('2026-03-29T08:00:00.000Z');
    expect(new Date(event.end).toISOString()).toBe('2026-03-29T09:00:00.000Z');
    expect(event.start.tz).toBe('Europe/Berlin');
    expect(event.uid).toBe(sessionUid(input.session.documentId, input.domain));
    expect(event.summary).toBe(input.title);
    expect(event.description).toBe(input.description);
    expect(event.url.val ?? event.url).toBe(input.url);
    expect(event.organizer.params.CN).toBe('Magnetiq');
    expect(String(event.organizer.val).toLowerCase()).toBe('mailto:events@magnetiq.test');
    // local wall-clock time with TZID, and the zone's definition in the file (RFC 5545 3.2.19)
    expect(text).toMatch(/DTSTART;TZID=Europe\/Berlin:20260329T100000/);
    expect(text).toContain('BEGIN:VTIMEZONE');
    expect(text).toContain('TZID:Europe/Berlin');
    expect(text).toContain('METHOD:REQUEST');
  });

  it('keeps the UID across the public file and an invitation, and lists the attendee there', () => {
    const invitation = onlyEvent(
      buildIcs({
        ...input,
        attendee: { email: 'ada@example.com', name: 'Ada' },
        location: 'https://meet.example/secret',
      }),
    );
    const publicFile = onlyEvent(buildIcs({ ...input, method: 'PUBLISH' }));
    expect(invitation.uid).toBe(publicFile.uid);
    const attendee = Array.isArray(invitation.attendee) ? invitation.attendee[0] : invitation.attendee;
    expect(String(attendee.val).toLowerCase()).toBe('mailto:ada@example.com');
    expect(invitation.location).toBe('https://meet.example/secret');
    expect(publicFile.location).toBe(input.url);
  });

  it('cancels with the same UID, a higher sequence and STATUS:CANCELLED', () => {
    const text = buildIcs({ ...input, session: { ...input.session, sequence: 1 }, method: 'CANCEL' });
    const event = onlyEvent(text);
    expect(event.status).toBe('CANCELLED');
    expect(Number(event.sequence)).toBe(1);
    expect(text).toContain('METHOD:CANCEL');
  });

  it('writes the local time of another zone, e.g. New York in summer', () => {
    const text = buildIcs({
      ...input,
      session: {
        ...input.session,
        startsAt: new Date('2026-07-01T14:00:00Z'),
        endsAt: new Date('2026-07-01T15:30:00Z'),
        timeZone: 'America/New_York',
      },
    });
    expect(text).toMatch(/DTSTART;TZID=America\/New_York:20260701T100000/);
    expect(new Date(onlyEvent(text).start).toISOString()).toBe('2026-07-01T14:00:00.000Z');
  });
});
