/**
 * The fake Google Calendar driven by the real googleapis client (service-account JWT through the
 * fake's token endpoint), and the errors it returns as calendar-sync classifies them: proof that
 * the fake speaks what googleapis expects and that the classification reads googleapis' errors.
 */
import crypto from 'node:crypto';
import { google } from 'googleapis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { classifyGoogleError } from '../../plugins/calendar-sync/server/src/domain/google-errors';
import { startFakeGoogleCalendar } from './google-calendar';

const ACCOUNT = 'bench@magnetiq-test.iam.gserviceaccount.com';
const CALENDAR = 'anna@magnetiq.test';
const keys = crypto.generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
let fake: Awaited<ReturnType<typeof startFakeGoogleCalendar>>;

const control = (path: string, body: unknown) =>
  fetch(`${fake.url}/__fake/${path}`, { method: 'POST', body: JSON.stringify(body) });

function client(privateKey = keys.privateKey, subject = CALENDAR) {
  const auth = new google.auth.JWT({
    email: ACCOUNT,
    key: privateKey,
    scopes: ['https://www.googleapis.com/auth/calendar.events'],
    subject,
  });
  auth.transporter.interceptors.request.add({
    resolved: async (options: any) => {
      if (String(options.url) === 'https://oauth2.googleapis.com/token') options.url = new URL(`${fake.url}/token`);
      return options;
    },
  });
  return google.calendar({ version: 'v3', auth, rootUrl: `${fake.url}/`, retry: false } as any);
}

const failure = async (work: () => Promise<unknown>) => {
  try {
    await work();
  } catch (error) {
    return classifyGoogleError(error);
  }
  throw new Error('expected the call to fail');
};

const event = (id: string) => ({
  id,
  summary: 'Consultation',
  start: { dateTime: '2026-03-02T08:00:00Z' },
  end: { dateTime: '2026-03-02T08:30:00Z' },
});

beforeAll(async () => {
  fake = await startFakeGoogleCalendar({ serviceAccountEmail: ACCOUNT, publicKey: keys.publicKey });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe('fake Google Calendar with googleapis', () => {
  it('exchanges the service-account JWT for a token and answers freeBusy with the busy times and our events', async () => {
    await control('busy', {
      calendarId: CALENDAR,
      busy: [{ start: '2026-03-02T09:00:00Z', end: '2026-03-02T10:00:00Z' }],
    });
    const calendar = client();
    await calendar.events.insert({ calendarId: CALENDAR, requestBody: event('mqevent0001') });
    const { data } = await calendar.freebusy.query({
      requestBody: { timeMin: '2026-03-02T00:00:00Z', timeMax: '2026-03-03T00:00:00Z', items: [{ id: CALENDAR }] },
    });
    expect(data.calendars?.[CALENDAR].busy).toEqual([
      { start: '2026-03-02T09:00:00.000Z', end: '2026-03-02T10:00:00.000Z' },
      { start: '2026-03-02T08:00:00.000Z', end: '2026-03-02T08:30:00.000Z' },
    ]);
  });

  it('refuses a JWT signed with another key (invalid_grant → reconnect)', async () => {
    const other = crypto.generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    expect(
      (
        await failure(() =>
          client(other.privateKey).events.insert({ calendarId: CALENDAR, requestBody: event('mqevent0002') }),
        )
      ).kind,
    ).toBe('reconnect');
  });

  it('answers a second insert with the same id with 409 duplicate, and a second delete with 410', async () => {
    const calendar = client();
    await calendar.events.insert({ calendarId: CALENDAR, requestBody: event('mqevent0003') });
    expect(
      await failure(() => calendar.events.insert({ calendarId: CALENDAR, requestBody: event('mqevent0003') })),
    ).toMatchObject({ kind: 'duplicate', status: 409 });
    await calendar.events.delete({ calendarId: CALENDAR, eventId: 'mqevent0003' });
    expect(await failure(() => calendar.events.delete({ calendarId: CALENDAR, eventId: 'mqevent0003' }))).toMatchObject(
      { kind: 'gone', status: 410, reason: 'deleted' },
    );
    expect(
      await failure(() => calendar.events.patch({ calendarId: CALENDAR, eventId: 'mqmissing01', requestBody: {} })),
    ).toMatchObject({ kind: 'not-found', status: 404 });
  });

  it('refuses an event id outside base32hex', async () => {
    expect(
      await failure(() => client().events.insert({ calendarId: CALENDAR, requestBody: event('Not_Valid') })),
    ).toMatchObject({ kind: 'permanent', status: 400 });
  });

  it.each([
    [{ status: 429 }, 'rate-limited', 'rateLimitExceeded'],
    [{ status: 403, reason: 'rateLimitExceeded' }, 'rate-limited', 'rateLimitExceeded'],
    [{ status: 403, reason: 'forbidden' }, 'permanent', 'forbidden'],
    [{ status: 500 }, 'unavailable', 'backendError'],
  ])('an injected %j is classified %s', async (plan, kind, reason) => {
    await control('fail', { target: 'events', times: 1, ...plan });
    expect(
      await failure(() => client().events.insert({ calendarId: CALENDAR, requestBody: event('mqevent0004') })),
    ).toMatchObject({ kind, reason });
  });

  it('a persistent 401 survives the client’s own token refresh and means reconnect', async () => {
    await control('fail', { target: 'events', status: 401, times: 3 });
    expect(
      (await failure(() => client().events.insert({ calendarId: CALENDAR, requestBody: event('mqevent0005') }))).kind,
    ).toBe('reconnect');
  });

  it('an outage drops the connection: unavailable', async () => {
    await control('down', { down: true });
    expect(
      (await failure(() => client().events.insert({ calendarId: CALENDAR, requestBody: event('mqevent0006') }))).kind,
    ).toBe('unavailable');
  });
});
