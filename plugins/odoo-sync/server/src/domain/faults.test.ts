import { describe, expect, it } from 'vitest';
import { classifyJson2Error, classifyOdooError, faultSummary, OdooHttpError, parseRetryAfter } from './faults';

const traceback = `Traceback (most recent call last):
  File "/usr/lib/python3/dist-packages/odoo/service/model.py", line 156, in retrying
    result = func()
  File "/usr/lib/python3/dist-packages/odoo/models.py", line 4567, in create
    raise ValueError("Invalid field 'x_foo' on model 'crm.lead'")
ValueError: Invalid field 'x_foo' on model 'crm.lead'
`;

describe('classifyOdooError', () => {
  it.each([
    [
      'a ValidationError fault (2)',
      { faultCode: 2, faultString: 'The email address is invalid.' },
      'permanent',
      /rejected the data: The email address is invalid/,
    ],
    [
      'an AccessError fault (4)',
      { faultCode: 4, faultString: "You are not allowed to create 'Lead/Opportunity' (crm.lead) records." },
      'permanent',
      /access error: You are not allowed/,
    ],
    ['an AccessDenied fault (3)', { faultCode: 3, faultString: 'Access Denied' }, 'credentials', /denied access/],
    [
      'an application fault (1)',
      { faultCode: 1, faultString: traceback },
      'transient',
      /server error: ValueError: Invalid field 'x_foo'/,
    ],
    [
      'authenticate answering false',
      'Error connecting to database. This is probably due to invalid credentials.',
      'credentials',
      /rejected the credentials/,
    ],
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8069'), { code: 'ECONNREFUSED' }),
      'transient',
      /unreachable: ECONNREFUSED/,
    ],
    [
      'a reset connection',
      Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
      'transient',
      /unreachable/,
    ],
    [
      'a timeout',
      Object.assign(new Error('Timed out after 10000 ms'), { code: 'ETIMEDOUT' }),
      'transient',
      /unreachable/,
    ],
    ['an unexpected answer', new Error("Unknown XML-RPC tag 'html'"), 'transient', /call failed: Unknown XML-RPC tag/],
  ])('treats %s as %s', (_label, error, kind, message) => {
    const failure = classifyOdooError(error);
    expect(failure.kind).toBe(kind);
    expect(failure.message).toMatch(message);
  });
});

describe('faultSummary', () => {
  it('keeps the exception line of a traceback', () => {
    expect(faultSummary(traceback)).toBe("ValueError: Invalid field 'x_foo' on model 'crm.lead'");
  });

  it('keeps a short message whole and cuts a long one', () => {
    expect(faultSummary('Access Denied')).toBe('Access Denied');
    expect(faultSummary('x'.repeat(600))).toHaveLength(500);
  });
});

describe('classifyOdooError for JSON-2 (Odoo 19+)', () => {
  const body = (name: string, message: string) => ({
    name,
    message,
    arguments: [message],
    context: {},
    debug: `Traceback (most recent call last):\n  …\n${name}: ${message}`,
  });
  it.each([
    [
      '401 Invalid apikey',
      new OdooHttpError(401, body('werkzeug.exceptions.Unauthorized', 'Invalid apikey')),
      'credentials',
      /rejected the API key: Invalid apikey/,
    ],
    [
      '403 AccessError',
      new OdooHttpError(
        403,
        body('odoo.exceptions.AccessError', "You are not allowed to create 'Lead' (crm.lead) records."),
      ),
      'permanent',
      /access error: You are not allowed/,
    ],
    [
      '404 unknown model',
      new OdooHttpError(404, body('werkzeug.exceptions.NotFound', "the model 'x.y' does not exist")),
      'permanent',
      /no such model or method/,
    ],
    ['404 without a JSON body (Odoo before 19)', new OdooHttpError(404, null), 'unavailable', /ODOO_PROTOCOL=xmlrpc/],
    [
      '422 ValidationError',
      new OdooHttpError(422, body('odoo.exceptions.ValidationError', 'The email address is invalid.')),
      'permanent',
      /rejected the data: The email address is invalid/,
    ],
    [
      '500 server error',
      new OdooHttpError(500, body('psycopg2.OperationalError', 'server closed the connection unexpectedly')),
      'transient',
      /server error \(HTTP 500\)/,
    ],
    ['502 from a proxy', new OdooHttpError(502, null), 'transient', /HTTP 502/],
    ['503 during an upgrade', new OdooHttpError(503, null), 'transient', /HTTP 503/],
    [
      'a refused fetch',
      Object.assign(new TypeError('fetch failed'), {
        cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      }),
      'transient',
      /unreachable: ECONNREFUSED/,
    ],
    [
      'a socket fetch closed',
      Object.assign(new TypeError('fetch failed'), {
        cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
      }),
      'transient',
      /unreachable: UND_ERR_SOCKET/,
    ],
    [
      'a fetch timeout',
      Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' }),
      'transient',
      /unreachable/,
    ],
  ])('%s', (_, error, kind, message) => {
    const failure = classifyOdooError(error);
    expect(failure.kind).toBe(kind);
    expect(failure.message).toMatch(message);
    expect(failure.message).not.toMatch(/Traceback/);
  });

  it('keeps Retry-After of a 429 in seconds or as a date', () => {
    const now = Date.parse('2026-12-07T08:00:00Z');
    expect(classifyJson2Error(new OdooHttpError(429, null, '7'), now)).toEqual({
      kind: 'rate-limited',
      message: 'Odoo rate limit: HTTP 429',
      retryAfterMs: 7000,
    });
    expect(classifyJson2Error(new OdooHttpError(429, null, 'Mon, 07 Dec 2026 08:00:30 GMT'), now)).toMatchObject({
      retryAfterMs: 30_000,
    });
    expect(classifyJson2Error(new OdooHttpError(429, null), now)).toMatchObject({
      kind: 'rate-limited',
      retryAfterMs: null,
    });
  });

  it("reads a proxy's 429 or 5xx under XML-RPC from the HTTP answer the xmlrpc package keeps on its error", () => {
    // what the xmlrpc package rejects with when the body is an HTML page: the answer as a hidden property
    const xmlrpcError = (statusCode: number, headers: Record<string, string> = {}) =>
      Object.defineProperty(new Error("Unknown XML-RPC tag 'H1'"), 'res', { value: { statusCode, headers } });
    expect(classifyOdooError(xmlrpcError(429, { 'retry-after': '2' }))).toEqual({
      kind: 'rate-limited',
      message: 'Odoo rate limit: HTTP 429',
      retryAfterMs: 2000,
    });
    expect(classifyOdooError(xmlrpcError(429))).toMatchObject({ kind: 'rate-limited', retryAfterMs: null });
    expect(classifyOdooError(xmlrpcError(502))).toEqual({ kind: 'transient', message: 'Odoo server error (HTTP 502)' });
  });
});

describe('parseRetryAfter', () => {
  it.each([
    [null, null],
    ['', null],
    ['0', 0],
    ['2.5', 2500],
    ['soon', null],
    ['Mon, 07 Dec 2026 07:59:00 GMT', 0],
  ])('%j → %j', (value, expected) => {
    expect(parseRetryAfter(value, Date.parse('2026-12-07T08:00:00Z'))).toBe(expected);
  });
});
