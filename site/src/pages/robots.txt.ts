import type { APIContext } from 'astro';
import { buildLocales } from '../lib/locales';

/** robots.txt from the configured site URL, so the sitemap lines are right in every deployment: all locales, then one per locale. */
export async function GET(context: APIContext) {
  const site = context.site ?? new URL('http://localhost:4321');
  const sitemaps = ['/sitemap.xml', ...(await buildLocales()).map((lang) => `/${lang}/sitemap.xml`)].map(
    (path) => `Sitemap: ${new URL(path, site).toString()}`,
  );
  return new Response(`User-agent: *\nAllow: /\n\n${sitemaps.join('\n')}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
