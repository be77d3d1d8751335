/**
 * Hosts connect their own Google calendar (issue 22): the OAuth authorization-code flow with
 * PKCE and a signed, single-use state bound to the admin user, against the fake Google's consent
 * page, token endpoint and revoke endpoint; the refresh token stored encrypted; "Disconnect"
 * revokes at Google; a grant Google refuses (invalid_grant) marks the calendar disconnected, shows
 * in the admin and in /_ready, and emails the host once. Bookings of a video meeting type get a
 * Google Meet link (booking row, details email, ICS); webinar sessions go onto a team calendar.
 */
import crypto from 'node:crypto';
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { eventIdForReference } from '../../plugins/calendar-sync/server/src/domain/event-id';
import { signState, stateSecret } from '../../plugins/calendar-sync/server/src/domain/oauth-state';
import { decryptToken, keyringFrom } from '../../plugins/calendar-sync/server/src/domain/token-crypto';
import { fakeGoogle } from '../fakes/google-calendar-client';
import { fakeSendGrid } from '../fakes/sendgrid-client';
import { createAdminUser } from '../helpers/admin-users';
import { createBookingHost, createMeetingType } from '../helpers/booking';
import { superAdminToken } from '../helpers/content';
import { rows } from '../helpers/db';
import { api, clientIp } from '../helpers/http';
import { uniqueEmail } from '../helpers/leads';
import { eventually } from '../helpers/wait';

const suffix = crypto.randomBytes(3).toString('hex');
const ZONE = 'Europe/Berlin';
const WEEK = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [{ start: '08:00', end: '18:00' }]]),
);
const hosts = {
  meet: { slug: `gmeet-${suffix}`, name: 'Greta Meet', email: `greta-${suffix}@magnetiq.test` },
  lost: { slug: `glost-${suffix}`, name: 'Lars Lost', email: `lars-${suffix}@magnetiq.test` },
  forge: { slug: `gforge-${suffix}`, name: 'Fiona Forge', email: `fiona-${suffix}@magnetiq.test` },
};
const meetType = `gmeet-call-${suffix}`;
const lostType = `glost-call-${suffix}`;
let token: string;
let adminId: number;

const asAdmin = (json?: unknown, bearer = token) => ({
  method: json === undefined ? 'GET' : 'POST',
  ip: clientIp(),
  headers: { Authorization: `Bearer ${bearer}` },
  ...(json === undefined ? {} : { json }),
});
const storedToken = async (calendarId: string) =>
  (
    await rows(`select refresh_token, status from calendar_sync_connections where calendar_id = $1`, [calendarId])
  )[0] as { refresh_token: string | null; status: string } | undefined;
const text = (message: { body: any }) =>
  message.body.content.find((part: any) => part.type === 'text/plain').value as string;

/** Starts the flow as an admin, visits Google's consent page (the fake consents at once) and returns what Google sent back. */
async function consent(calendarId: string, bearer = token) {
  const started = await api('/calendar-sync/oauth/start', asAdmin({ calendarId }, bearer));
  expect(started.status, JSON.stringify(started.body)).toBe(200);
  const url = new URL(started.body.data.url);
  const page = await fetch(url, { redirect: 'manual' });
  expect(page.status).toBe(302);
  const back = new URL(page.headers.get('location')!);
  return {
    url,
    back,
    code: back.searchParams.get('code'),
    state: back.searchParams.get('state')!,
    error: back.searchParams.get('error'),
  };
}

async function connect(calendarId: string) {
  const { code, state } = await consent(calendarId);
  const done = await api('/calendar-sync/oauth/callback', asAdmin({ code, state }));
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  return done.body.data;
}

const day = (days: number) => DateTime.now().setZone(ZONE).plus({ days }).toISODate()!;
async function bookFirstSlot(type: string, host: string, email: string) {
  const slots = await api(`/api/booking/slots?type=${type}&from=${day(2)}&to=${day(6)}&tz=${ZONE}&host=${host}`, {
    ip: clientIp(),
  });
  expect(slots.status, JSON.stringify(slots.body)).toBe(200);
  const start = slots.body.data.flatMap((entry: { slots: Array<{ start: string }> }) => entry.slots)[0].start;
  const booked = await api('/api/booking/bookings', {
    method: 'POST',
    ip: clientIp(),
    json: {
      type,
      host,
      start,
      timeZone: ZONE,
      locale: 'en',
      email,
      firstName: 'Vera',
      lastName: 'Visitor',
      answers: { goal: 'Pipeline' },
      consent: { dataProcessing: true, textVersion: 'booking-2026-12' },
    },
  });
  expect(booked.status, JSON.stringify(booked.body)).toBe(201);
  return booked.body.data as { id: string };
}

