/**
 * The addresses a browser may open the locally served site at. `npm start` serves it on
 * 127.0.0.1 and prints localhost: both are in use, and to a browser they are two origins, so the
 * CMS must allow both for CORS (the booking widget's requests) and the forms' Origin check.
 */
export const localSiteOrigins = (port) => [`http://localhost:${port}`, `http://127.0.0.1:${port}`];

/**
 * CORS_ORIGINS for a CMS next to a locally served site: the configured origins (a public domain in
 * front of it, say) plus both local names of the site's port, comma-separated as Strapi's env.array reads it.
 */
export function withLocalSiteOrigins(configured, port) {
  const listed = String(configured ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  return [...new Set([...listed, ...localSiteOrigins(port)])].join(',');
}
