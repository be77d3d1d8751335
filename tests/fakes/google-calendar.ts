/**
 * A local stand-in for Google Calendar API v3 and Google's OAuth 2.0 token endpoint, following
 * the public documentation:
 * - POST /token: `grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer` (service account; the
 *   RS256 assertion is verified against the test's public key, `aud` must be Google's token URL);
 *   the authorization-code flow with PKCE, `refresh_token` and `/revoke` are in
 *   google-calendar-oauth.ts; errors as RFC 6749 5.2 `{ error: "invalid_grant", error_description }`.
 * - POST /calendar/v3/freeBusy: `{ timeMin, timeMax, items: [{ id }] }` → `{ kind, timeMin, timeMax,
 *   calendars: { id: { busy: [{ start, end }] } | { errors: [{ domain, reason }] } } }`.
 * - POST   /calendar/v3/calendars/{calendarId}/events (client ids must be base32hex, 5-1024
 *   characters; an id that exists → 409 duplicate "The requested identifier already exists.";
 *   `conferenceDataVersion=1` with a createRequest → a Meet link),
 *   GET    /calendar/v3/calendars/{calendarId}/events/{eventId} (404 notFound),
 *   PATCH  /calendar/v3/calendars/{calendarId}/events/{eventId} (404 notFound),
 *   DELETE /calendar/v3/calendars/{calendarId}/events/{eventId} (204; 404 notFound; 410 deleted).
 * - Errors in Google's shape `{ error: { errors: [{ domain, reason, message }], code, message } }`:
 *   401 authError for a bad token, and injectable 429/403 rateLimitExceeded, 401, 500 and outages
 *   (connections dropped without an answer).
 * Tests steer it through /__fake/*.
 * https://developers.google.com/workspace/calendar/api/v3/reference
 * https://developers.google.com/identity/protocols/oauth2/service-account#httprest
 */
import crypto from 'node:crypto';
import { createFakeOAuth, type FakeOAuthClient } from './google-calendar-oauth';
import { listen, sendJson } from './http';

export interface FakeEvent {
  id: string;
  calendarId: string;
  status: 'confirmed' | 'cancelled';
  summary?: string;
  description?: string;
  start: { dateTime: string; timeZone?: string };
  end: { dateTime: string; timeZone?: string };
  attendees?: Array<{ email: string; displayName?: string }>;
  sequence: number;
  hangoutLink?: string;
  conferenceData?: unknown;
  extendedProperties?: unknown;
  created: string;
  updated: string;
}

export interface PlannedGoogleFailure {
  /** which requests fail: the token endpoint, freebusy, events, or any */
  target: 'token' | 'freebusy' | 'events' | 'any';
  status: number;
  /** Google's reason, e.g. rateLimitExceeded; invalid_grant for the token endpoint */
  reason?: string;
  times: number;
  /** only requests whose path or body contains this text (e.g. a visitor's unique name) */
  match?: string;
}

export interface FakeGoogleOptions {
  serviceAccountEmail: string;
  /** PEM public key matching the service account's private key */
  publicKey: string;
  oauthClient?: FakeOAuthClient;
}

const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
const EVENT_ID = /^[a-v0-9]{5,1024}$/;

const googleError = (code: number, reason: string, message: string, domain = 'global') => ({
  error: { errors: [{ domain, reason, message }], code, message },
});
const REASON_MESSAGES: Record<string, [string, string]> = {
  rateLimitExceeded: ['usageLimits', 'Rate Limit Exceeded'],
  userRateLimitExceeded: ['usageLimits', 'User Rate Limit Exceeded'],
  authError: ['global', 'Invalid Credentials'],
  backendError: ['global', 'Backend Error'],
  forbidden: ['global', 'Forbidden'],
};

const base64urlJson = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

