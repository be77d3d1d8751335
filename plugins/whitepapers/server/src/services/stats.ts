import type { Core } from '@strapi/strapi';
import type { Instant } from '@magnetiq/plugin-kit/server';
import { stringify } from 'csv-stringify/sync';
import { whitepaperStats } from '../domain/stats';
import { leads, UID } from '../utils';

const RECORD_FIELDS = [
  'documentId',
  'contact',
  'requestedAt',
  'expiresAt',
  'firstDownloadedAt',
  'lastDownloadedAt',
  'downloadCount',
  'language',
  'utmSource',
  'utmMedium',
  'utmCampaign',
];

/** A download record with the RECORD_FIELDS columns. */
interface DownloadRow {
  documentId: string;
  contact: string;
  requestedAt: Instant;
  expiresAt: Instant | null;
  firstDownloadedAt: Instant | null;
  lastDownloadedAt: Instant | null;
  downloadCount: number | null;
  language: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
}

/** Starts a cell that a spreadsheet would run as a formula with a quote (CSV injection). */
const cell = (value: unknown) => {
  if (value === null || value === undefined) return '';
  const text = value instanceof Date ? value.toISOString() : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const records = (whitepaper: string) =>
    strapi.db.query(UID.download).findMany({
      where: { whitepaper },
      select: RECORD_FIELDS,
      orderBy: { requestedAt: 'asc' },
      limit: 100_000,
    }) as Promise<DownloadRow[]>;

  return {
    async forWhitepaper(whitepaper: string) {
      const rows = await records(whitepaper);
      return whitepaperStats(
        rows.map((row) => ({
          requestedAt: row.requestedAt,
          firstDownloadedAt: row.firstDownloadedAt ?? null,
          downloadCount: row.downloadCount ?? 0,
          utmSource: row.utmSource ?? null,
        })),
      );
    },

    /** Totals of every paper, for the list page. */
    async totals() {
      const rows = await strapi.db
        .query(UID.download)
        .findMany({ select: ['whitepaper', 'downloadCount', 'firstDownloadedAt'], limit: 1_000_000 });
      const byPaper: Record<string, { requests: number; converted: number; downloads: number }> = {};
      for (const row of rows as Array<{
        whitepaper: string;
        downloadCount: number | null;
        firstDownloadedAt: Date | string | null;
      }>) {
        const entry = (byPaper[row.whitepaper] ??= { requests: 0, converted: 0, downloads: 0 });
        entry.requests += 1;
        if ((row.downloadCount ?? 0) > 0) entry.converted += 1;
        entry.downloads += row.downloadCount ?? 0;
      }
      return byPaper;
    },

    /** One line per request, with the contact as the leads core knows it (erased contacts stay erased). */
    async leadsCsv(whitepaper: string): Promise<string> {
      const rows = await records(whitepaper);
      const contacts = leads(strapi).contacts;
      const cache = new Map<string, Awaited<ReturnType<typeof contacts.get>>>();
      const lines: unknown[][] = [];
      for (const row of rows) {
        if (!cache.has(row.contact)) cache.set(row.contact, (await contacts.get(row.contact)) ?? null);
        const contact = cache.get(row.contact);
        lines.push(
          [
            row.requestedAt,
            contact?.email,
            contact?.firstName,
            contact?.lastName,
            contact?.company,
            contact?.jobTitle,
            contact?.country,
            contact?.status,
            row.language,
            row.downloadCount,
            row.firstDownloadedAt,
            row.lastDownloadedAt,
            row.utmSource,
            row.utmMedium,
            row.utmCampaign,
          ].map(cell),
        );
      }
      return stringify(lines, {
        header: true,
        columns: [
          'requested_at',
          'email',
          'first_name',
          'last_name',
          'company',
          'job_title',
          'country',
          'contact_status',
          'language',
          'downloads',
          'first_downloaded_at',
          'last_downloaded_at',
          'utm_source',
          'utm_medium',
          'utm_campaign',
        ],
      });
    },
  };
};
