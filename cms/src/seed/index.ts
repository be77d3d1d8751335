import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { toBlocks } from './blocks';

/**
 * Demo content: a small B2B marketing site in the locales database/seed/content.json names
 * (`locales`; English and German everywhere, French for the home and contact pages, one article
 * and the global settings), with the images next to it. The seed creates those locales in i18n
 * when they are missing: languages are data (docs/adr/0022-locales-as-data.md). Create-only and keyed on natural keys (file name in the
 * "Demo content" media folder, English slug, the single global entry), so running it again
 * creates nothing and never overwrites what editors changed.
 */
const FOLDER_NAME = 'Demo content';
type Locale = string;
const MEDIA_FIELDS = new Set(['image', 'photo', 'logos', 'ogImage', 'cover', 'avatar']);
const RICH_TEXT_FIELDS = new Set(['body']);

export interface SeedReport {
  created: Record<string, number>;
  existing: Record<string, number>;
  skipped: string[];
}

export function seedDirectory(strapi: Core.Strapi): string {
  return process.env.SEED_DIR
    ? path.resolve(process.env.SEED_DIR)
    : path.resolve(strapi.dirs.app.root, '..', 'database', 'seed');
}

/** On boot: only on a site without any page or article, and not in production unless asked. */
export function shouldSeedOnBoot(env: NodeJS.ProcessEnv = process.env): boolean {
  const setting = (env.SEED_DEMO_CONTENT ?? '').toLowerCase();
  if (setting === 'false' || setting === '0') return false;
  if (setting === 'true' || setting === '1') return true;
  return env.NODE_ENV !== 'production';
}

export async function isSiteEmpty(strapi: Core.Strapi): Promise<boolean> {
  const pages = await strapi.db.query('api::page.page').count();
  const articles = await strapi.db.query('api::article.article').count();
  return pages + articles === 0;
}

interface SeedLocale {
  code: string;
  name: string;
}

const readContent = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'content.json'), 'utf8'));

/** The locales the demo content is written in (content.json `locales`), created in i18n when missing. */
export async function ensureSeedLocales(strapi: Core.Strapi, dir = seedDirectory(strapi)): Promise<string[]> {
  const wanted = (readContent(dir).locales ?? []) as SeedLocale[];
  const locales = strapi.plugin('i18n').service('locales');
  const existing = new Set(((await locales.find()) as Array<{ code: string }>).map((locale) => locale.code));
  for (const locale of wanted) {
    if (existing.has(locale.code)) continue;
    await locales.create({ code: locale.code, name: locale.name });
    strapi.log.info(`seed: created the ${locale.name} locale.`);
  }
  return wanted.map((locale) => locale.code);
}

