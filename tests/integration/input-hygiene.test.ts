/**
 * Issue 17, item 1: a NUL byte (or another C0 control, or a lone surrogate) in any text field of a
 * public form was a 500 (PostgreSQL refuses \0 in text) and a lost lead. Now it is a 400 in
 * Strapi's error format that names the field, on every public form and every path/query parameter.
 */
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminToken, api, clientIp } from '../helpers/http';
import { rows } from '../helpers/db';
import { submission, uniqueEmail } from '../helpers/leads';

const NUL = 'a\u0000b';
const TEXT_FIELDS: Array<[string, string[]]> = [
  ['company', ['company']],
  ['message', ['message']],
  ['jobTitle', ['jobTitle']],
  ['referrer', ['referrer']],
  ['landingPage', ['landingPage']],
  ['utm.source', ['utm', 'source']],
];

const withValue = (body: Record<string, unknown>, path: string[], value: string) =>
  path.length === 1
    ? { ...body, [path[0]]: value }
    : { ...body, [path[0]]: { ...((body[path[0]] as object) ?? {}), [path[1]]: value } };

const expectFieldRefused = (response: { status: number; body: any }, path: string[]) => {
  expect(response.status, JSON.stringify(response.body)).toBe(400);
  expect(response.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
  expect(response.body.error.details.errors.map((error: any) => error.path)).toContainEqual(path);
  expect(response.body.error.message).toContain(path.join('.'));
};

// Hygiene runs before anything is looked up; the meeting type is whatever exists (a bookable slot needs a host set up).
let session = 'abcdefghijklmnopqrstuvwx';
let whitepaper = 'abcdefghijklmnopqrstuvwx';
let meetingType = 'discovery-call';
beforeAll(async () => {
  // a real webinar session and whitepaper, so a body that passes validation reaches the database
  const token = await adminToken();
  const asAdmin = (json: unknown) => ({
    method: 'POST',
    json,
    ip: clientIp(),
    headers: { Authorization: `Bearer ${token}` },
  });
  const suffix = crypto.randomBytes(3).toString('hex');
  const webinar = await api(
    '/webinars/webinars',
    asAdmin({
      title: `Hygiene ${suffix}`,
      slug: `hygiene-${suffix}`,
      summary: 'NUL bytes.',
      topics: ['sales'],
      publish: true,
    }),
  );
  expect(webinar.status, JSON.stringify(webinar.body)).toBe(201);
  const startsAt = new Date(Date.now() + 20 * 24 * 3600_000);
  const created = await api(
    `/webinars/webinars/${webinar.body.data.documentId}/sessions`,
    asAdmin({
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
      timeZone: 'Europe/Berlin',
      capacity: 100,
      joinUrl: 'https://meet.example.test/hygiene',
    }),
  );
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  session = created.body.data.documentId;
  const paper = await api(
    '/whitepapers/papers',
    asAdmin({
      title: `Hygiene ${suffix}`,
      slug: `hygiene-${suffix}`,
      summary: 'NUL bytes.',
      pageCount: 1,
      topics: ['sales'],
      gated: false,
      publish: true,
    }),
  );
  expect(paper.status, JSON.stringify(paper.body)).toBe(201);
  whitepaper = paper.body.data.documentId;
  meetingType = (await api('/api/booking/meeting-types?locale=en')).body?.data?.[0]?.slug ?? meetingType;
});

const FORMS: Array<{ path: string; fields: string[]; body: () => Record<string, unknown> }> = [
  { path: '/api/leads/submissions', fields: TEXT_FIELDS.map(([name]) => name), body: () => submission() },
  {
    path: '/api/webinars/registrations',
    fields: ['company', 'jobTitle', 'referrer', 'landingPage', 'utm.source'],
    body: () => ({
      session,
      locale: 'en',
      email: uniqueEmail('nul-webinar'),
      firstName: 'Ada',
      consent: { dataProcessing: true, textVersion: 'webinar-2026-11' },
    }),
  },
  {
    path: '/api/whitepapers/requests',
    fields: ['company', 'jobTitle', 'referrer', 'landingPage', 'utm.source'],
    body: () => ({
      whitepaper,
      locale: 'en',
      email: uniqueEmail('nul-paper'),
      firstName: 'Ada',
      company: 'Fuzz AG',
      consent: { dataProcessing: true, textVersion: 'whitepaper-2026-11' },
    }),
  },
  {
    path: '/api/booking/bookings',
    fields: ['company', 'jobTitle', 'referrer', 'landingPage', 'utm.source'],
    body: () => ({
      type: meetingType,
      start: '2031-03-03T09:00:00Z',
      timeZone: 'Europe/Berlin',
      locale: 'en',
      email: uniqueEmail('nul-booking'),
      firstName: 'Ada',
      consent: { dataProcessing: true, textVersion: 'booking-2026-11' },
    }),
  },
];

describe('a NUL byte in a text field of a public form', () => {
  for (const form of FORMS) {
    for (const field of form.fields) {
      const path = TEXT_FIELDS.find(([name]) => name === field)![1];
      it(`POST ${form.path} with "${field}":"a\\u0000b" is a 400 naming ${field}, and stores nothing`, async () => {
        const body = withValue(form.body(), path, NUL);
        const response = await api(form.path, { method: 'POST', json: body, ip: clientIp() });
        expectFieldRefused(response, path);
        expect(
          await rows('select id from leads_contacts where email = $1', [String(body.email).toLowerCase()]),
        ).toEqual([]);
      });
    }
  }

  it('other C0 controls and a lone surrogate are refused too; tab and newline are kept', async () => {
    for (const [value, path] of [
      ['bell\u0007', ['company']],
      ['esc\u001b[2J', ['message']],
      ['lone \ud800 surrogate', ['jobTitle']],
      ['x\u0001', ['utm', 'source']],
    ] as Array<[string, string[]]>) {
      expectFieldRefused(
        await api('/api/leads/submissions', {
          method: 'POST',
          json: withValue(submission(), path, value),
          ip: clientIp(),
        }),
        path,
      );
    }
    const email = uniqueEmail('tabs');
    const accepted = await api('/api/leads/submissions', {
      method: 'POST',
      json: submission({ email, message: 'line 1\nline 2\tend' }),
      ip: clientIp(),
    });
    expect(accepted.status).toBe(201);
  });

  it('a name typed in decomposed form is stored in NFC', async () => {
    const email = uniqueEmail('nfc');
    const response = await api('/api/leads/submissions', {
      method: 'POST',
      json: submission({ email, firstName: 'Jose\u0301', company: 'Cafe\u0301 AG' }),
      ip: clientIp(),
    });
    expect(response.status).toBe(201);
    const [contact] = await rows('select first_name, company from leads_contacts where email = $1', [email]);
    expect(contact).toEqual({ first_name: 'José', company: 'Café AG' });
  });
});

describe('a NUL byte in a path or query string', () => {
  it.each([
    '/api/webinars/webinars/a%00b',
    '/api/webinars/webinars?locale=en&when=a%00b',
    '/api/whitepapers/papers/a%00b',
    '/api/whitepapers/papers/a%00b/file',
    '/api/whitepapers/download/a%00b',
    '/api/booking/meeting-types/a%00b',
    '/api/booking/slots?type=a%00b&from=2031-01-01&to=2031-01-02&tz=UTC',
    '/api/webinars/sessions/a%00b/ics',
    '/api/webinars/registrations/cancel?token=a%00b',
    '/api/webinars/registrations/ics?token=a%00b',
    '/api/leads/confirm?token=a%00b',
    '/api/leads/unsubscribe?token=a%00b',
    // Strapi's own content API: found by the fuzz suite (a 500 from PostgreSQL)
    '/api/pages?locale=a%00b',
    '/api/articles?filters[slug][$eq]=a%00b',
  ])("GET %s is a 400 in Strapi's error format", async (path) => {
    const response = await api(path, { ip: clientIp() });
    expect(response.status, JSON.stringify(response.body)).toBe(400);
    expect(response.body, JSON.stringify(response.body)).toMatchObject({
      data: null,
      error: {
        status: 400,
        name: 'ValidationError',
        message: expect.stringMatching(/must not contain control characters/),
      },
    });
  });
});
