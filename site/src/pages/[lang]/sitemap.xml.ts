/** One locale's sitemap (/fr/sitemap.xml), with every URL's hreflang alternates; /sitemap.xml has all locales. */
import type { APIContext } from 'astro';
import { sitemapUrls, sitemapXml } from '../../lib/sitemap';
import { buildLocales } from '../../lib/locales';

export async function getStaticPaths() {
  return (await buildLocales()).map((lang) => ({ params: { lang } }));
}

export async function GET(context: APIContext) {
  const site = context.site ?? new URL('http://localhost:4321');
  const prefix = `/${context.params.lang}/`;
  return new Response(
    sitemapXml(
      (await sitemapUrls()).filter((url) => url.path.startsWith(prefix)),
      site,
    ),
    { headers: { 'Content-Type': 'application/xml; charset=utf-8' } },
  );
}
