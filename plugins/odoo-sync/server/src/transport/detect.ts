import { parseWebVersion, type OdooVersion } from '../domain/protocol';

/**
 * `GET /web/version` (no authentication): Odoo answers `{"version_info": [...], "version": "19.0"}`.
 * Null when the route does not exist or answers something else (an old Odoo, a proxy page); a
 * network error or a 5xx is thrown, so the caller retries instead of guessing.
 */
export async function fetchOdooVersion(
  url: string,
  timeoutMs: number,
  fetchImpl: typeof fetch = fetch,
): Promise<OdooVersion | null> {
  const response = await fetchImpl(`${url.replace(/\/+$/, '')}/web/version`, {
    headers: { Accept: 'application/json' },
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (response.status >= 500)
    throw Object.assign(new Error(`Odoo answered /web/version with HTTP ${response.status}`), { code: 'EUNAVAILABLE' });
  if (!response.ok) return null;
  try {
    return parseWebVersion(JSON.parse(await response.text()));
  } catch {
    return null;
  }
}