beforeAll(async () => {
  token = await superAdminToken();
  adminId = (await api('/admin/users/me', asAdmin())).body.data.id;
  for (const host of Object.values(hosts)) await createBookingHost(token, host, { timeZone: ZONE, weeklyHours: WEEK });
  await createMeetingType(token, {
    title: `Meet call ${suffix}`,
    slug: meetType,
    description: 'A video call.',
    hosts: [hosts.meet.slug],
    conferencing: 'google-meet',
  });
  await createMeetingType(token, {
    title: `Lost call ${suffix}`,
    slug: lostType,
    description: 'A video call.',
    hosts: [hosts.lost.slug],
    conferencing: 'none',
  });
});

describe('Connect Google Calendar', () => {
  it('asks Google for offline access with PKCE (S256), consent and only the two calendar scopes; stores the refresh token encrypted', async () => {
    const { url, state, code } = await consent(hosts.meet.email);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      access_type: 'offline',
      prompt: 'consent',
      code_challenge_method: 'S256',
      login_hint: hosts.meet.email,
      scope: 'https://www.googleapis.com/auth/calendar.events https://www.googleapis.com/auth/calendar.freebusy',
      redirect_uri: `${inject('cmsUrl')}/admin/plugins/calendar-sync/oauth/callback`,
    });
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(state).toBe(url.searchParams.get('state'));

    const done = await api('/calendar-sync/oauth/callback', asAdmin({ code, state }));
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const connection = done.body.data;
    expect(connection).toMatchObject({
      calendarId: hosts.meet.email,
      method: 'oauth',
      status: 'ok',
      owners: [{ kind: 'host', name: hosts.meet.name }],
    });
    const [grant] = (await fakeGoogle.grants(hosts.meet.email)).filter((entry) => !entry.revokedAt);
    expect(grant.refreshToken).toBeTruthy();
    const stored = (await storedToken(hosts.meet.email))!.refresh_token!;
    expect(stored).not.toContain(grant.refreshToken);
    expect(stored.startsWith('v1.')).toBe(true);
    expect(decryptToken(stored, keyringFrom(inject('cmsSecrets').CALENDAR_TOKEN_KEY), hosts.meet.email).token).toBe(
      grant.refreshToken,
    );
    expect(JSON.stringify((await api('/calendar-sync/connections', asAdmin())).body)).not.toContain(grant.refreshToken);
    // the pending row (with the PKCE verifier) is gone once used
    const nonce = JSON.parse(Buffer.from(state.split('.')[0], 'base64url').toString('utf8')).n;
    expect(await rows(`select 1 from calendar_sync_oauth_states where nonce = $1`, [nonce])).toHaveLength(0);
  });

  it('gives a booking of a google-meet type a Meet link: on the booking, in a details email and its invitation', async () => {
    const email = uniqueEmail('meet-visitor');
    const booking = await bookFirstSlot(meetType, hosts.meet.slug, email);
    const confirmation = await eventually(
      async () =>
        (await fakeSendGrid.to(email)).find((message) => message.body.custom_args?.template === 'booking-confirmed'),
      { what: 'confirmation' },
    );
    expect(text(confirmation)).toContain('The video link follows in a separate email');

    const [row] = await eventually(
      async () => {
        const found = await rows(
          `select meet_link, calendar_event_id from booking_bookings where document_id = $1 and meet_link is not null`,
          [booking.id],
        );
        return found.length > 0 && found;
      },
      { timeoutMs: 20_000, what: 'meet link on the booking' },
    );
    const event = await fakeGoogle.event(row.calendar_event_id);
    expect(event?.calendarId).toBe(hosts.meet.email);
    expect(row.meet_link).toBe(event?.hangoutLink);
    expect(row.meet_link).toMatch(/^https:\/\/meet\.google\.com\//);
    // events.insert asked for a Meet conference through the host's own OAuth token
    const insert = (await fakeGoogle.state()).calls.find(
      (call) => call.method === 'POST' && call.eventId === row.calendar_event_id,
    );
    expect(insert?.status).toBe(200);

    const details = await eventually(
      async () =>
        (await fakeSendGrid.to(email)).find((message) => message.body.custom_args?.template === 'booking-details'),
      { what: 'details email' },
    );
    expect(text(details)).toContain(row.meet_link);
    const ics = Buffer.from(details.body.attachments[0].content, 'base64')
      .toString('utf8')
      .replace(/\r\n[ \t]/g, '');
    expect(ics).toContain(`LOCATION:${row.meet_link}`);
    expect(ics).toMatch(new RegExp(`URL(;VALUE=URI)?:${row.meet_link.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
    expect(ics).toContain(`UID:${booking.id}@booking.magnetiq`);
    const manage = await api(`/booking/bookings?host=${hosts.meet.slug}`, asAdmin());
    expect(manage.body.data.results.find((entry: { id: string }) => entry.id === booking.id)?.meetLink).toBe(
      row.meet_link,
    );
  });

  it('refuses a forged state, a state of another admin user and a replayed state', async () => {
    const { code, state } = await consent(hosts.forge.email);
    const forged = signState(
      { nonce: 'made-up', adminUserId: adminId, calendarId: hosts.forge.email, expiresAt: Date.now() + 60_000 },
      stateSecret(crypto.randomBytes(32)),
    );
    const wrongKey = await api('/calendar-sync/oauth/callback', asAdmin({ code, state: forged }));
    expect(wrongKey.status).toBe(403);
    expect(wrongKey.body.error.message).toMatch(/not started here/);
    const edited = `${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(state.split('.')[0], 'base64url').toString()), c: hosts.lost.email })).toString('base64url')}.${state.split('.')[1]}`;
    expect((await api('/calendar-sync/oauth/callback', asAdmin({ code, state: edited }))).status).toBe(403);

    const other = await createAdminUser('Super Admin');
    const stranger = await api('/calendar-sync/oauth/callback', asAdmin({ code, state }, other.token));
    expect(stranger.status, JSON.stringify(stranger.body)).toBe(403);
    expect(stranger.body.error.message).toMatch(/another admin user/);
    expect((await storedToken(hosts.forge.email))?.refresh_token ?? null).toBeNull();

    // the admin who started it still can (the refusals consumed nothing), once
    expect((await api('/calendar-sync/oauth/callback', asAdmin({ code, state }))).status).toBe(200);
    const replay = await api('/calendar-sync/oauth/callback', asAdmin({ code, state }));
    expect(replay.status).toBe(403);
    expect(replay.body.error.message).toMatch(/already used or has expired/);
  });

  it('refuses a code whose PKCE verifier does not match: Google answers invalid_grant, nothing is stored', async () => {
    const calendarId = `pkce-${suffix}@magnetiq.test`;
    const first = await consent(calendarId);
    const second = await consent(calendarId);
    // the first flow's code with the second flow's state: the server sends the second verifier
    const mismatch = await api('/calendar-sync/oauth/callback', asAdmin({ code: first.code, state: second.state }));
    expect(mismatch.status, JSON.stringify(mismatch.body)).toBe(400);
    expect(mismatch.body.error.message).toMatch(/PKCE/);
    const token400 = (await fakeGoogle.state()).calls.filter((call) => call.path === '/token' && call.status === 400);
    expect(token400.length).toBeGreaterThan(0);
    expect(await storedToken(calendarId)).toBeUndefined();
    expect((await fakeGoogle.grants(calendarId)).filter((grant) => !grant.revokedAt)).toHaveLength(0);
  });

  it('refuses a grant without every scope (granular consent) and gives it back to Google', async () => {
    const calendarId = `scopes-${suffix}@magnetiq.test`;
    await fakeGoogle.consent({ scopes: ['https://www.googleapis.com/auth/calendar.events'] });
    const { code, state } = await consent(calendarId);
    const refused = await api('/calendar-sync/oauth/callback', asAdmin({ code, state }));
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/calendar\.freebusy/);
    const grants = await fakeGoogle.grants(calendarId);
    expect(grants).toHaveLength(1);
    expect(grants[0].revokedAt).not.toBeNull();
    expect(await storedToken(calendarId)).toBeUndefined();
  });

  it('Disconnect revokes the grant at Google and deletes the token', async () => {
    const calendarId = `disconnect-${suffix}@magnetiq.test`;
    await connect(calendarId);
    const [grant] = await fakeGoogle.grants(calendarId);
    expect(grant.revokedAt).toBeNull();
    const done = await api('/calendar-sync/connections/disconnect', asAdmin({ calendarId }));
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.data).toMatchObject({ calendarId, method: 'service-account' });
    expect((await fakeGoogle.grants(calendarId))[0].revokedAt).not.toBeNull();
    expect((await fakeGoogle.state()).calls.some((call) => call.path === '/revoke' && call.status === 200)).toBe(true);
    expect((await storedToken(calendarId))?.refresh_token).toBeNull();
    // nothing left to disconnect
    expect((await api('/calendar-sync/connections/disconnect', asAdmin({ calendarId }))).status).toBe(404);
  });

  it('a grant Google refuses (invalid_grant) marks the host disconnected, shows in the admin and /_ready, and emails the host once', async () => {
    await connect(hosts.lost.email);
    await fakeGoogle.revokeUser(hosts.lost.email);
    // the next calls to Google (free/busy for slots, the booking's event) refresh the token and get invalid_grant
    await bookFirstSlot(lostType, hosts.lost.slug, uniqueEmail('lost-visitor'));
    await eventually(async () => (await storedToken(hosts.lost.email))?.status === 'reconnect', {
      timeoutMs: 20_000,
      what: 'connection marked reconnect',
    });
    expect((await fakeGoogle.state()).calls.some((call) => call.path === '/token' && call.status === 400)).toBe(true);

    const list = await api('/calendar-sync/connections', asAdmin());
    expect(list.body.data.find((row: { calendarId: string }) => row.calendarId === hosts.lost.email)).toMatchObject({
      needsReconnect: true,
      method: 'oauth',
      owners: [{ kind: 'host', name: hosts.lost.name }],
    });
    const ready = await api('/_ready');
    expect(ready.body.integrations.google.state).toBe('reconnect-needed');
    expect(ready.body.integrations.google.calendars.reconnect).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(ready.body)).not.toContain(hosts.lost.email);

    const emails = await eventually(
      async () => {
        const sent = (await fakeSendGrid.to(hosts.lost.email)).filter(
          (message) => message.body.custom_args?.template === 'calendar-disconnected',
        );
        return sent.length > 0 && sent;
      },
      { what: 'disconnected email' },
    );
    expect(text(emails[0])).toContain(`${inject('cmsUrl')}/admin/plugins/calendar-sync`);
    // more failures (slot requests, the waiting event's retries) send nothing more
    for (let i = 0; i < 3; i++)
      await api(`/api/booking/slots?type=${lostType}&from=${day(2)}&to=${day(3)}&tz=${ZONE}`, { ip: clientIp() });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(
      (await fakeSendGrid.to(hosts.lost.email)).filter(
        (message) => message.body.custom_args?.template === 'calendar-disconnected',
      ),
    ).toHaveLength(1);

    // connecting again clears it
    await connect(hosts.lost.email);
    expect((await storedToken(hosts.lost.email))?.status).toBe('ok');
  });
});

describe('webinar sessions on a team calendar', () => {
  it('creates, moves and deletes the session’s event on the webinar’s Google calendar', async () => {
    const calendarId = `team-${suffix}@magnetiq.test`;
    const webinar = await api(
      '/webinars/webinars',
      asAdmin({
        title: `Team webinar ${suffix}`,
        slug: `team-webinar-${suffix}`,
        summary: 'For the team calendar.',
        calendarId,
        publish: true,
      }),
    );
    expect(webinar.status, JSON.stringify(webinar.body)).toBeLessThan(300);
    const webinarId = webinar.body.data.documentId;
    // the team calendar is listed for "Connect Google Calendar"
    const list = await api('/calendar-sync/connections', asAdmin());
    expect(list.body.data.find((row: { calendarId: string }) => row.calendarId === calendarId)?.owners).toEqual([
      { kind: 'team', name: `Team webinar ${suffix}` },
    ]);
    await connect(calendarId);

    const startsAt = DateTime.now().plus({ days: 10 }).startOf('hour');
    const session = await api(
      `/webinars/webinars/${webinarId}/sessions`,
      asAdmin({
        startsAt: startsAt.toISO(),
        endsAt: startsAt.plus({ hours: 1 }).toISO(),
        timeZone: ZONE,
        capacity: 50,
      }),
    );
    expect(session.status, JSON.stringify(session.body)).toBeLessThan(300);
    const sessionId = session.body.data.documentId;
    const eventId = eventIdForReference(`webinar-session:${sessionId}`);
    const created = await eventually(async () => (await fakeGoogle.event(eventId)) ?? null, {
      timeoutMs: 20_000,
      what: 'session event',
    });
    expect(created).toMatchObject({ calendarId, status: 'confirmed', summary: `Webinar: Team webinar ${suffix}` });
    expect(Date.parse(created.start.dateTime)).toBe(startsAt.toMillis());

    const moved = startsAt.plus({ days: 1 });
    expect(
      (
        await api(`/webinars/sessions/${sessionId}`, {
          ...asAdmin({ startsAt: moved.toISO(), endsAt: moved.plus({ hours: 1 }).toISO() }),
          method: 'PUT',
        })
      ).status,
    ).toBe(200);
    await eventually(
      async () => Date.parse((await fakeGoogle.event(eventId))?.start.dateTime ?? '') === moved.toMillis(),
      { timeoutMs: 20_000, what: 'event moved' },
    );

    expect((await api(`/webinars/sessions/${sessionId}/cancel`, asAdmin({}))).status).toBe(200);
    await eventually(async () => (await fakeGoogle.event(eventId))?.status === 'cancelled', {
      timeoutMs: 20_000,
      what: 'event deleted',
    });
  });
});
