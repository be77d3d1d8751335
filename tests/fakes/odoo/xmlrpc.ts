/**
 * Odoo's XML-RPC API (Odoo 8 to 21; deprecated from 19):
 * - POST /xmlrpc/2/common: version(), authenticate(db, login, password, env) → uid or false, login().
 * - POST /xmlrpc/2/object: execute_kw(db, uid, password, model, method, args, kwargs?) (and the
 *   older execute()).
 * - Faults carry Odoo's codes (odoo/addons/base/controllers/rpc.py, xmlrpc_handle_exception_int):
 *   1 any other exception, sent as a Python traceback; 2 UserError / ValidationError / MissingError;
 *   3 AccessDenied (credentials); 4 AccessError (rights on a model).
 */
import type http from 'node:http';
import type { CallRecord } from './chaos';
import { injectedFault } from './chaos';
import { COMMON_FRAMES, OdooFault, pythonError, RPC_FRAMES } from './errors';
import { callModelMethod } from './methods';
import { drop, lateness, versionInfo, type FakeOdooState } from './state';
import type { XmlRpcValue } from './values';
import { parseMethodCall, Serializer } from './xmlrpc-wire';

function common(state: FakeOdooState, method: string, params: XmlRpcValue[]): XmlRpcValue {
  const matches = () => params[0] === state.db && params[1] === state.login && params[2] === state.password;
  switch (method) {
    case 'version':
      return versionInfo(state.version);
    case 'authenticate':
      if (params.length !== 4)
        throw pythonError(
          `TypeError: exp_authenticate() takes 4 positional arguments but ${params.length} were given`,
          COMMON_FRAMES,
        );
      // res.users.authenticate raises AccessDenied, which exp_authenticate turns into False
      return matches() ? state.uid : false;
    case 'login':
      if (params.length !== 3)
        throw pythonError(
          `TypeError: exp_login() takes 3 positional arguments but ${params.length} were given`,
          COMMON_FRAMES,
        );
      return matches() ? state.uid : false;
    default:
      throw pythonError(`KeyError: 'exp_${method}'`, COMMON_FRAMES);
  }
}

function object(state: FakeOdooState, method: string, params: XmlRpcValue[]): XmlRpcValue {
  if (method !== 'execute_kw' && method !== 'execute') throw pythonError(`NameError: Method not available ${method}`);
  const [callerDb, callerUid, callerPassword, model, modelMethod, ...rest] = params;
  // security.check: every call carries the credentials, checked before anything else
  if (callerDb !== state.db || Number(callerUid) !== state.uid || callerPassword !== state.password)
    throw new OdooFault(3, 'Access Denied');
  if (typeof model !== 'string' || typeof modelMethod !== 'string')
    throw pythonError('TypeError: model and method must be strings');
  const planned = state.chaos.takeFault(model, modelMethod, JSON.stringify(rest));
  if (planned) throw injectedFault(planned, model, modelMethod);
  const [args, kwargs] = method === 'execute_kw' ? [rest[0], rest[1]] : [rest, undefined];
  if (method === 'execute_kw' && !Array.isArray(args))
    throw pythonError("TypeError: execute_kw() missing 1 required positional argument: 'args'");
  return state.store.transaction(() => callModelMethod(state.store, model, modelMethod, args, kwargs));
}

export async function answerXmlRpc(
  state: FakeOdooState,
  service: 'common' | 'object',
  req: http.IncomingMessage,
  body: string,
  res: http.ServerResponse,
) {
  const entry: CallRecord = {
    service,
    method: '?',
    ok: false,
    outcome: 'dropped',
    applied: false,
    at: new Date().toISOString(),
  };
  state.calls.push(entry);
  let xml: string;
  let parsed: { methodName: string; params: XmlRpcValue[] } | null = null;
  try {
    parsed = await parseMethodCall(body);
  } catch (error) {
    xml = Serializer.serializeFault(
      pythonError(`xml.parsers.expat.ExpatError: ${(error as Error).message}`, RPC_FRAMES),
    );
  }
  if (parsed) {
    entry.method = parsed.methodName;
    if (service === 'object' && typeof parsed.params[3] === 'string') entry.model = parsed.params[3];
    if (service === 'object' && typeof parsed.params[4] === 'string') entry.modelMethod = parsed.params[4];
  }

  const { chaos } = state;
  if (chaos.isDown()) return drop(req);
  const flaky = chaos.flakyDrop();
  if (flaky === 'before') return drop(req);
  // a rate limit is the proxy's answer, before Odoo sees the call
  const overLimit = service === 'object' && !chaos.takeCallToken();
  if (
    overLimit ||
    (service === 'object' &&
      entry.model &&
      entry.modelMethod &&
      chaos.peekRateLimit(entry.model, entry.modelMethod, body))
  ) {
    const plan = overLimit ? null : chaos.takeFault(entry.model!, entry.modelMethod!, body)!;
    entry.outcome = 'fault';
    res.writeHead(429, { 'Content-Type': 'text/html', 'Retry-After': String(plan?.retryAfter ?? 1) });
    res.end('<html><body><h1>429 Too Many Requests</h1></body></html>');
    return;
  }

  if (parsed) {
    try {
      const result =
        service === 'common'
          ? common(state, parsed.methodName, parsed.params)
          : object(state, parsed.methodName, parsed.params);
      xml = Serializer.serializeMethodResponse(result);
      if (entry.modelMethod === 'create') entry.created = (Array.isArray(result) ? result : [result]) as number[];
      entry.applied = true;
      entry.outcome = 'result';
    } catch (error) {
      if (!(error instanceof OdooFault)) throw error;
      xml = Serializer.serializeFault({ faultCode: error.faultCode, faultString: error.faultString });
      entry.outcome = 'fault';
    }
  }
  // the call happened, its answer is lost: the case that makes idempotent writes matter
  if (flaky === 'after') {
    entry.outcome = 'dropped';
    return drop(req);
  }
  await lateness(state);
  entry.ok = entry.outcome === 'result';
  res.writeHead(200, { 'Content-Type': 'text/xml' });
  res.end(xml!);
}
