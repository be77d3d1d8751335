import fs from 'node:fs';
import fsp from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { asStrings, findEntry, localizedEntryOf, MEDIA_FIELDS, publicMedia } from '@magnetiq/plugin-kit/server';
import type { EntryKey, MediaSource, PublicMedia } from '@magnetiq/plugin-kit/server';
import { isPdf } from '../domain/pdf';
import { STORED_FILE_KEY, storedFileKey } from '../domain/stored-file';
import type { WhitepaperInput } from '../validation/request';
import { fileStorage, getConfig, UID } from '../utils';

export interface PublicWhitepaper {
  documentId: string;
  locale: string;
  title: string;
  slug: string;
  summary: string | null;
  cover: PublicMedia | null;
  pageCount: number | null;
  topics: string[];
  gated: boolean;
  requiredFields: string[];
  seo: { title: string; description: string | null };
  publishedAt: string;
  /** only for papers that are not gated */
  fileUrl: string | null;
}

/** The fields a public answer is built from: an allow-list, never the raw entry (strapi#26182). */
const PUBLIC_FIELDS = [
  'documentId',
  'locale',
  'title',
  'slug',
  'summary',
  'pageCount',
  'topics',
  'gated',
  'requiredFields',
  'seoTitle',
  'seoDescription',
  'publishedAt',
  'fileKey',
  'fileName',
] as const;

/** A whitepaper entry as the public answer and the request flow read it (PUBLIC_FIELDS + cover). */
export interface WhitepaperEntry {
  documentId: string;
  locale: string;
  title: string;
  slug: string;
  summary?: string | null;
  cover?: MediaSource;
  pageCount?: number | null;
  topics?: unknown;
  gated?: boolean | null;
  requiredFields?: unknown;
  seoTitle?: string | null;
  seoDescription?: string | null;
  publishedAt: string;
  fileKey?: string | null;
  fileName?: string | null;
}

/** The admin overview's columns of a whitepaper (draft side). */
export interface AdminWhitepaperRow {
  documentId: string;
  locale: string;
  title: string;
  slug: string;
  gated: boolean | null;
  fileName: string | null;
  fileSize: number | null;
  updatedAt: string;
}

