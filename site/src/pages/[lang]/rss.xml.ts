/** The articles of one locale as RSS 2.0: /en/rss.xml, /de/rss.xml. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { SITE_NAME, type Locale } from '../../consts';
import { articlePath, articlesIn, globalFor } from '../../lib/content';
import { SITE_STRINGS } from '../../i18n/site';
import { buildLocales } from '../../lib/locales';

export async function getStaticPaths() {
  return (await buildLocales()).map((lang) => ({ params: { lang } }));
}

export async function GET(context: APIContext) {
  const lang = context.params.lang as Locale;
  const global = await globalFor(lang);
  const articles = await articlesIn(lang);
  return rss({
    title: `${global?.siteName ?? SITE_NAME} – ${SITE_STRINGS[lang].insights}`,
    description: global?.tagline ?? SITE_STRINGS[lang].insightsIntro,
    site: context.site ?? 'http://localhost:4321',
    trailingSlash: true,
    customData: `<language>${lang}</language>`,
    items: articles.map((article) => ({
      title: article.title,
      link: articlePath(lang, article.slug),
      pubDate: new Date(article.publishedDate ?? article.publishedAt ?? Date.now()),
      description: article.excerpt ?? undefined,
      author: article.author?.name ?? undefined,
      categories: article.category ? [article.category.name] : undefined,
    })),
  });
}
