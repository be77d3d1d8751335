/**
 * Odoo 19's external JSON-2 API, after
 * https://www.odoo.com/documentation/19.0/developer/reference/external_api.html:
 * - POST /json/2/<model>/<method>, `Authorization: bearer <API key>`, optional `X-Odoo-Database`,
 *   a JSON object with `ids` (record methods), `context` and the method's named parameters.
 * - 200: the method's result as JSON (a recordset as its ids).
 * - Errors: a real HTTP status and `{name, message, arguments, context, debug}`: 401 a missing or
 *   wrong API key, 403 AccessError, 404 an unknown model or method, 422 UserError /
 *   ValidationError / bad arguments, 429 (rate-limit fault), 500 anything else.
 * Served only when the fake pretends to be Odoo 19 or later; older versions answer 404 with
 * werkzeug's HTML page, as a real Odoo 17 or 18 does.
 */
import type http from 'node:http';
import { sendJson } from '../http';
import { injectedFault, type CallRecord } from './chaos';
import { OdooFault } from './errors';
import { callModelMethod, METHODS } from './methods';
import { drop, lateness, type FakeOdooState } from './state';
import type { XmlRpcStruct, XmlRpcValue } from './values';

const NOT_FOUND_PAGE =
  '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n';

interface Json2Error {
  status: number;
  name: string;
  message: string;
  debug: string;
}

/** The exception of a code-1 fault's traceback: from its last unindented "Name: message" line to the end. */
function exceptionLine(traceback: string): string {
  const lines = traceback.trimEnd().split('\n');
  let start = lines.length - 1;
  while (start >= 0 && !/^[\w.]+: /.test(lines[start])) start -= 1;
  return start < 0 ? traceback.trim() : lines.slice(start).join('\n');
}

