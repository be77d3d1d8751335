/**
 * Which of Odoo's external APIs to speak. XML-RPC (`/xmlrpc/2`) works from Odoo 8 to 21 and is
 * deprecated from 19; the JSON-2 API (`/json/2/<model>/<method>`, an API key as bearer token)
 * exists from Odoo 19 on. `auto` asks `/web/version` once and picks JSON-2 from 19 on.
 */
export type OdooProtocol = 'xmlrpc' | 'json2';
export type ProtocolSetting = OdooProtocol | 'auto';

export const PROTOCOL_SETTINGS: readonly ProtocolSetting[] = ['xmlrpc', 'json2', 'auto'];

/** The first Odoo major version with the JSON-2 API. */
export const JSON2_SINCE = 19;

export interface OdooVersion {
  /** as Odoo names it: "17.0", "saas~18.4", "19.0" */
  version: string;
  major: number;
  minor: number;
}

/**
 * Reads the answer of `GET /web/version`: `{"version_info": [19, 0, 0, "final", 0, ""], "version": "19.0"}`.
 * Null when the body is not such an answer (a proxy's page, an old Odoo without the route).
 */
export function parseWebVersion(body: unknown): OdooVersion | null {
  if (typeof body !== 'object' || body === null) return null;
  const { version, version_info: info } = body as { version?: unknown; version_info?: unknown };
  if (Array.isArray(info) && typeof info[0] === 'number') {
    return {
      version: typeof version === 'string' ? version : `${info[0]}.${info[1] ?? 0}`,
      major: info[0],
      minor: typeof info[1] === 'number' ? info[1] : 0,
    };
  }
  // "saas~18.4", "19.0", "19.0+e": the numbers after any prefix
  const match = typeof version === 'string' ? /(\d+)\.(\d+)/.exec(version) : null;
  return match && typeof version === 'string' ? { version, major: Number(match[1]), minor: Number(match[2]) } : null;
}

/** `auto`'s choice: JSON-2 from Odoo 19 on, XML-RPC before (or when the version is unknown). */
export function protocolFor(version: OdooVersion | null): OdooProtocol {
  return version && version.major >= JSON2_SINCE ? 'json2' : 'xmlrpc';
}
