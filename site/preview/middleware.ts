/**
 * Every answer of the preview server: never indexed (header and meta), never cached, framed only
 * by the admin; HTML pages reload when the admin says the entry was saved (`strapiUpdate`, Strapi
 * 5's preview panel posts it after each save).
 */
import { defineMiddleware } from 'astro:middleware';

/** The admin's origins (PREVIEW_ADMIN_ORIGIN, comma-separated; else the CMS's address). */
const adminOrigins = () => {
  const configured = process.env.PREVIEW_ADMIN_ORIGIN || process.env.PUBLIC_CMS_URL || process.env.CMS_URL || '';
  return configured
    .split(',')
    .map((value) => {
      try {
        return new URL(value.trim()).origin;
      } catch {
        return null;
      }
    })
    .filter((origin): origin is string => Boolean(origin));
};

export const reloadScript = (origins: string[]) =>
  `<script>addEventListener('message',function(e){if(${JSON.stringify(origins)}.indexOf(e.origin)>=0&&e.data&&e.data.type==='strapiUpdate')location.reload()})</script>`;

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  const headers = new Headers(response.headers);
  headers.set('X-Robots-Tag', 'noindex, nofollow');
  headers.set('Cache-Control', 'no-store');
  headers.set('Referrer-Policy', 'no-referrer');
  headers.set('X-Content-Type-Options', 'nosniff');
  const origins = adminOrigins();
  headers.set('Content-Security-Policy', `frame-ancestors ${["'self'", ...origins].join(' ')}`);
  if (!(headers.get('Content-Type') ?? '').startsWith('text/html')) {
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
  let html = await response.text();
  html = html.replace(/<meta name="robots"[^>]*>/g, '');
  html = html.replace(/<head>/i, '<head><meta name="robots" content="noindex, nofollow">');
  if (origins.length > 0) html = html.replace(/<\/body>/i, `${reloadScript(origins)}</body>`);
  headers.delete('Content-Length');
  return new Response(html, { status: response.status, statusText: response.statusText, headers });
});
