/**
 * What a failed Google call means for the caller, from the documented error shapes:
 * Calendar API `{ error: { code, message, errors: [{ domain, reason, message }] } }`,
 * the token endpoint `{ error: "invalid_grant", error_description }` (RFC 6749 5.2), and
 * transport failures without a response.
 * https://developers.google.com/workspace/calendar/api/guides/errors
 */
export type FailureKind =
  'rate-limited' | 'reconnect' | 'not-found' | 'gone' | 'duplicate' | 'unavailable' | 'permanent';

export interface Failure {
  kind: FailureKind;
  status?: number;
  reason?: string;
  message: string;
}

const RATE_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'quotaExceeded']);

/** What a thrown Google error may carry (gaxios errors, or our own Object.assign'ed ones), read defensively. */
interface GoogleErrorView {
  status?: unknown;
  code?: unknown;
  message?: string;
  errors?: Array<{ reason?: string }>;
  response?: { status?: unknown; data?: { error?: unknown; error_description?: string } | null } | null;
}

/** The Calendar API's `error` object. */
interface ApiErrorBody {
  message?: string;
  errors?: Array<{ reason?: string }>;
}

export function classifyGoogleError(caught: unknown): Failure {
  const error = caught as GoogleErrorView | null | undefined;
  const response = error?.response;
  const errorStatus = error?.status;
  const responseStatus = response?.status;
  const code = error?.code;
  const status: number | undefined =
    typeof errorStatus === 'number'
      ? errorStatus
      : typeof responseStatus === 'number'
        ? responseStatus
        : typeof code === 'number'
          ? code
          : undefined;
  const body = response?.data;
  const apiError = body && typeof body.error === 'object' ? (body.error as ApiErrorBody | null) : undefined;
  const oauthError = body && typeof body.error === 'string' ? body.error : undefined;
  const reason: string | undefined = apiError?.errors?.[0]?.reason ?? error?.errors?.[0]?.reason ?? oauthError;
  const message =
    `Google ${status ?? 'request failed'}${reason ? ` ${reason}` : ''}: ${apiError?.message ?? body?.error_description ?? error?.message ?? 'unknown error'}`.slice(
      0,
      500,
    );

  if (status === undefined) return { kind: 'unavailable', message };
  if (status === 429 || (status === 403 && reason && RATE_REASONS.has(reason)))
    return { kind: 'rate-limited', status, reason, message };
  if (
    status === 401 ||
    oauthError === 'invalid_grant' ||
    oauthError === 'unauthorized_client' ||
    oauthError === 'invalid_client'
  )
    return { kind: 'reconnect', status, reason, message };
  if (status === 404) return { kind: 'not-found', status, reason, message };
  if (status === 410) return { kind: 'gone', status, reason, message };
  if (status === 409) return { kind: 'duplicate', status, reason, message };
  if (status >= 500 || status === 408) return { kind: 'unavailable', status, reason, message };
  return { kind: 'permanent', status, reason, message };
}

/** Exponential backoff with full jitter for quota errors (Google: "exponential backoff"). */
export function rateLimitDelayMs(attempt: number, baseMs: number, random = Math.random): number {
  const ceiling = Math.min(5 * 60_000, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
