import type { APIContext } from 'astro';
import { sitemapUrls, sitemapXml } from '../lib/sitemap';

export async function GET(context: APIContext) {
  const site = context.site ?? new URL('http://localhost:4321');
  return new Response(sitemapXml(await sitemapUrls(), site), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
}
