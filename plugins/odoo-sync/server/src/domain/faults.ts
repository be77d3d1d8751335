/**
 * What an error from Odoo's external API means for delivery.
 * - XML-RPC: Odoo maps its exceptions to fault codes in odoo/service/wsgi_server
 *   (xmlrpc_handle_exception_int): 1 application error (a Python traceback), 2
 *   UserError/ValidationError/MissingError, 3 AccessDenied (credentials), 4 AccessError (the user
 *   lacks rights on a model).
 * - JSON-2 (Odoo 19+): HTTP statuses with a JSON body `{name, message, arguments, context, debug}`:
 *   401 a missing, wrong or expired API key; 403 AccessError; 404 an unknown model or method (or no
 *   JSON-2 API at all: Odoo before 19); 422 UserError/ValidationError/bad arguments; 429 too many
 *   requests; 5xx Odoo or its proxy failed.
 * Everything else is the network or the HTTP layer.
 */
export type OdooFailure =
  /** the data or the rights are wrong: retrying the same call cannot succeed */
  | { kind: 'permanent'; message: string }
  /** Odoo refused our credentials: wait for an operator, do not use up attempts */
  | { kind: 'credentials'; message: string }
  /** Odoo is down, slow, restarting or failed internally: retry later */
  | { kind: 'transient'; message: string }
  /** Odoo asks us to slow down (HTTP 429): retry, not before `retryAfterMs` when it said so */
  | { kind: 'rate-limited'; message: string; retryAfterMs: number | null }
  /** this URL has no such API (JSON-2 on an Odoo before 19): wait for an operator, like credentials */
  | { kind: 'unavailable'; message: string };

/** A JSON-2 answer other than 200: the status, Odoo's error body (when it sent one) and Retry-After. */
export class OdooHttpError extends Error {
  constructor(
    public readonly status: number,
    public readonly body: { name?: string; message?: string } | null,
    public readonly retryAfter: string | null = null,
  ) {
    super(body?.message ?? `HTTP ${status}`);
    this.name = 'OdooHttpError';
  }
}

/** Retry-After as delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** The exception class without its module path: werkzeug.exceptions.Unauthorized → Unauthorized. */
const shortName = (name: string | undefined) => (name ? name.split('.').pop() : undefined);

export function classifyJson2Error(error: OdooHttpError, now = Date.now()): OdooFailure {
  const text = faultSummary(error.body?.message ?? '') || shortName(error.body?.name) || `HTTP ${error.status}`;
  const { status } = error;
  if (status === 401)
    return {
      kind: 'credentials',
      message: `Odoo rejected the API key: ${text} (check ODOO_API_KEY; JSON-2 API keys expire)`,
    };
  if (status === 403) return { kind: 'permanent', message: `Odoo access error: ${text}` };
  if (status === 404) {
    // Odoo's own 404 names the model or method; a bare 404 means there is no /json/2 here at all
    return error.body?.name
      ? { kind: 'permanent', message: `Odoo has no such model or method: ${text}` }
      : {
          kind: 'unavailable',
          message: 'Odoo has no JSON-2 API at this URL (it needs Odoo 19 or later): set ODOO_PROTOCOL=xmlrpc or auto',
        };
  }
  if (status === 422 || status === 400) return { kind: 'permanent', message: `Odoo rejected the data: ${text}` };
  if (status === 429)
    return {
      kind: 'rate-limited',
      message: `Odoo rate limit: ${text}`,
      retryAfterMs: parseRetryAfter(error.retryAfter, now),
    };
  if (status === 408 || status >= 500)
    return { kind: 'transient', message: `Odoo server error (HTTP ${status}): ${text}` };
  return { kind: 'permanent', message: `Odoo answered HTTP ${status}: ${text}` };
}

export const FAULT = { application: 1, warning: 2, accessDenied: 3, accessError: 4 } as const;

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED',
  // fetch (undici): the other side closed the socket, or it timed out
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
]);

/** Odoo's fault strings can be long tracebacks: the admin needs the last meaningful line. */
export function faultSummary(faultString: string, max = 500): string {
  const lines = faultString
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const exceptionLine = [...lines]
    .reverse()
    .find((line) => /^(odoo\.exceptions\.|[A-Za-z_.]*(Error|Exception|Warning)\b)/.test(line));
  const summary = lines.length > 3 && exceptionLine ? exceptionLine : lines.join(' ');
  return summary.length > max ? `${summary.slice(0, max - 1)}…` : summary;
}

export function classifyOdooError(error: unknown): OdooFailure {
  if (error instanceof OdooHttpError) return classifyJson2Error(error);
  const value = (error ?? {}) as { faultCode?: unknown; faultString?: unknown; code?: unknown; message?: unknown };
  if (typeof value.faultCode === 'number') {
    const text = faultSummary(String(value.faultString ?? ''));
    switch (value.faultCode) {
      case FAULT.warning:
        return { kind: 'permanent', message: `Odoo rejected the data: ${text}` };
      case FAULT.accessError:
        return { kind: 'permanent', message: `Odoo access error: ${text}` };
      case FAULT.accessDenied:
        return {
          kind: 'credentials',
          message: `Odoo denied access: ${text || 'check ODOO_USERNAME and ODOO_API_KEY'}`,
        };
      default:
        return { kind: 'transient', message: `Odoo server error: ${text}` };
    }
  }
  // XML-RPC (the xmlrpc package) keeps the HTTP answer on its error: a proxy's 429 or 5xx page is no XML
  const response = (error as { res?: { statusCode?: unknown; headers?: Record<string, unknown> } } | null)?.res;
  if (typeof response?.statusCode === 'number' && response.statusCode !== 200) {
    const status = response.statusCode;
    const retryAfter = response.headers?.['retry-after'];
    if (status === 429)
      return {
        kind: 'rate-limited',
        message: 'Odoo rate limit: HTTP 429',
        retryAfterMs: parseRetryAfter(typeof retryAfter === 'string' ? retryAfter : null),
      };
    if (status === 408 || status >= 500) return { kind: 'transient', message: `Odoo server error (HTTP ${status})` };
  }
  // odoo-await rejects with a plain string when authenticate answers false
  if (typeof error === 'string') {
    return /invalid credentials|error connecting/i.test(error)
      ? { kind: 'credentials', message: 'Odoo rejected the credentials: check ODOO_DB, ODOO_USERNAME and ODOO_API_KEY' }
      : { kind: 'transient', message: `Odoo: ${error}` };
  }
  // fetch (JSON-2) wraps the socket error: TypeError('fetch failed', { cause: { code } })
  const cause = (value as { cause?: { code?: unknown } }).cause;
  const code = typeof value.code === 'string' ? value.code : typeof cause?.code === 'string' ? cause.code : '';
  const message = typeof value.message === 'string' ? value.message : String(error);
  if ((error as { name?: unknown })?.name === 'TimeoutError')
    return { kind: 'transient', message: `Odoo unreachable: ${message}` };
  if (NETWORK_CODES.has(code) || /socket hang up|timed out|^fetch failed$/i.test(message)) {
    return { kind: 'transient', message: `Odoo unreachable: ${code || message}` };
  }
  return { kind: 'transient', message: `Odoo call failed: ${message}` };
}
