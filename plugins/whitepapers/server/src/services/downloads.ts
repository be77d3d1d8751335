import type { Readable } from 'node:stream';
import type { Core } from '@strapi/strapi';
import { tokenHash } from '@magnetiq/plugin-kit/server';
import { verifyDownloadToken } from '../domain/tokens';
import { getConfig, getService, UID } from '../utils';

export type OpenResult =
  | { ok: true; file: { body: Readable; fileName: string; size: number } }
  | { ok: false; problem: 'expired' | 'invalid' | 'unavailable'; whitepaper?: string };

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Checks a download link and, when it is good, counts the download and says which file to send. */
  async open(token: string, now: Date = new Date()): Promise<OpenResult> {
    const verdict = verifyDownloadToken(token, getConfig(strapi).tokenSecret, now);
    if (!verdict.ok) {
      return verdict.reason === 'expired'
        ? { ok: false, problem: 'expired', whitepaper: verdict.claims.w }
        : { ok: false, problem: 'invalid' };
    }
    const { claims } = verdict;
    const record = await strapi.db.query(UID.download).findOne({
      where: { tokenHash: tokenHash(token) },
      select: ['id', 'documentId', 'whitepaper', 'contact', 'expiresAt'],
    });
    // Signed by us but unknown (erased, or a record never written): no file without a record.
    if (!record || record.documentId !== claims.d || record.whitepaper !== claims.w || record.contact !== claims.c) {
      return { ok: false, problem: 'invalid' };
    }
    if (new Date(record.expiresAt).getTime() <= now.getTime())
      return { ok: false, problem: 'expired', whitepaper: claims.w };

    const published = await strapi.db
      .query(UID.whitepaper)
      .findOne({ where: { documentId: claims.w, publishedAt: { $notNull: true } }, select: ['id'] });
    const file = published ? await getService(strapi, 'papers').storedFile(claims.w) : null;
    if (!file) return { ok: false, problem: 'unavailable', whitepaper: claims.w };

    // One statement, so concurrent downloads of one link all count.
    const meta = strapi.db.metadata.get(UID.download);
    const column = (attribute: string) =>
      (meta.attributes[attribute] as { columnName?: string }).columnName ?? attribute;
    const knex = strapi.db.connection;
    await knex(meta.tableName)
      .where({ id: record.id })
      .update({
        [column('downloadCount')]: knex.raw('?? + 1', [column('downloadCount')]),
        [column('firstDownloadedAt')]: knex.raw('coalesce(??, ?)', [column('firstDownloadedAt'), now]),
        [column('lastDownloadedAt')]: now,
        [column('updatedAt')]: now,
      });
    return { ok: true, file };
  },

  /** The site's page where a visitor asks for a new link. */
  async requestPageUrl(whitepaper?: string) {
    const { siteUrl } = getConfig(strapi);
    if (whitepaper) {
      const entry = await strapi.db
        .query(UID.whitepaper)
        .findOne({ where: { documentId: whitepaper, publishedAt: { $notNull: true } }, select: ['slug', 'locale'] });
      if (entry) return { url: `${siteUrl}/${entry.locale}/whitepapers/${entry.slug}`, locale: entry.locale as string };
    }
    return { url: `${siteUrl}/en/whitepapers`, locale: 'en' };
  },
});
