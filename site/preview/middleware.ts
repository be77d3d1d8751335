/**
 * Every answer of the preview server: never indexed (header and meta), never cached, framed only
 * by the admin; HTML pages reload when the admin says the entry was saved (`strapiUpdate`, Strapi
 * 5's preview panel posts it after each save).
 */
import { defineMiddleware } from 'astro:middleware';

const adminOrigin = () => {
  const configured = process.env.PREVIEW_ADMIN_ORIGIN || process.env.PUBLIC_CMS_URL || process.env.CMS_URL;
  try {
    return configured ? new URL(configured).origin : null;
  } catch {
    return null;
  }
};

export const reloadScript = (origin: string) =>
  `<script>addEventListener('message',function(e){if(e.origin===${JSON.stringify(origin)}&&e.data&&e.data.type==='strapiUpdate')location.reload()})</script>`;

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  const headers = new Headers(response.headers);
  headers.set('X-Robots-Tag', 'noindex, nofollow');
  headers.set('Cache-Control', 'no-store');
  headers.set('Referrer-Policy', 'no-referrer');
  headers.set('X-Content-Type-Options', 'nosniff');
  const origin = adminOrigin();
  headers.set('Content-Security-Policy', `frame-ancestors 'self'${origin ? ` ${origin}` : ''}`);
  if (!(headers.get('Content-Type') ?? '').startsWith('text/html')) {
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
  let html = await response.text();
  html = html.replace(/<meta name="robots"[^>]*>/g, '');
  html = html.replace(/<head>/i, '<head><meta name="robots" content="noindex, nofollow">');
  if (origin) html = html.replace(/<\/body>/i, `${reloadScript(origin)}</body>`);
  headers.delete('Content-Length');
  return new Response(html, { status: response.status, statusText: response.statusText, headers });
});
