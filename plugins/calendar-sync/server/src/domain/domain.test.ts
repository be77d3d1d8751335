import { describe, expect, it } from 'vitest';
import { BusyCache } from './busy-cache';
import { eventIdForReference } from './event-id';
import { classifyGoogleError, rateLimitDelayMs } from './google-errors';

const apiError = (status: number, reason: string, message = 'x') => ({
  status,
  response: {
    status,
    data: { error: { code: status, message, errors: [{ domain: 'usageLimits', reason, message }] } },
  },
});

describe('classifyGoogleError', () => {
  it.each([
    ['429 rateLimitExceeded', apiError(429, 'rateLimitExceeded'), 'rate-limited'],
    ['403 rateLimitExceeded', apiError(403, 'rateLimitExceeded'), 'rate-limited'],
    ['403 userRateLimitExceeded', apiError(403, 'userRateLimitExceeded'), 'rate-limited'],
    ['403 forbidden (no access) is permanent', apiError(403, 'forbidden'), 'permanent'],
    ['401 authError', apiError(401, 'authError'), 'reconnect'],
    [
      'token endpoint invalid_grant',
      {
        status: 400,
        response: {
          status: 400,
          data: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' },
        },
      },
      'reconnect',
    ],
    ['404 notFound', apiError(404, 'notFound'), 'not-found'],
    ['410 deleted', apiError(410, 'deleted'), 'gone'],
    ['409 duplicate', apiError(409, 'duplicate'), 'duplicate'],
    ['500 backendError', apiError(500, 'backendError'), 'unavailable'],
    ['503', apiError(503, 'backendError'), 'unavailable'],
    ['connection refused', { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }, 'unavailable'],
    ['400 invalid', apiError(400, 'invalid'), 'permanent'],
  ])('%s → %s', (_name, error, kind) => expect(classifyGoogleError(error).kind).toBe(kind));

  it('keeps the reason and message for the admin', () => {
    expect(classifyGoogleError(apiError(403, 'rateLimitExceeded', 'Rate Limit Exceeded')).message).toBe(
      'Google 403 rateLimitExceeded: Rate Limit Exceeded',
    );
  });
});

describe('rateLimitDelayMs', () => {
  it.each`
    attempt | jitter | expected
    ${1}    | ${0}   | ${500}
    ${1}    | ${1}   | ${1000}
    ${3}    | ${0}   | ${2000}
    ${3}    | ${1}   | ${4000}
    ${30}   | ${1}   | ${300_000}
  `('attempt $attempt with jitter $jitter waits $expected ms', ({ attempt, jitter, expected }) =>
    expect(rateLimitDelayMs(attempt, 1000, () => jitter)).toBe(expected),
  );
});

describe('eventIdForReference', () => {
  it('is stable, differs per reference and is a valid Google event id (base32hex, 5-1024)', () => {
    const id = eventIdForReference('webinar-session:abc');
    expect(eventIdForReference('webinar-session:abc')).toBe(id);
    expect(eventIdForReference('webinar-session:abd')).not.toBe(id);
    expect(id).toMatch(/^[a-v0-9]{5,1024}$/);
  });
});

describe('BusyCache', () => {
  const day = (d: number) => Date.UTC(2026, 1, d);
  it('answers inside its window while fresh, then as stale, and never outside the window', () => {
    let now = 0;
    const cache = new BusyCache(1000, () => now);
    cache.set('anna', day(1), day(10), [
      { start: '2026-02-03T09:00:00.000Z', end: '2026-02-03T10:00:00.000Z' },
      { start: '2026-02-08T09:00:00.000Z', end: '2026-02-08T10:00:00.000Z' },
    ]);
    expect(cache.get('anna', day(2), day(4))).toEqual({
      busy: [{ start: '2026-02-03T09:00:00.000Z', end: '2026-02-03T10:00:00.000Z' }],
      fresh: true,
    });
    now = 1000;
    expect(cache.get('anna', day(2), day(4))?.fresh).toBe(false);
    expect(cache.get('anna', day(2), day(12))).toBeNull();
    expect(cache.get('ben', day(2), day(4))).toBeNull();
  });
});
