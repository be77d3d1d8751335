import type { Core } from '@strapi/strapi';
import { stringify } from 'csv-stringify/sync';
import { whitepaperStats } from '../domain/stats';
import { leads, UID } from '../utils';

const RECORD_FIELDS = ['documentId', 'contact', 'requestedAt', 'expiresAt', 'firstDownloadedAt', 'lastDownloadedAt', 'downloadCount', 'language', 'utmSource', 'utmMedium', 'utmCampaign'];

/** Starts a cell that a spreadsheet would run as a formula with a quote (CSV injection). */
const cell = (value: unknown) => {
  if (value === null || value === undefined) return '';
  const text = value instanceof Date ? value.toISOString() : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const records = (whitepaper: string) =>
    strapi.db.query(UID.download).findMany({ where: { whitepaper }, select: RECORD_FIELDS, orderBy: { requestedAt: 'asc' }, limit: 100_000 });

  return {
    async forWhitepaper(whitepaper: string) {
      const rows = await records(whitepaper);
      return whitepaperStats(rows.map((row: any) => ({ requestedAt: row.requestedAt, firstDownloadedAt: row.firstDownloadedAt ?? null, downloadCount: row.downloadCount ?? 0, utmSource: row.utmSource ?? null })));
    },

    /** Totals of every paper, for the list page. */
    async totals() {
      const rows = await strapi.db.query(UID.download).findMany({ select: ['whitepaper', 'downloadCount', 'firstDownloadedAt'], limit: 1_000_000 });
      const byPaper: Record<string, { requests: number; converted: number; downloads: number }> = {};
      for (const row of rows as any[]) {
        const entry = (byPaper[row.whitepaper] ??= { requests: 0, converted: 0, downloads: 0 });
        entry.requests += 1;
        if (row.downloadCount > 0) entry.converted += 1;
        entry.downloads += row.downloadCount ?? 0;
      }
      return byPaper;
    },

    /** One line per request, with the contact as the leads core knows it (erased contacts stay erased). */
    async leadsCsv(whitepaper: string): Promise<string> {
      const rows = await records(whitepaper);
      const contacts = leads(strapi).contacts;
      const cache = new Map<string, any>();
      const lines: unknown[][] = [];
      for (const row of rows as any[]) {
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
          ].map(cell)
        );
      }
      return stringify(lines, {
        header: true,
        columns: ['requested_at', 'email', 'first_name', 'last_name', 'company', 'job_title', 'country', 'contact_status', 'language', 'downloads', 'first_downloaded_at', 'last_downloaded_at', 'utm_source', 'utm_medium', 'utm_campaign'],
      });
    },
  };
};
