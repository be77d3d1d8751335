/**
 * Hostile and random input on every public endpoint: never a 5xx, never a partial row, never
 * HTML echoed back unescaped. Bodies come from fast-check (seeded, so a failure replays).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { api, clientIp } from '../helpers/http';
import { count } from '../helpers/db';
import { submission } from '../helpers/leads';

const HOSTILE_STRINGS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' OR 1=1; DROP TABLE leads_contacts; --",
  '${jndi:ldap://x}',
  '\u0000\u0001\u0002',
  '\ud83d\ude00\u202e\u200b',
  'a'.repeat(10_000),
  '%00%2e%2e%2f',
  '{"$gt": ""}',
];

const hostileString = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ maxLength: 50 }));
const anyValue = fc.oneof(hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(hostileString, { maxLength: 3 }), fc.dictionary(hostileString, hostileString, { maxKeys: 3 }));
const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', '$where', 'id', 'documentId', 'status'];

/**
 * A valid body with some fields replaced by hostile values, plus maybe a polluting key: the
 * generator every form endpoint's fuzz case uses.
 */
const hostileBody = (valid: () => Record<string, unknown>, fields: string[]) =>
  fc
    .record({
      replace: fc.dictionary(fc.constantFrom(...fields), anyValue, { maxKeys: 4 }),
      extraKey: fc.option(fc.constantFrom(...POLLUTION_KEYS)),
      extraValue: anyValue,
    })
    .map(({ replace, extraKey, extraValue }) => {
      const body: Record<string, unknown> = { ...valid(), ...replace };
      // JSON.parse is how a hostile client's "__proto__" key really arrives
      return extraKey ? JSON.parse(JSON.stringify(body).replace(/^\{/, `{${JSON.stringify(extraKey)}:${JSON.stringify(extraValue)},`)) : body;
    });

const FORM_FIELDS = ['email', 'firstName', 'lastName', 'company', 'phone', 'country', 'language', 'message', 'consent', 'utm', 'referrer', 'landingPage', 'website'];
const hostileSubmission = hostileBody(() => submission({ email: `fuzz-${Math.random().toString(36).slice(2)}@example.com` }), FORM_FIELDS);

const unescapedHtml = (text: string) => /<script|<img|onerror=/i.test(text);

describe('fuzzing the public endpoints', () => {
  it('POST /api/leads/submissions: random and hostile bodies never cause a 5xx or a partial lead', async () => {
    await fc.assert(
      fc.asyncProperty(hostileSubmission, async (body) => {
        const before = await count(`select count(*) from leads_contacts`);
        const consentsBefore = await count(`select count(*) from leads_consents`);
        const response = await api('/api/leads/submissions', { method: 'POST', json: body, ip: clientIp() });
        expect(response.status, JSON.stringify(response.body)).toBeLessThan(500);
        expect(unescapedHtml(JSON.stringify(response.body ?? ''))).toBe(false);
        const created = (await count(`select count(*) from leads_contacts`)) - before;
        const consents = (await count(`select count(*) from leads_consents`)) - consentsBefore;
        if (response.status === 201) {
          // accepted: all rows or (honeypot) none
          expect(created <= 1).toBe(true);
          expect(created === 0 ? consents === 0 : consents >= 1).toBe(true);
        } else {
          expect([created, consents]).toEqual([0, 0]);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 150, seed: 20261125 }
    );
  });

  it('POST /api/leads/submissions: bodies that are not objects get a 4xx', async () => {
    for (const raw of ['[]', '"text"', '42', 'null', '{', '{"email":', '\u0000', '{"a":'.repeat(2000)]) {
      const response = await api('/api/leads/submissions', { method: 'POST', body: raw, headers: { 'Content-Type': 'application/json' }, ip: clientIp() });
      expect(response.status, raw.slice(0, 20)).toBeGreaterThanOrEqual(400);
      expect(response.status, raw.slice(0, 20)).toBeLessThan(500);
    }
  });

  it.each(['/api/leads/confirm', '/api/leads/unsubscribe'])('GET %s: random tokens are refused with a 4xx', async (path) => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileString, fc.base64String({ maxLength: 400 }).map((b) => `${b}.${b.slice(0, 20)}`)), async (token) => {
        const response = await api(`${path}?token=${encodeURIComponent(token)}`, { ip: clientIp() });
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expect(unescapedHtml(JSON.stringify(response.body ?? ''))).toBe(false);
      }),
      { numRuns: 60, seed: 7 }
    );
  });

  it('POST /api/whitepapers/requests: random and hostile bodies never cause a 5xx or a partial row', async () => {
    const paper = (await api('/api/whitepapers/papers?locale=en')).body?.data?.[0]?.documentId ?? 'abcdefghijklmnopqrstuvwx';
    const valid = () => ({
      whitepaper: paper,
      locale: 'en',
      email: `fuzz-${Math.random().toString(36).slice(2)}@example.com`,
      firstName: 'Ada',
      company: 'Fuzz AG',
      consent: { dataProcessing: true, marketingEmail: false, textVersion: 'whitepaper-2026-11' },
    });
    await fc.assert(
      fc.asyncProperty(hostileBody(valid, ['whitepaper', 'locale', ...FORM_FIELDS, 'jobTitle']), async (body) => {
        const before = [await count(`select count(*) from leads_contacts`), await count(`select count(*) from whitepapers_downloads`)];
        const response = await api('/api/whitepapers/requests', { method: 'POST', json: body, ip: clientIp() });
        expect(response.status, JSON.stringify(response.body)).toBeLessThan(500);
        expect(unescapedHtml(JSON.stringify(response.body ?? ''))).toBe(false);
        const after = [await count(`select count(*) from leads_contacts`), await count(`select count(*) from whitepapers_downloads`)];
        if (response.status !== 201) expect(after).toEqual(before);
        else expect(after[1] - before[1]).toBeLessThanOrEqual(1);
      }),
      { numRuns: 80, seed: 20261202 }
    );
  });

  it('GET /api/whitepapers/download/:token: random and hostile tokens get a 4xx, never a file or a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileString, fc.base64String({ maxLength: 400 }).map((b) => `v1.${b}.${b.slice(0, 43)}`)), async (token) => {
        const response = await api(`/api/whitepapers/download/${encodeURIComponent(token)}`, { ip: clientIp() });
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expect(response.headers.get('content-type') ?? '').not.toContain('application/pdf');
        expect(unescapedHtml(typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? ''))).toBe(false);
      }),
      { numRuns: 60, seed: 11 }
    );
  });

  it('POST /api/webinars/registrations: random and hostile bodies never cause a 5xx, a partial row or a seat taken', async () => {
    // the seeded upcoming webinar's session
    const listed = (await api('/api/webinars/webinars?locale=en&when=upcoming')).body?.data ?? [];
    const session: string = listed.flatMap((webinar: any) => webinar.sessions ?? [])[0]?.documentId ?? 'abcdefghijklmnopqrstuvwx';
    const valid = () => ({
      session,
      locale: 'en',
      email: `fuzz-${Math.random().toString(36).slice(2)}@example.com`,
      firstName: 'Ada',
      company: 'Fuzz AG',
      consent: { dataProcessing: true, textVersion: 'webinar-2026-11' },
      answers: { role: 'Head of sales' },
    });
    const tables = ['leads_contacts', 'webinars_registrations'];
    await fc.assert(
      fc.asyncProperty(hostileBody(valid, ['session', 'locale', 'answers', 'jobTitle', ...FORM_FIELDS]), async (body) => {
        const before = await Promise.all(tables.map((table) => count(`select count(*) from ${table}`)));
        const seatsBefore = await count(`select coalesce(sum(seats_taken), 0) as count from webinars_sessions`);
        const response = await api('/api/webinars/registrations', { method: 'POST', json: body, ip: clientIp() });
        expect(response.status, JSON.stringify(response.body)).toBeLessThan(500);
        expect(unescapedHtml(JSON.stringify(response.body ?? ''))).toBe(false);
        const after = await Promise.all(tables.map((table) => count(`select count(*) from ${table}`)));
        const seatsAfter = await count(`select coalesce(sum(seats_taken), 0) as count from webinars_sessions`);
        if (response.status !== 201) {
          expect(after).toEqual(before);
          expect(seatsAfter).toBe(seatsBefore);
        } else {
          expect(after[1] - before[1]).toBeLessThanOrEqual(1);
          expect(seatsAfter - seatsBefore).toBeLessThanOrEqual(after[1] - before[1]);
        }
      }),
      { numRuns: 80, seed: 20261203 }
    );
  });

  it.each(['/api/webinars/registrations/cancel', '/api/webinars/registrations/ics'])('GET %s: random tokens are refused with a 4xx', async (path) => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileString, fc.base64String({ maxLength: 400 }).map((b) => `${b}.${b.slice(0, 20)}`)), async (token) => {
        const response = await api(`${path}?token=${encodeURIComponent(token)}`, { ip: clientIp() });
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expect(unescapedHtml(typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? ''))).toBe(false);
      }),
      { numRuns: 40, seed: 13 }
    );
  });

  it('POST /api/booking/bookings: random and hostile bodies never cause a 5xx or a partial booking', async () => {
    const types = (await api('/api/booking/meeting-types?locale=en')).body?.data ?? [];
    const type: string = types[0]?.slug ?? 'discovery-call';
    const valid = () => ({
      type,
      // far ahead: outside any horizon, so a valid body is refused with 4xx and books nothing
      start: '2031-03-03T09:00:00Z',
      timeZone: 'Europe/Berlin',
      locale: 'en',
      email: `fuzz-${Math.random().toString(36).slice(2)}@example.com`,
      firstName: 'Ada',
      consent: { dataProcessing: true, textVersion: 'booking-2026-11' },
      answers: { goal: 'Meet' },
    });
    const tables = ['leads_contacts', 'booking_bookings'];
    await fc.assert(
      fc.asyncProperty(hostileBody(valid, ['type', 'host', 'start', 'timeZone', 'locale', 'answers', 'jobTitle', ...FORM_FIELDS]), async (body) => {
        const before = await Promise.all(tables.map((table) => count(`select count(*) from ${table}`)));
        const response = await api('/api/booking/bookings', { method: 'POST', json: body, ip: clientIp() });
        expect(response.status, JSON.stringify(response.body)).toBeLessThan(500);
        expect(unescapedHtml(JSON.stringify(response.body ?? ''))).toBe(false);
        const after = await Promise.all(tables.map((table) => count(`select count(*) from ${table}`)));
        if (response.status !== 201) expect(after).toEqual(before);
      }),
      { numRuns: 80, seed: 20261204 }
    );
  });

  it('GET /api/booking/slots: hostile query strings get a 4xx, never a 5xx', async () => {
    const param = fc.oneof(hostileString, fc.constantFrom('2026-02-30', '9999-12-31', 'Europe/Nowhere', '../../etc', 'UTC', '-1'));
    await fc.assert(
      fc.asyncProperty(fc.record({ type: param, from: param, to: param, tz: param, host: fc.option(param) }), async (query) => {
        const search = new URLSearchParams(Object.entries(query).filter(([, value]) => value !== null) as Array<[string, string]>);
        const response = await api(`/api/booking/slots?${search}`, { ip: clientIp() });
        expect(response.status, JSON.stringify(response.body)).toBeLessThan(500);
        expect(unescapedHtml(JSON.stringify(response.body ?? ''))).toBe(false);
      }),
      { numRuns: 60, seed: 17 }
    );
  });

  it.each(['/api/booking/manage', '/api/booking/manage/cancel'])('POST %s: random tokens get a 4xx and change nothing', async (path) => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileString, fc.base64String({ maxLength: 400 }).map((b) => `${b}.${b.slice(0, 20)}`), anyValue), async (token) => {
        const cancelledBefore = await count(`select count(*) from booking_bookings where status = 'cancelled'`);
        const response = await api(path, { method: 'POST', json: { token }, ip: clientIp() });
        expect(response.status, JSON.stringify(response.body)).toBeGreaterThanOrEqual(400);
        expect(response.status, JSON.stringify(response.body)).toBeLessThan(500);
        expect(await count(`select count(*) from booking_bookings where status = 'cancelled'`)).toBe(cancelledBefore);
      }),
      { numRuns: 40, seed: 19 }
    );
  });

  it('repeated query parameters and odd methods do not break the link endpoints', async () => {
    const twice = await api('/api/leads/confirm?token=a.b&token=c.d', { ip: clientIp() });
    expect(twice.status).toBe(400);
    const put = await api('/api/leads/submissions', { method: 'PUT', json: {}, ip: clientIp() });
    expect(put.status).toBeGreaterThanOrEqual(400);
    expect(put.status).toBeLessThan(500);
  });
});
