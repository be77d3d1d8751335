import type { APIContext } from 'astro';

/** robots.txt from the configured site URL, so the sitemap line is right in every deployment. */
export function GET(context: APIContext) {
  const site = context.site ?? new URL('http://localhost:4321');
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL('/sitemap.xml', site).toString()}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