export async function seedDemoContent(strapi: Core.Strapi, dir = seedDirectory(strapi)): Promise<SeedReport> {
  const content = readContent(dir);
  const seedLocales = await ensureSeedLocales(strapi, dir);
  if (seedLocales.length === 0) throw new Error('seed: content.json names no locales');
  // slugs of the first locale are the natural keys of the documents
  const keyLocale = seedLocales[0];
  /** the locales one entry of content.json has a variant in, in the seed's order */
  const localesOf = (entry: Record<string, unknown>) =>
    seedLocales.filter((code) => entry[code] && typeof entry[code] === 'object');
  const report: SeedReport = { created: {}, existing: {}, skipped: [] };
  const count = (bucket: 'created' | 'existing', kind: string) => {
    report[bucket][kind] = (report[bucket][kind] ?? 0) + 1;
  };

  // --- media, through the upload plugin (responsive formats, local or S3) ---
  const folder = await ensureFolder(strapi);
  const media = new Map<string, number>();
  for (const item of content.media as Array<{ key: string; file: string; alternativeText: string }>) {
    const found = await strapi.db
      .query('plugin::upload.file')
      .findOne({ where: { name: item.file, folder: folder.id } });
    if (found) {
      media.set(item.key, found.id);
      count('existing', 'media');
      continue;
    }
    const filepath = path.join(dir, 'images', item.file);
    const [uploaded] = await strapi
      .plugin('upload')
      .service('upload')
      .upload({
        data: {
          fileInfo: { name: item.file, alternativeText: item.alternativeText, caption: null, folder: folder.id },
        },
        files: {
          filepath,
          originalFilename: item.file,
          mimetype: item.file.endsWith('.png') ? 'image/png' : 'image/jpeg',
          size: fs.statSync(filepath).size,
        },
      });
    media.set(item.key, uploaded.id);
    count('created', 'media');
  }

  const resolve = (value: any, key?: string): any => {
    if (key && MEDIA_FIELDS.has(key)) {
      if (Array.isArray(value)) return value.map((ref) => mediaId(media, ref));
      return typeof value === 'string' ? mediaId(media, value) : value;
    }
    if (key && RICH_TEXT_FIELDS.has(key) && Array.isArray(value) && value.every((line) => typeof line === 'string'))
      return toBlocks(value);
    if (Array.isArray(value)) return value.map((item) => resolve(item));
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, k)]));
    return value;
  };

  /** One document in every locale it has a variant in; the key locale's slug is the key. Returns the document id. */
  const ensureDocument = async (
    uid: any,
    kind: string,
    variants: Record<Locale, any>,
    shared: Record<string, unknown> = {},
    relations: (locale: Locale) => Record<string, unknown> = () => ({}),
  ) => {
    const documents = strapi.documents(uid);
    const keySlug = variants[keyLocale].slug;
    const found = await documents.findFirst({
      locale: keyLocale,
      status: 'draft',
      filters: { slug: keySlug } as any,
      fields: ['documentId'] as any,
    });
    let documentId = found?.documentId as string | undefined;
    for (const locale of localesOf(variants)) {
      const label = `${kind} ${keySlug} (${locale})`;
      try {
        const exists = documentId
          ? await documents.findOne({ documentId, locale, status: 'draft', fields: ['documentId'] as any })
          : null;
        if (exists) {
          count('existing', kind);
          continue;
        }
        const data = { ...resolve(shared), ...resolve(variants[locale]), ...relations(locale) };
        const entry = documentId
          ? await documents.update({ documentId, locale, data })
          : await documents.create({ locale, data });
        documentId = entry!.documentId as string;
        await documents.publish({ documentId, locale });
        count('created', kind);
      } catch (error) {
        report.skipped.push(`${label}: ${(error as Error).message}`);
        strapi.log.warn(`seed: skipped ${label}: ${(error as Error).message}`);
      }
    }
    return documentId;
  };

  const categories = new Map<string, string>();
  for (const category of content.categories) {
    const id = await ensureDocument('api::category.category', 'category', category);
    if (id) categories.set(category.key, id);
  }
  const authors = new Map<string, string>();
  for (const author of content.authors) {
    const id = await ensureDocument('api::author.author', 'author', author, {
      name: author.name,
      avatar: author.avatar,
      linkedinUrl: author.linkedinUrl,
    });
    if (id) authors.set(author.key, id);
  }
  for (const article of content.articles) {
    const link = (documentId: string | undefined, locale: Locale) =>
      documentId ? { connect: [{ documentId, locale }] } : undefined;
    await ensureDocument(
      'api::article.article',
      'article',
      article,
      { cover: article.cover, publishedDate: article.publishedDate },
      (locale) => ({
        author: link(authors.get(article.author), locale),
        category: link(categories.get(article.category), locale),
      }),
    );
  }
  for (const page of content.pages) await ensureDocument('api::page.page', 'page', page);

  // --- webinars, when the webinars plugin is installed: each webinar, then its one session ---
  if (strapi.plugin('webinars')) {
    for (const webinar of content.webinars ?? []) {
      const id = await ensureDocument('plugin::webinars.webinar', 'webinar', webinar, webinar.shared);
      if (!id) continue;
      const sessions = strapi.plugin('webinars').service('sessions');
      if ((await sessions.forWebinar(id)).length > 0) {
        count('existing', 'webinar-session');
        continue;
      }
      // inDays < 0: a session that took place, with its recording (the past-webinars list shows everything)
      const { inDays, startUtc, minutes, timeZone, capacity, recordingUrl } = webinar.session;
      const day = new Date(Date.now() + inDays * 24 * 3600 * 1000).toISOString().slice(0, 10);
      const startsAt = new Date(`${day}T${startUtc}:00Z`);
      const session = await sessions.create(id, {
        startsAt,
        endsAt: new Date(startsAt.getTime() + minutes * 60_000),
        timeZone,
        capacity,
        joinUrl: null,
        joinInstructions: null,
      });
      // nobody registered for a seeded session: nobody to notify
      if (recordingUrl) await sessions.setRecording(session.documentId, recordingUrl, false);
      count('created', 'webinar-session');
    }
  }

  // --- whitepapers, when the whitepapers plugin is installed: the paper in every locale, then its PDF ---
  if (strapi.plugin('whitepapers')) {
    const papers = strapi.plugin('whitepapers').service('papers');
    for (const paper of content.whitepapers ?? []) {
      const id = await ensureDocument('plugin::whitepapers.whitepaper', 'whitepaper', paper, paper.shared);
      if (!id) continue;
      // The plugin's own storage: the private folder under the file's SHA-256, never public uploads.
      // A file recorded but gone from disk (a new machine, a restore without the folder) is put back.
      // (storedFile answers null when the storage, folder or S3, no longer has the bytes)
      const stored = await papers.storedFile(id);
      if (stored) {
        stored.body.destroy();
        count('existing', 'whitepaper-file');
        continue;
      }
      const filepath = path.join(dir, paper.file);
      try {
        await papers.attachFile(id, { filepath, size: fs.statSync(filepath).size, originalFilename: paper.fileName });
        count('created', 'whitepaper-file');
      } catch (error) {
        report.skipped.push(`whitepaper file ${paper.file}: ${(error as Error).message}`);
        strapi.log.warn(`seed: skipped whitepaper file ${paper.file}: ${(error as Error).message}`);
      }
    }
  }

  // --- booking demo: one meeting type with two hosts, when the booking plugin is installed ---
  if (content.booking && strapi.plugin('booking')) {
    // no draft & publish on these types: found and created through the Document Service without publish()
    const ensureBookingDocument = async (
      uid: any,
      kind: string,
      entry: { shared: Record<string, unknown> } & Record<Locale, Record<string, unknown>>,
    ) => {
      const slug = entry.shared.slug as string;
      const documents = strapi.documents(uid);
      for (const locale of localesOf(entry)) {
        try {
          const rows = await strapi.db.query(uid).findMany({ where: { slug }, select: ['documentId', 'locale'] });
          if (rows.some((row: any) => row.locale === locale)) {
            count('existing', kind);
            continue;
          }
          const data = { ...resolve(entry.shared), ...resolve(entry[locale]) };
          if (rows[0]) await documents.update({ documentId: rows[0].documentId, locale, data } as any);
          else await documents.create({ locale, data } as any);
          count('created', kind);
        } catch (error) {
          report.skipped.push(`${kind} ${slug} (${locale}): ${(error as Error).message}`);
          strapi.log.warn(`seed: skipped ${kind} ${slug} (${locale}): ${(error as Error).message}`);
        }
      }
    };
    for (const host of content.booking.hosts) await ensureBookingDocument('plugin::booking.host', 'booking-host', host);
    for (const type of content.booking.meetingTypes)
      await ensureBookingDocument('plugin::booking.meeting-type', 'meeting-type', type);
  }

  // --- the global single type ---
  const globals = strapi.documents('api::global.global' as any);
  let globalId = (await globals.findFirst({ locale: keyLocale, status: 'draft', fields: ['documentId'] as any }))
    ?.documentId as string | undefined;
  for (const locale of localesOf(content.global)) {
    const exists = globalId
      ? await globals.findOne({ documentId: globalId, locale, status: 'draft', fields: ['documentId'] as any })
      : null;
    if (exists) {
      count('existing', 'global');
      continue;
    }
    const data = { ...resolve(content.global.shared), ...resolve(content.global[locale]) };
    const entry = globalId
      ? await globals.update({ documentId: globalId, locale, data })
      : await globals.create({ locale, data });
    globalId = entry!.documentId as string;
    await globals.publish({ documentId: globalId, locale });
    count('created', 'global');
  }

  return report;
}

function mediaId(media: Map<string, number>, key: string): number {
  const id = media.get(key);
  if (id === undefined) throw new Error(`seed: unknown media "${key}"`);
  return id;
}

async function ensureFolder(strapi: Core.Strapi): Promise<{ id: number }> {
  const existing = await strapi.db
    .query('plugin::upload.folder')
    .findOne({ where: { name: FOLDER_NAME, parent: null } });
  if (existing) return existing;
  return strapi.plugin('upload').service('folder').create({ name: FOLDER_NAME, parent: null });
}

export const summarise = (report: SeedReport) => {
  const total = (bucket: Record<string, number>) => Object.values(bucket).reduce((sum, n) => sum + n, 0);
  const list = (bucket: Record<string, number>) =>
    Object.entries(bucket)
      .map(([kind, n]) => `${n} ${kind}`)
      .join(', ') || 'nothing';
  return `created ${total(report.created)} (${list(report.created)}), already there ${total(report.existing)}${report.skipped.length ? `, skipped ${report.skipped.length}` : ''}`;
};
