/** The site's content types, and which field each one's slug is generated from. */
export const SLUG_SOURCE: Record<string, string> = {
  'api::page.page': 'title',
  'api::article.article': 'title',
  'api::author.author': 'name',
  'api::category.category': 'name',
};

/** Content types with publishAt / unpublishAt. */
export const SCHEDULED_UIDS = ['api::page.page', 'api::article.article'] as const;

/** Everything the public site renders: publishing or unpublishing one asks for a rebuild. */
export const SITE_CONTENT_UIDS = [
  'api::page.page',
  'api::article.article',
  'api::author.author',
  'api::category.category',
  'api::global.global',
  // old paths → new ones (src/content/redirects.ts): the build writes them as 301s
  'api::redirect.redirect',
] as const;

export const isSiteContent = (uid: string) => (SITE_CONTENT_UIDS as readonly string[]).includes(uid);

/**
 * Plugin content the site builds pages from (whitepaper, webinar and booking pages). Their public
 * reads go through the plugins' own routes, so they are not in SITE_CONTENT_UIDS (which grants
 * the Public role Strapi's find/findOne); a change still asks for a rebuild.
 */
export const PLUGIN_SITE_UIDS = [
  'plugin::whitepapers.whitepaper',
  'plugin::webinars.webinar',
  'plugin::booking.meeting-type',
  'plugin::booking.host',
] as const;

export const triggersSiteRebuild = (uid: string) =>
  isSiteContent(uid) || (PLUGIN_SITE_UIDS as readonly string[]).includes(uid);