export async function startFakeGoogleCalendar(options: FakeGoogleOptions) {
  let events = new Map<string, FakeEvent>();
  let busy = new Map<string, Array<{ start: string; end: string }>>();
  let failures: PlannedGoogleFailure[] = [];
  let down = false;
  let freeBusyDelayMs = 0;
  let calls: Array<{ method: string; path: string; status: number; eventId?: string }> = [];
  const accessTokens = new Map<string, { subject: string; expiresAt: number; refreshToken?: string }>();

  const reset = () => {
    events = new Map();
    busy = new Map();
    failures = [];
    down = false;
    freeBusyDelayMs = 0;
    calls = [];
    accessTokens.clear();
    oauth.reset();
  };

  const plannedFailure = (target: PlannedGoogleFailure['target'], request: string) => {
    const index = failures.findIndex(
      (failure) =>
        (failure.target === target || failure.target === 'any') && (!failure.match || request.includes(failure.match)),
    );
    if (index < 0) return null;
    const failure = failures[index];
    failure.times -= 1;
    if (failure.times <= 0) failures.splice(index, 1);
    return failure;
  };

  const issueToken = (
    subject: string,
    scope = 'https://www.googleapis.com/auth/calendar.events https://www.googleapis.com/auth/calendar.freebusy',
    refreshToken?: string,
  ) => {
    const token = `ya29.fake-${crypto.randomBytes(12).toString('base64url')}`;
    accessTokens.set(token, { subject, expiresAt: Date.now() + 3600_000, refreshToken });
    return { access_token: token, expires_in: 3599, token_type: 'Bearer', scope };
  };

  /** refresh tokens (hosts who connected their own calendar) and the consent they came from */
  const oauth = createFakeOAuth({
    client: options.oauthClient,
    issueAccessToken: issueToken,
    revokeAccessTokens: (refreshToken) => {
      for (const [token, session] of accessTokens)
        if (session.refreshToken === refreshToken) accessTokens.delete(token);
    },
  });

  const verifyAssertion = (assertion: string): { ok: true; subject: string } | { ok: false; description: string } => {
    const parts = assertion.split('.');
    if (parts.length !== 3)
      return { ok: false, description: 'Invalid JWT: Token must be a short-lived token and in a reasonable timeframe' };
    const [header, claims, signature] = parts;
    const verifier = crypto.createVerify('RSA-SHA256');
    verifier.update(`${header}.${claims}`);
    if (
      base64urlJson(header).alg !== 'RS256' ||
      !verifier.verify(options.publicKey, Buffer.from(signature, 'base64url'))
    )
      return { ok: false, description: 'Invalid JWT Signature.' };
    const payload = base64urlJson(claims);
    const now = Math.floor(Date.now() / 1000);
    if (payload.iss !== options.serviceAccountEmail) return { ok: false, description: 'Invalid issuer' };
    if (payload.aud !== GOOGLE_TOKEN_URL) return { ok: false, description: 'Invalid JWT: Failed audience check.' };
    if (!(payload.exp > now) || payload.exp - payload.iat > 3600)
      return {
        ok: false,
        description: 'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe.',
      };
    if (typeof payload.scope !== 'string' || !payload.scope.includes('calendar'))
      return { ok: false, description: 'Invalid scope' };
    return { ok: true, subject: payload.sub ?? payload.iss };
  };

  const server = await listen(async (req, raw, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = url.pathname;

    // --- controls ---
    if (path.startsWith('/__fake/')) {
      if (path === '/__fake/state' && req.method === 'GET')
        return sendJson(res, 200, { events: [...events.values()], calls, down, failures, ...oauth.state() });
      if (path === '/__fake/reset' && req.method === 'POST') {
        reset();
        return sendJson(res, 200, { ok: true });
      }
      const body = raw ? JSON.parse(raw) : {};
      if (path === '/__fake/fail' && req.method === 'POST') {
        failures.push({
          target: body.target ?? 'any',
          status: body.status ?? 500,
          reason: body.reason,
          times: body.times ?? 1,
          match: body.match,
        });
        return sendJson(res, 200, { ok: true });
      }
      if (path === '/__fake/fail' && req.method === 'DELETE') {
        failures = [];
        return sendJson(res, 200, { ok: true });
      }
      if (path === '/__fake/down' && req.method === 'POST') {
        down = body.down !== false;
        return sendJson(res, 200, { ok: true, down });
      }
      if (path === '/__fake/busy' && req.method === 'POST') {
        busy.set(body.calendarId, body.busy ?? []);
        return sendJson(res, 200, { ok: true });
      }
      if (path === '/__fake/freebusy-delay' && req.method === 'POST') {
        freeBusyDelayMs = Number(body.ms ?? 0);
        return sendJson(res, 200, { ok: true });
      }
      if (path === '/__fake/refresh-token' && req.method === 'POST') {
        oauth.setRefreshToken(body.token, body.calendarId, Boolean(body.revoked));
        return sendJson(res, 200, { ok: true });
      }
      if (path === '/__fake/consent' && req.method === 'POST') {
        oauth.setConsent(
          body.user || body.deny || body.scopes ? { user: body.user, deny: body.deny, scopes: body.scopes } : null,
        );
        return sendJson(res, 200, { ok: true });
      }
      if (path === '/__fake/revoke-user' && req.method === 'POST')
        return sendJson(res, 200, { ok: true, revoked: oauth.revokeUser(body.user) });
      return sendJson(res, 404, { error: 'unknown control' });
    }

    // which event a call is about: the path's id, or the id in an insert body
    const eventIdOf = () => /\/events\/([^/]+)$/.exec(path)?.[1] ?? (/"id":"([a-v0-9]+)"/.exec(raw)?.[1] || undefined);

    // an outage: the connection drops without an answer
    if (down) {
      calls.push({ method: req.method ?? '', path, status: 0 });
      req.socket.destroy();
      return;
    }
    const answer = (status: number, body: unknown) => {
      calls.push({ method: req.method ?? '', path, status, ...(eventIdOf() ? { eventId: eventIdOf() } : {}) });
      if (status === 204) {
        res.writeHead(204);
        res.end();
        return;
      }
      sendJson(res, status, body);
    };

    // --- OAuth 2.0 for web server applications: consent page and revocation ---
    if (path === '/o/oauth2/v2/auth' && req.method === 'GET') {
      calls.push({ method: 'GET', path, status: 302 });
      return oauth.authorize(url, res);
    }
    if (path === '/revoke' && req.method === 'POST') return oauth.revoke(url, raw, answer);

    // --- token endpoint ---
    if (path === '/token' && req.method === 'POST') {
      const form = new URLSearchParams(raw);
      const planned = plannedFailure('token', raw);
      if (planned)
        return answer(planned.status, {
          error: planned.reason ?? 'invalid_grant',
          error_description: 'Token has been expired or revoked.',
        });
      const grant = form.get('grant_type');
      if (grant === 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
        const verdict = verifyAssertion(form.get('assertion') ?? '');
        if (!verdict.ok) return answer(400, { error: 'invalid_grant', error_description: verdict.description });
        return answer(200, issueToken(verdict.subject));
      }
      if (oauth.token(req, form, answer)) return;
      return answer(400, { error: 'unsupported_grant_type', error_description: `Invalid grant_type: ${grant}` });
    }

    // --- Calendar API ---
    if (!path.startsWith('/calendar/v3/')) return answer(404, googleError(404, 'notFound', 'Not Found'));
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const session = bearer ? accessTokens.get(bearer) : undefined;
    if (!session || session.expiresAt < Date.now())
      return answer(401, {
        error: {
          errors: [
            {
              domain: 'global',
              reason: 'authError',
              message: 'Invalid Credentials',
              locationType: 'header',
              location: 'Authorization',
            },
          ],
          code: 401,
          message: 'Invalid Credentials',
        },
      });

    const target = path === '/calendar/v3/freeBusy' ? 'freebusy' : 'events';
    const planned = plannedFailure(target, `${path} ${raw}`);
    if (planned) {
      const reason =
        planned.reason ??
        (planned.status === 429 ? 'rateLimitExceeded' : planned.status === 401 ? 'authError' : 'backendError');
      const [domain, message] = REASON_MESSAGES[reason] ?? ['global', reason];
      return answer(planned.status, googleError(planned.status, reason, message, domain));
    }

    let body: any = {};
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        return answer(400, googleError(400, 'parseError', 'Parse Error'));
      }
    }

    if (target === 'freebusy' && req.method === 'POST') {
      if (freeBusyDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, freeBusyDelayMs));
      const timeMin = Date.parse(body.timeMin);
      const timeMax = Date.parse(body.timeMax);
      if (!Number.isFinite(timeMin) || !Number.isFinite(timeMax))
        return answer(400, googleError(400, 'badRequest', 'Bad Request'));
      if (timeMax <= timeMin)
        return answer(400, googleError(400, 'timeRangeEmpty', 'The specified time range is empty.', 'calendar'));
      const calendars: Record<string, unknown> = {};
      for (const item of body.items ?? []) {
        // with delegation a user can read their own calendar; others would need sharing
        if (item.id !== session.subject) {
          calendars[item.id] = { errors: [{ domain: 'global', reason: 'notFound' }], busy: [] };
          continue;
        }
        const own = [
          ...(busy.get(item.id) ?? []),
          ...[...events.values()]
            .filter((event) => event.calendarId === item.id && event.status === 'confirmed')
            .map((event) => ({ start: event.start.dateTime, end: event.end.dateTime })),
        ];
        calendars[item.id] = {
          busy: own
            .filter((interval) => Date.parse(interval.end) > timeMin && Date.parse(interval.start) < timeMax)
            .map((interval) => ({
              start: new Date(interval.start).toISOString(),
              end: new Date(interval.end).toISOString(),
            })),
        };
      }
      return answer(200, {
        kind: 'calendar#freeBusy',
        timeMin: new Date(timeMin).toISOString(),
        timeMax: new Date(timeMax).toISOString(),
        calendars,
      });
    }

    const match = /^\/calendar\/v3\/calendars\/([^/]+)\/events(?:\/([^/]+))?$/.exec(path);
    if (!match) return answer(404, googleError(404, 'notFound', 'Not Found'));
    const calendarId = decodeURIComponent(match[1]);
    const eventId = match[2] ? decodeURIComponent(match[2]) : undefined;
    if (calendarId !== session.subject) return answer(404, googleError(404, 'notFound', 'Not Found'));
    const key = (id: string) => `${calendarId}/${id}`;
    const now = new Date().toISOString();

    if (!eventId && req.method === 'POST') {
      if (body.id !== undefined && !EVENT_ID.test(body.id))
        return answer(400, googleError(400, 'invalid', 'Invalid resource id value.'));
      if (!body.start?.dateTime || !body.end?.dateTime)
        return answer(400, googleError(400, 'required', 'Missing end time.'));
      const id = body.id ?? crypto.randomBytes(13).toString('hex');
      if (events.has(key(id)))
        return answer(409, googleError(409, 'duplicate', 'The requested identifier already exists.'));
      const withMeet = url.searchParams.get('conferenceDataVersion') === '1' && body.conferenceData?.createRequest;
      const meet = `https://meet.google.com/fak-${id.slice(0, 4)}-${id.slice(4, 7)}`;
      const event: FakeEvent = {
        id,
        calendarId,
        status: 'confirmed',
        summary: body.summary,
        description: body.description,
        start: body.start,
        end: body.end,
        attendees: body.attendees,
        extendedProperties: body.extendedProperties,
        sequence: 0,
        created: now,
        updated: now,
        ...(withMeet
          ? {
              hangoutLink: meet,
              conferenceData: {
                entryPoints: [{ entryPointType: 'video', uri: meet }],
                conferenceSolution: { key: { type: 'hangoutsMeet' } },
              },
            }
          : {}),
      };
      events.set(key(id), event);
      return answer(200, {
        kind: 'calendar#event',
        etag: `"${Date.now()}"`,
        htmlLink: `https://www.google.com/calendar/event?eid=${id}`,
        ...event,
      });
    }

    if (eventId && req.method === 'GET') {
      const event = events.get(key(eventId));
      if (!event) return answer(404, googleError(404, 'notFound', 'Not Found'));
      return answer(200, {
        kind: 'calendar#event',
        htmlLink: `https://www.google.com/calendar/event?eid=${eventId}`,
        ...event,
      });
    }

    if (eventId && req.method === 'PATCH') {
      const event = events.get(key(eventId));
      if (!event) return answer(404, googleError(404, 'notFound', 'Not Found'));
      Object.assign(event, Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)), {
        sequence: event.sequence + 1,
        updated: now,
      });
      return answer(200, {
        kind: 'calendar#event',
        htmlLink: `https://www.google.com/calendar/event?eid=${eventId}`,
        ...event,
      });
    }

    if (eventId && req.method === 'DELETE') {
      const event = events.get(key(eventId));
      if (!event) return answer(404, googleError(404, 'notFound', 'Not Found'));
      if (event.status === 'cancelled') return answer(410, googleError(410, 'deleted', 'Resource has been deleted'));
      event.status = 'cancelled';
      event.updated = now;
      return answer(204, undefined);
    }

    return answer(405, googleError(405, 'methodNotAllowed', 'Method Not Allowed'));
  });

  return { ...server, reset };
}
