// ---------------------------------------------------------------------------------------------
// Faults, with Odoo's codes and texts.
// ---------------------------------------------------------------------------------------------

export type FaultCode = 1 | 2 | 3 | 4;

export class OdooFault extends Error {
  constructor(
    readonly faultCode: FaultCode,
    readonly faultString: string,
  ) {
    super(faultString);
  }
}

/** UserError, ValidationError and MissingError all travel as code 2 with their bare message. */
export const userError = (message: string) => new OdooFault(2, message);

// The frames Odoo 17 prints for an exception raised in a model method (paths of the Debian
// package; line numbers are indicative). Code 1 faults are tracebacks: clients must read their
// last line, which is what this reproduces.
export const ODOO_PATH = '/usr/lib/python3/dist-packages/odoo';
export const RPC_FRAMES = [
  ['addons/base/controllers/rpc.py', 160, 'xmlrpc_2', 'response = self._xmlrpc(service)'],
  ['addons/base/controllers/rpc.py', 134, '_xmlrpc', 'result = dispatch_rpc(service, method, params)'],
  ['http.py', 368, 'dispatch_rpc', 'return dispatch(method, params)'],
] as const;
export const OBJECT_FRAMES = [
  ...RPC_FRAMES,
  ['service/model.py', 39, 'dispatch', 'res = execute_kw(db, uid, *params[3:])'],
  ['service/model.py', 61, 'execute_kw', 'return execute(db, uid, obj, method, *args, **kw or {})'],
  ['service/model.py', 68, 'execute', 'res = execute_cr(cr, uid, obj, method, *args, **kw)'],
  ['service/model.py', 52, 'execute_cr', 'result = retrying(partial(odoo.api.call_kw, recs, method, args, kw), env)'],
  ['service/model.py', 137, 'retrying', 'result = func()'],
  ['api.py', 468, 'call_kw', 'result = _call_kw_model(method, model, args, kwargs)'],
] as const;
export const COMMON_FRAMES = [
  ...RPC_FRAMES,
  ['service/common.py', 60, 'dispatch', 'return g[exp_method_name](*params)'],
] as const;

export type Frame = readonly [string, number, string, string];

/** Any exception Odoo does not classify: code 1, the formatted traceback as the fault string. */
export function pythonError(exception: string, frames: readonly Frame[] = OBJECT_FRAMES): OdooFault {
  const lines = frames.map(
    ([file, line, fn, code]) => `  File "${ODOO_PATH}/${file}", line ${line}, in ${fn}\n    ${code}\n`,
  );
  return new OdooFault(1, `Traceback (most recent call last):\n${lines.join('')}${exception}\n`);
}
