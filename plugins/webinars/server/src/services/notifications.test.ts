import { describe, expect, it } from 'vitest';
import ical from 'node-ical';
import notifications, { type RegistrationRow, type SessionRow } from './notifications';
import { verifyRegistrationToken } from '../domain/tokens';

const config = {
  tokenSecret: 'a-test-secret-of-enough-length',
  publicUrl: 'https://cms.example.test',
  siteUrl: 'https://www.example.test',
  pagePath: '/{locale}/webinars/{slug}',
  organizer: { name: 'Magnetiq', email: 'events@example.test' },
  reminderIntervalMs: 0,
  testClock: false,
};
const fakeStrapi = { config: { get: () => config } } as any;
const service = notifications({ strapi: fakeStrapi });

const session: SessionRow = {
  id: 1,
  document_id: 'k3v9q2m7x1c8b4n6z0p5r2t8',
  webinar: 'w1234567890abcdefghijklm',
  starts_at: new Date('2026-12-08T09:00:00Z'),
  ends_at: new Date('2026-12-08T10:00:00Z'),
  time_zone: 'Europe/Berlin',
  capacity: 10,
  seats_taken: 3,
  status: 'scheduled',
  join_url: 'https://meet.example.test/secret',
  join_instructions: 'PIN 4711',
  recording_url: null,
  sequence: 0,
};
const webinar = {
  documentId: session.webinar,
  locale: 'de',
  title: 'Pipeline-Grundlagen',
  slug: 'pipeline-grundlagen',
  summary: 'Was eine Pipeline braucht.',
};
const registration: RegistrationRow = {
  id: 7,
  document_id: 'r0123456789abcdefghijklm',
  session_id: 1,
  contact: 'c0123456789abcdefghijklm',
  contact_id: 3,
  email: 'ada@example.com',
  first_name: 'Ada',
  status: 'registered',
  locale: 'de',
  registered_at: new Date('2026-12-01T10:00:00Z'),
  seat_at: new Date('2026-12-01T10:00:00Z'),
};
const icsOf = (message: any) => Buffer.from(message.payload.attachments[0].content, 'base64').toString('utf8');

describe('webinar email messages', () => {
  it("confirms in the registrant's language with the join link, an invitation and a working cancel link", () => {
    const message = service.message('confirmation', session, webinar, registration, { round: 1 });
    expect(message.idempotencyKey).toBe('email:webinar-confirmation:r0123456789abcdefghijklm:1');
    expect(message.payload).toMatchObject({
      template: 'webinar-confirmation',
      locale: 'de',
      to: 'ada@example.com',
      contact: registration.contact,
    });
    expect(message.payload.data.joinUrl).toBe(session.join_url);
    expect(message.payload.data.webinar.url).toBe('https://www.example.test/de/webinars/pipeline-grundlagen');
    expect(message.payload.data.when).toBe('Dienstag, 8. Dezember 2026, 10:00–11:00 MEZ (Europe/Berlin)');
    const token = new URL(message.payload.data.cancelUrl!).searchParams.get('token');
    expect(verifyRegistrationToken(token, config.tokenSecret)).toBe(registration.document_id);
    const [event] = Object.values(ical.sync.parseICS(icsOf(message))).filter(
      (item: any) => item.type === 'VEVENT',
    ) as any[];
    expect(event.location).toBe(session.join_url);
    expect(message.payload.attachments![0].type).toContain('method=REQUEST');
  });

  it('keeps the join link out of the waitlist notice and has no invitation there', () => {
    const message = service.message('waitlisted', session, webinar, { ...registration, status: 'waitlisted' });
    expect(JSON.stringify(message)).not.toContain('meet.example.test');
    expect(JSON.stringify(message)).not.toContain('4711');
    expect(message.payload.attachments).toBeUndefined();
  });

  it('keys reminders by kind and registration only, so a repeated run sends nothing new', () => {
    expect(service.message('reminder', session, webinar, registration, { reminder: '24h' }).idempotencyKey).toBe(
      'email:webinar-reminder-24h:r0123456789abcdefghijklm',
    );
    expect(service.message('reminder', session, webinar, registration, { reminder: '1h' }).idempotencyKey).toBe(
      'email:webinar-reminder-1h:r0123456789abcdefghijklm',
    );
  });

  it('cancels the calendar entry when the session is called off', () => {
    const message = service.message(
      'sessionCancelled',
      { ...session, status: 'cancelled', sequence: 1 },
      webinar,
      registration,
    );
    const ics = icsOf(message);
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain('SEQUENCE:1');
    expect(ics).not.toContain('meet.example.test');
  });
});