const COVER = { cover: { fields: MEDIA_FIELDS } };

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = () => strapi.documents(UID.whitepaper);

  const toPublic = (entry: WhitepaperEntry): PublicWhitepaper => {
    const { publicUrl } = getConfig(strapi);
    return {
      ...localizedEntryOf(entry),
      cover: publicMedia(entry.cover),
      pageCount: entry.pageCount ?? null,
      topics: asStrings(entry.topics),
      gated: entry.gated !== false,
      requiredFields: asStrings(entry.requiredFields),
      fileUrl:
        entry.gated === false && entry.fileKey
          ? `${publicUrl}/api/whitepapers/papers/${encodeURIComponent(entry.slug)}/file?locale=${entry.locale}`
          : null,
    };
  };

  const findPaper = (filters: EntryKey, locale: string, status: 'draft' | 'published' = 'published') =>
    findEntry<WhitepaperEntry>(documents(), filters, locale, status, { fields: PUBLIC_FIELDS, populate: COVER });
  const findPublished = (filters: EntryKey, locale: string) => findPaper(filters, locale);

  return {
    toPublic,

    async list(locale: string): Promise<PublicWhitepaper[]> {
      const entries = (await documents().findMany({
        status: 'published',
        locale,
        fields: [...PUBLIC_FIELDS],
        populate: COVER,
        sort: 'publishedAt:desc',
        limit: 200,
      })) as unknown as WhitepaperEntry[];
      return entries.map(toPublic);
    },

    async bySlug(slug: string, locale: string) {
      return findPublished({ slug }, locale);
    },

    /**
     * One paper in the given status, a draft that was never published too, in the public answer's
     * shape. For the preview server only: its route reads with an API token (docs/adr/0028).
     */
    async preview(documentId: string, locale: string, status: 'draft' | 'published'): Promise<PublicWhitepaper | null> {
      const entry = await findPaper({ documentId }, locale, status);
      return entry ? toPublic(entry) : null;
    },

    /** The published version of a paper in the visitor's locale, or in any locale it has. */
    async publishedById(documentId: string, locale: string) {
      const inLocale = await findPublished({ documentId }, locale);
      if (inLocale) return inLocale;
      const anyLocale = await strapi.db
        .query(UID.whitepaper)
        .findOne({ where: { documentId, publishedAt: { $notNull: true } }, select: ['locale'] });
      return anyLocale ? findPublished({ documentId }, anyLocale.locale) : null;
    },

    /** Where the stored file of a paper is (the file fields are the same in every locale). */
    async storedFile(documentId: string): Promise<{ body: Readable; fileName: string; size: number } | null> {
      const entry = await strapi.db.query(UID.whitepaper).findOne({
        where: { documentId, fileKey: { $notNull: true } },
        select: ['fileKey', 'fileName', 'fileSize', 'slug'],
        orderBy: { publishedAt: 'desc' },
      });
      if (!entry?.fileKey) return null;
      // The storage checks the key again, not only where it is written: a forged key would otherwise
      // let the open-file route serve any file the CMS can read (ADR 0017).
      if (!STORED_FILE_KEY.test(entry.fileKey)) {
        strapi.log.warn(
          `whitepapers: whitepaper ${documentId} has a stored file key that is not one the upload makes; not served`,
        );
        return null;
      }
      const stored = await fileStorage(strapi).open(entry.fileKey);
      if (!stored) {
        strapi.log.warn(`whitepapers: the stored file of whitepaper ${documentId} is missing`);
        return null;
      }
      // the stored size, not the column: Content-Length must describe the bytes we send
      return { body: stored.body, fileName: entry.fileName || `${entry.slug}.pdf`, size: stored.size };
    },

    async create(input: WhitepaperInput) {
      const { locale, publish, ...data } = input;
      const created = await documents().create({
        locale,
        data: { ...data, topics: data.topics ?? [], requiredFields: data.requiredFields ?? [] },
      });
      if (publish) await documents().publish({ documentId: created.documentId, locale });
      return created.documentId as string;
    },

    async publish(documentId: string, locale: string) {
      await documents().publish({ documentId, locale });
    },

    /**
     * Keeps an uploaded PDF in the private folder under its SHA-256, outside anything Strapi or a
     * web server serves. Content-checked: the bytes must start like a PDF, whatever the name says.
     */
    async attachFile(documentId: string, upload: { filepath: string; size: number; originalFilename?: string | null }) {
      const exists = await strapi.db.query(UID.whitepaper).findOne({ where: { documentId }, select: ['id'] });
      if (!exists) throw new errors.NotFoundError('Whitepaper not found');
      const { maxFileBytes } = getConfig(strapi);
      if (upload.size > maxFileBytes)
        throw new errors.PayloadTooLargeError(`The file is larger than ${maxFileBytes} bytes`);
      const handle = await fsp.open(upload.filepath, 'r');
      const head = Buffer.alloc(8);
      try {
        await handle.read(head, 0, head.length, 0);
      } finally {
        await handle.close();
      }
      if (!isPdf(head)) throw new errors.ValidationError('The file is not a PDF');

      const hash = createHash('sha256');
      await new Promise<void>((resolve, reject) =>
        fs
          .createReadStream(upload.filepath)
          .on('data', (chunk) => hash.update(chunk))
          .on('end', resolve)
          .on('error', reject),
      );
      const sha256 = hash.digest('hex');
      const fileKey = storedFileKey(sha256);
      await fileStorage(strapi).put(fileKey, upload.filepath);

      const fileName = (upload.originalFilename || 'whitepaper.pdf').replace(/[\\/\r\n]/g, '').slice(0, 200);
      await strapi.db
        .query(UID.whitepaper)
        .updateMany({ where: { documentId }, data: { fileKey, fileName, fileSize: upload.size, fileSha256: sha256 } });
      return { fileName, fileSize: upload.size, sha256 };
    },

    async adminList(): Promise<AdminWhitepaperRow[]> {
      return strapi.db.query(UID.whitepaper).findMany({
        where: { publishedAt: { $null: true } },
        select: ['documentId', 'locale', 'title', 'slug', 'gated', 'fileName', 'fileSize', 'updatedAt'],
        orderBy: { updatedAt: 'desc' },
        limit: 500,
      });
    },
  };
};
