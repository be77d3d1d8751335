/** A published, localized entry as the Document Service returns it (the fields every public page has). */
export interface LocalizedEntrySource {
  documentId: string;
  locale: string;
  title: string;
  slug: string;
  summary?: string | null;
  seoTitle?: string | null;
  seoDescription?: string | null;
  publishedAt: string;
}

/**
 * The part of a public answer the CMS's OpenAPI `LocalizedEntry` schema describes (documentId,
 * locale, title, slug, summary, seo, publishedAt); the SEO title and description fall back to the
 * title and the summary.
 */
export const localizedEntryOf = (entry: LocalizedEntrySource) => ({
  documentId: entry.documentId,
  locale: entry.locale,
  title: entry.title,
  slug: entry.slug,
  summary: entry.summary ?? null,
  seo: { title: entry.seoTitle || entry.title, description: entry.seoDescription ?? entry.summary ?? null },
  publishedAt: entry.publishedAt,
});

/** The strings of a JSON list field (anything else in it, or a value that is not a list, is dropped). */
export const asStrings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** The fields of an uploaded image a public answer shows (the OpenAPI `Media` schema). */
export const MEDIA_FIELDS = ['url', 'alternativeText', 'width', 'height'];

/** An image of a public answer: what the upload plugin stores of it, the optional parts as null. */
export interface PublicMedia {
  url: string;
  alternativeText: string | null;
  width: number | null;
  height: number | null;
}

/** A populated media field (MEDIA_FIELDS) as the Document Service or the Query Engine returns it. */
export type MediaSource =
  { url?: string; alternativeText?: string | null; width?: number | null; height?: number | null } | null | undefined;

/** The public form of a populated media field, or null when there is no file. */
export const publicMedia = (value: MediaSource): PublicMedia | null =>
  value?.url
    ? {
        url: value.url,
        alternativeText: value.alternativeText ?? null,
        width: value.width ?? null,
        height: value.height ?? null,
      }
    : null;

/** How a public read names one entry: by its slug (a page) or its documentId (the preview). */
export type EntryKey = { slug: string } | { documentId: string };

/** What `findEntry` reads of an entry: its fields and the relations and media to populate. */
export interface EntrySelection {
  fields: readonly string[];
  populate: object;
}

/** The Document Service of one content type, as far as `findEntry` uses it. */
interface FindFirst {
  findFirst(params: object): Promise<unknown>;
}

/**
 * One entry by slug or documentId in a locale and status (`published` for the site, `draft` for
 * the preview), with the given fields and populate; `Entry` is the shape that selection reads.
 */
export async function findEntry<Entry>(
  documents: FindFirst,
  filters: EntryKey,
  locale: string,
  status: 'draft' | 'published',
  { fields, populate }: EntrySelection,
): Promise<Entry | null> {
  return ((await documents.findFirst({ status, locale, filters, fields: [...fields], populate })) ??
    null) as Entry | null;
}
