import { describe, expect, it } from 'vitest';
import { calendarEventIdFor } from './calendar-event';
import { invitationIcs } from './ics';
import { createHmac } from 'node:crypto';
import { tokenHash } from '@magnetiq/plugin-kit/server';
import { signManageToken, verifyManageToken } from './tokens';

const SECRET = 'a-secret-of-enough-length';

describe('manage tokens', () => {
  it('open the booking they were signed for', () => {
    expect(verifyManageToken(signManageToken('booking123', SECRET), SECRET)).toBe('booking123');
  });
  it('are unique per signing, so the stored hash identifies one link', () => {
    expect(tokenHash(signManageToken('b', SECRET))).not.toBe(tokenHash(signManageToken('b', SECRET)));
  });
  it('still open with a link signed in the format from before the kit', () => {
    const claims = Buffer.from(JSON.stringify({ p: 'booking-manage', b: 'booking123', n: 'x' })).toString('base64url');
    expect(
      verifyManageToken(`${claims}.${createHmac('sha256', SECRET).update(claims).digest('base64url')}`, SECRET),
    ).toBe('booking123');
  });
  it.each([
    ['another secret', (token: string) => verifyManageToken(token, 'another-secret-long-enough')],
    [
      'a changed claim',
      (token: string) =>
        verifyManageToken(
          `${Buffer.from(JSON.stringify({ p: 'booking-manage', b: 'other', n: 'x' })).toString('base64url')}.${token.split('.')[1]}`,
          SECRET,
        ),
    ],
    ['garbage', () => verifyManageToken('not-a-token', SECRET)],
    ['a number', () => verifyManageToken(42, SECRET)],
  ])('refuse %s', (_name, check) => expect(check(signManageToken('booking123', SECRET))).toBeNull());
});

describe('calendar event ids', () => {
  it('are deterministic base32hex ids Google accepts', () => {
    const id = calendarEventIdFor('abc');
    expect(id).toBe(calendarEventIdFor('abc'));
    expect(id).not.toBe(calendarEventIdFor('abd'));
    expect(id).toMatch(/^[a-v0-9]{5,1024}$/);
  });
});

describe('invitations', () => {
  const base = {
    uid: 'booking-1@magnetiq',
    sequence: 0,
    start: new Date('2026-02-02T08:00:00Z'),
    end: new Date('2026-02-02T08:30:00Z'),
    summary: 'Consultation',
    organizer: { name: 'Anna', email: 'anna@example.com' },
    attendee: { name: 'Ada', email: 'ada@example.com' },
    now: new Date('2026-01-01T00:00:00Z'),
  };
  it('a request carries METHOD:REQUEST, the UID and the times in UTC', () => {
    const ics = invitationIcs({ ...base, method: 'REQUEST' });
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).toContain('UID:booking-1@magnetiq');
    expect(ics).toContain('DTSTART:20260202T080000Z');
    expect(ics).toContain('SEQUENCE:0');
  });
  it('a cancellation carries METHOD:CANCEL and the same UID', () => {
    const ics = invitationIcs({ ...base, method: 'CANCEL', sequence: 2 });
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain('UID:booking-1@magnetiq');
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).toContain('SEQUENCE:2');
  });
});
