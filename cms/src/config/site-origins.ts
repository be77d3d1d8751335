/**
 * The origins the public site is served from: CORS for the site's islands (booking slots, forms)
 * and the Origin check of every form POST (plugins/leads form-guard) read this one list.
 * A browser treats http://localhost:4321 and http://127.0.0.1:4321 as two origins, and people
 * open both, so the default names both (issue 20: the booking widget broke on 127.0.0.1).
 */
export const DEFAULT_SITE_ORIGINS = ['http://localhost:4321', 'http://127.0.0.1:4321'];

export function siteOrigins(env: { array: (name: string, fallback?: string[]) => string[] }): string[] {
  const configured = env
    .array('CORS_ORIGINS', DEFAULT_SITE_ORIGINS)
    .map((origin) => origin.trim())
    .filter(Boolean);
  return configured.length > 0 ? [...new Set(configured)] : DEFAULT_SITE_ORIGINS;
}