/** How Odoo 19's json2 controller answers an exception, by its class. */
function errorOf(fault: OdooFault): Json2Error {
  const debug =
    fault.faultCode === 1 ? fault.faultString : `Traceback (most recent call last):\n  …\n${fault.faultString}`;
  switch (fault.faultCode) {
    case 3:
      return { status: 401, name: 'werkzeug.exceptions.Unauthorized', message: 'Invalid apikey', debug };
    case 4:
      return { status: 403, name: 'odoo.exceptions.AccessError', message: fault.faultString, debug };
    case 2:
      if (/^Object \S+ doesn't exist$/.test(fault.faultString))
        return {
          status: 404,
          name: 'werkzeug.exceptions.NotFound',
          message: fault.faultString.replace(/^Object (\S+) doesn't exist$/, "the model '$1' does not exist"),
          debug,
        };
      return {
        status: 422,
        name: /mandatory field|invalid|constraint/i.test(fault.faultString)
          ? 'odoo.exceptions.ValidationError'
          : 'odoo.exceptions.UserError',
        message: fault.faultString,
        debug,
      };
    default: {
      const line = exceptionLine(fault.faultString);
      const [, exception = 'Exception', message = line] = /^([\w.]+): ([\s\S]*)$/.exec(line) ?? [];
      // bad arguments are the caller's fault (422); a method that does not exist is a 404
      if (exception === 'TypeError')
        return { status: 422, name: 'werkzeug.exceptions.UnprocessableEntity', message, debug };
      if (exception === 'AttributeError' && /does not exist/.test(message))
        return { status: 404, name: 'werkzeug.exceptions.NotFound', message, debug };
      return { status: 500, name: exception.includes('.') ? exception : `builtins.${exception}`, message, debug };
    }
  }
}

const sendError = (
  res: http.ServerResponse,
  error: Json2Error,
  context: XmlRpcStruct = {},
  headers: Record<string, string> = {},
) =>
  sendJson(
    res,
    error.status,
    { name: error.name, message: error.message, arguments: [error.message, error.status], context, debug: error.debug },
    headers,
  );

const isObject = (value: unknown): value is Record<string, XmlRpcValue> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export async function answerJson2(
  state: FakeOdooState,
  model: string,
  method: string,
  req: http.IncomingMessage,
  raw: string,
  res: http.ServerResponse,
) {
  const entry: CallRecord = {
    service: 'json2',
    method,
    model,
    modelMethod: method,
    ok: false,
    outcome: 'dropped',
    applied: false,
    at: new Date().toISOString(),
  };
  state.calls.push(entry);
  const { chaos } = state;
  if (chaos.isDown()) return drop(req);
  const flaky = chaos.flakyDrop();
  if (flaky === 'before') return drop(req);

  const respond = async (work: () => void) => {
    if (flaky === 'after') {
      entry.outcome = 'dropped';
      return drop(req);
    }
    await lateness(state);
    work();
  };
  const fail = (error: Json2Error, context: XmlRpcStruct = {}, headers: Record<string, string> = {}) => {
    entry.outcome = 'fault';
    return respond(() => sendError(res, error, context, headers));
  };

  // ir.http._auth_method_bearer: the API key names the user; no key, a wrong one or a revoked one is a 401
  const [scheme, key] = (req.headers.authorization ?? '').split(/\s+/, 2);
  if (scheme?.toLowerCase() !== 'bearer' || key !== state.password) {
    return fail({
      status: 401,
      name: 'werkzeug.exceptions.Unauthorized',
      message: 'Invalid apikey',
      debug:
        'Traceback (most recent call last):\n  …\nwerkzeug.exceptions.Unauthorized: 401 Unauthorized: Invalid apikey',
    });
  }
  const database = req.headers['x-odoo-database'];
  if (database !== undefined && database !== state.db) {
    return fail({
      status: 404,
      name: 'werkzeug.exceptions.NotFound',
      message: `database ${JSON.stringify(database)} not found`,
      debug: '',
    });
  }
  let body: unknown;
  try {
    body = raw ? JSON.parse(raw) : {};
  } catch {
    return fail({ status: 400, name: 'werkzeug.exceptions.BadRequest', message: 'the body is not JSON', debug: '' });
  }
  if (!isObject(body))
    return fail({
      status: 400,
      name: 'werkzeug.exceptions.BadRequest',
      message: 'the body must be a JSON object',
      debug: '',
    });
  const { ids, context: contextValue, ...params } = body;
  const context = isObject(contextValue) ? contextValue : {};

  const overLimit = !chaos.takeCallToken();
  const planned = overLimit ? undefined : chaos.takeFault(model, method, raw);
  if (overLimit || planned?.kind === 'rate-limit') {
    return fail(
      {
        status: 429,
        name: 'werkzeug.exceptions.TooManyRequests',
        message: planned?.message ?? 'Too many requests',
        debug: '',
      },
      context,
      { 'Retry-After': String(planned?.retryAfter ?? 1) },
    );
  }
  try {
    if (planned) throw injectedFault(planned, model, method);
    if (ids !== undefined && !(Array.isArray(ids) && ids.every((id) => Number.isInteger(id)))) {
      return fail(
        {
          status: 422,
          name: 'werkzeug.exceptions.UnprocessableEntity',
          message: 'ids must be a list of integers',
          debug: '',
        },
        context,
      );
    }
    // json2 binds `ids` to the recordset and the rest by name: call_kw with the ids as the only positional argument
    const onRecords = Object.hasOwn(METHODS, method) && METHODS[method].onRecords;
    const args: XmlRpcValue[] = onRecords ? [Array.isArray(ids) ? ids : []] : [];
    const result = state.store.transaction(() =>
      callModelMethod(state.store, model, method, args, { ...params, context }),
    );
    if (method === 'create') entry.created = (Array.isArray(result) ? result : [result]) as number[];
    entry.applied = true;
    entry.outcome = 'result';
    return respond(() => {
      entry.ok = true;
      sendJson(res, 200, result);
    });
  } catch (error) {
    if (!(error instanceof OdooFault)) throw error;
    return fail(errorOf(error), context);
  }
}

export function answerNoJson2(res: http.ServerResponse) {
  res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(NOT_FOUND_PAGE);
}
