/**
 * What an error from Odoo's XML-RPC API means for delivery. Odoo maps its exceptions to fault
 * codes in odoo/service/wsgi_server (xmlrpc_handle_exception_int): 1 application error (a Python
 * traceback), 2 UserError/ValidationError/MissingError, 3 AccessDenied (credentials), 4 AccessError
 * (the user lacks rights on a model). Everything else is the network or the HTTP layer.
 */
export type OdooFailure =
  /** the data or the rights are wrong: retrying the same call cannot succeed */
  | { kind: 'permanent'; message: string }
  /** Odoo refused our credentials: wait for an operator, do not use up attempts */
  | { kind: 'credentials'; message: string }
  /** Odoo is down, slow, restarting or failed internally: retry later */
  | { kind: 'transient'; message: string };

export const FAULT = { application: 1, warning: 2, accessDenied: 3, accessError: 4 } as const;

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);

/** Odoo's fault strings can be long tracebacks: the admin needs the last meaningful line. */
export function faultSummary(faultString: string, max = 500): string {
  const lines = faultString.split('\n').map((line) => line.trim()).filter(Boolean);
  const exceptionLine = [...lines].reverse().find((line) => /^(odoo\.exceptions\.|[A-Za-z_.]*(Error|Exception|Warning)\b)/.test(line));
  const summary = lines.length > 3 && exceptionLine ? exceptionLine : lines.join(' ');
  return summary.length > max ? `${summary.slice(0, max - 1)}…` : summary;
}

export function classifyOdooError(error: unknown): OdooFailure {
  const value = (error ?? {}) as { faultCode?: unknown; faultString?: unknown; code?: unknown; message?: unknown };
  if (typeof value.faultCode === 'number') {
    const text = faultSummary(String(value.faultString ?? ''));
    switch (value.faultCode) {
      case FAULT.warning:
        return { kind: 'permanent', message: `Odoo rejected the data: ${text}` };
      case FAULT.accessError:
        return { kind: 'permanent', message: `Odoo access error: ${text}` };
      case FAULT.accessDenied:
        return { kind: 'credentials', message: `Odoo denied access: ${text || 'check ODOO_USERNAME and ODOO_API_KEY'}` };
      default:
        return { kind: 'transient', message: `Odoo server error: ${text}` };
    }
  }
  // odoo-await rejects with a plain string when authenticate answers false
  if (typeof error === 'string') {
    return /invalid credentials|error connecting/i.test(error)
      ? { kind: 'credentials', message: 'Odoo rejected the credentials: check ODOO_DB, ODOO_USERNAME and ODOO_API_KEY' }
      : { kind: 'transient', message: `Odoo: ${error}` };
  }
  const code = typeof value.code === 'string' ? value.code : '';
  const message = typeof value.message === 'string' ? value.message : String(error);
  if (NETWORK_CODES.has(code) || /socket hang up|timed out/i.test(message)) {
    return { kind: 'transient', message: `Odoo unreachable: ${code || message}` };
  }
  return { kind: 'transient', message: `Odoo call failed: ${message}` };
}
