import type { Core, Modules } from '@strapi/strapi';
import { asStrings, findEntry, localizedEntryOf, MEDIA_FIELDS, publicMedia } from '@magnetiq/plugin-kit/server';
import type { EntryKey, MediaSource, PublicMedia } from '@magnetiq/plugin-kit/server';
import { seatsLeft } from '../domain/seats';
import type { WebinarInput } from '../validation/registration';
import { getConfig, TABLE, UID, type Locale } from '../utils';
import type { SessionRow } from './notifications';

export interface PublicSession {
  documentId: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  status: 'scheduled' | 'cancelled';
  seatsLeft: number;
  full: boolean;
  /** scheduled and not started yet: the form may be shown (a full session takes the waitlist) */
  registrationOpen: boolean;
  /** only once the session has ended */
  recordingUrl: string | null;
  icsUrl: string;
}

export interface PublicWebinar {
  documentId: string;
  locale: string;
  title: string;
  slug: string;
  summary: string | null;
  description: string | null;
  cover: PublicMedia | null;
  topics: string[];
  language: string;
  status: string;
  speakers: Array<{ name: string; role: string | null; company: string | null; photo: PublicMedia | null }>;
  seo: { title: string; description: string | null };
  url: string;
  sessions: PublicSession[];
  nextSession: PublicSession | null;
  publishedAt: string;
}

/** Session columns a public answer may be built from: never join URL, instructions or counters beyond seats. */
const SESSION_COLUMNS = [
  'id',
  'document_id',
  'webinar',
  'starts_at',
  'ends_at',
  'time_zone',
  'capacity',
  'seats_taken',
  'status',
  'recording_url',
];
/** The fields a public webinar is built from: an allow-list, never the raw entry (strapi#26182). */
const WEBINAR_FIELDS = [
  'documentId',
  'locale',
  'title',
  'slug',
  'summary',
  'description',
  'topics',
  'language',
  'eventStatus',
  'seoTitle',
  'seoDescription',
  'calendarId',
  'publishedAt',
] as const;
const POPULATE = {
  cover: { fields: MEDIA_FIELDS },
  speakers: { fields: ['name', 'role', 'company'], populate: { photo: { fields: MEDIA_FIELDS } } },
};

/** A webinar entry as the public answer reads it (WEBINAR_FIELDS + POPULATE). */
interface WebinarEntry {
  documentId: string;
  locale: string;
  title: string;
  slug: string;
  summary?: string | null;
  description?: string | null;
  cover?: MediaSource;
  topics?: unknown;
  language: string;
  eventStatus: string;
  seoTitle?: string | null;
  seoDescription?: string | null;
  publishedAt: string;
  speakers?: Array<{ name: string; role?: string | null; company?: string | null; photo?: MediaSource }> | null;
}
/** The session columns of SESSION_COLUMNS. */
type PublicSessionRow = Pick<
  SessionRow,
  | 'id'
  | 'document_id'
  | 'webinar'
  | 'starts_at'
  | 'ends_at'
  | 'time_zone'
  | 'capacity'
  | 'seats_taken'
  | 'recording_url'
> & { status: PublicSession['status'] };
/** The admin overview's columns of a webinar. */
type AdminWebinarRow = {
  documentId: string;
  locale: string;
  title: string;
  slug: string;
  eventStatus: string;
  updatedAt: string;
};
type WebinarPublished = {
  documentId: string;
  locale: string;
  title: string;
  slug: string;
  summary: string | null;
  eventStatus?: string;
};

/** Its scheduled sessions that have not ended yet. */
const sessionsAhead = (webinar: PublicWebinar, now: Date) =>
  webinar.sessions.filter(
    (session) => session.status === 'scheduled' && new Date(session.endsAt).getTime() > now.getTime(),
  );

/** Listed as upcoming (`list`): not cancelled, and a scheduled session is still ahead. */
const isUpcoming = (webinar: PublicWebinar, now: Date) =>
  webinar.status !== 'cancelled' && sessionsAhead(webinar, now).length > 0;

export const pageUrl = (config: { siteUrl: string; pagePath: string }, locale: string, slug: string) =>
  `${config.siteUrl.replace(/\/$/, '')}${config.pagePath.replace('{locale}', encodeURIComponent(locale)).replace('{slug}', encodeURIComponent(slug))}`;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = () => strapi.documents(UID.webinar);
  const knex = () => strapi.db.connection;

  const toPublicSession = (row: PublicSessionRow, now: Date): PublicSession => {
    const { publicUrl } = getConfig(strapi);
    const left = seatsLeft(row.capacity, row.seats_taken);
    const ended = new Date(row.ends_at).getTime() <= now.getTime();
    return {
      documentId: row.document_id,
      startsAt: new Date(row.starts_at).toISOString(),
      endsAt: new Date(row.ends_at).toISOString(),
      timeZone: row.time_zone,
      status: row.status,
      seatsLeft: left,
      full: left === 0,
      registrationOpen: row.status === 'scheduled' && new Date(row.starts_at).getTime() > now.getTime(),
      recordingUrl: ended && row.status === 'scheduled' ? (row.recording_url ?? null) : null,
      icsUrl: `${publicUrl}/api/webinars/sessions/${row.document_id}/ics`,
    };
  };

  const toPublic = (entry: WebinarEntry, sessionRows: PublicSessionRow[], now: Date): PublicWebinar => {
    const sessions = sessionRows.map((row) => toPublicSession(row, now));
    return {
      ...localizedEntryOf(entry),
      description: entry.description ?? null,
      cover: publicMedia(entry.cover),
      topics: asStrings(entry.topics),
      language: entry.language,
      status: entry.eventStatus,
      speakers: (entry.speakers ?? []).map((speaker) => ({
        name: speaker.name,
        role: speaker.role ?? null,
        company: speaker.company ?? null,
        photo: publicMedia(speaker.photo),
      })),
      url: pageUrl(getConfig(strapi), entry.locale, entry.slug),
      sessions,
      nextSession: sessions.find((session) => session.registrationOpen) ?? null,
    };
  };

  const sessionsOf = async (webinarDocumentIds: string[]) => {
    if (webinarDocumentIds.length === 0) return new Map<string, PublicSessionRow[]>();
    const rows: PublicSessionRow[] = await knex()(TABLE.session)
      .whereIn('webinar', webinarDocumentIds)
      .select(SESSION_COLUMNS)
      .orderBy('starts_at', 'asc');
    const byWebinar = new Map<string, PublicSessionRow[]>();
    for (const row of rows) byWebinar.set(row.webinar, [...(byWebinar.get(row.webinar) ?? []), row]);
    return byWebinar;
  };

  /** One webinar in the public shape, found by slug or document id in the given status. */
  const oneWebinar = async (
    filters: EntryKey,
    locale: Locale,
    status: 'draft' | 'published',
    now: Date,
  ): Promise<PublicWebinar | null> => {
    const entry = await findEntry<WebinarEntry>(documents(), filters, locale, status, {
      fields: WEBINAR_FIELDS,
      populate: POPULATE,
    });
    if (!entry) return null;
    const sessions = await sessionsOf([entry.documentId]);
    return toPublic(entry, sessions.get(entry.documentId) ?? [], now);
  };

  const service = {
    toPublicSession,

    /**
     * Published webinars of a locale. Upcoming: a scheduled session has not ended yet (soonest
     * first). Past: it has sessions and none is still ahead (most recent first).
     */
    async list(locale: Locale, when: 'upcoming' | 'past', now = new Date()): Promise<PublicWebinar[]> {
      const entries = (await documents().findMany({
        status: 'published',
        locale,
        fields: [...WEBINAR_FIELDS],
        populate: POPULATE,
        limit: 500,
      })) as unknown as WebinarEntry[];
      const sessions = await sessionsOf(entries.map((entry) => entry.documentId));
      const withSessions = entries.map((entry) => toPublic(entry, sessions.get(entry.documentId) ?? [], now));
      const ahead = (webinar: PublicWebinar) => sessionsAhead(webinar, now);
      const startOf = (session?: PublicSession) => (session ? new Date(session.startsAt).getTime() : 0);
      if (when === 'upcoming') {
        return withSessions
          .filter((webinar) => isUpcoming(webinar, now))
          .sort((a, b) => startOf(ahead(a)[0]) - startOf(ahead(b)[0]));
      }
      return withSessions
        .filter(
          (webinar) => webinar.sessions.length > 0 && (ahead(webinar).length === 0 || webinar.status === 'cancelled'),
        )
        .sort((a, b) => startOf(b.sessions[b.sessions.length - 1]) - startOf(a.sessions[a.sessions.length - 1]));
    },

    async bySlug(slug: string, locale: Locale, now = new Date()): Promise<PublicWebinar | null> {
      return oneWebinar({ slug }, locale, 'published', now);
    },

    /**
     * One webinar in the given status, a draft that was never published too, shaped like the
     * public answer (`toPublic`), plus `past` as the site's lists place it. For the preview server
     * only: its route reads with an API token (controllers/preview.ts, docs/adr/0028).
     */
    async preview(
      documentId: string,
      locale: Locale,
      status: 'draft' | 'published',
      now = new Date(),
    ): Promise<(PublicWebinar & { past: boolean }) | null> {
      const webinar = await oneWebinar({ documentId }, locale, status, now);
      return webinar && { ...webinar, past: !isUpcoming(webinar, now) };
    },

    /** The published webinar in the wanted locale, or in any locale it has (for emails). */
    async published(documentId: string, locale: Locale): Promise<WebinarPublished | null> {
      const fields = ['documentId', 'locale', 'title', 'slug', 'summary', 'eventStatus'];
      const inLocale = await documents().findFirst({ status: 'published', locale, filters: { documentId }, fields });
      if (inLocale) return inLocale as unknown as WebinarPublished;
      const other = await strapi.db
        .query(UID.webinar)
        .findOne({ where: { documentId, publishedAt: { $notNull: true } }, select: ['locale'] });
      return other
        ? ((await documents().findFirst({
            status: 'published',
            locale: other.locale,
            filters: { documentId },
            fields,
          })) as unknown as WebinarPublished | null)
        : null;
    },

    async create(input: WebinarInput): Promise<string> {
      const { locale, publish, documentId, status, ...data } = input;
      // `status` is reserved by draft & publish: the attribute is eventStatus
      // the input is validated (validation/registration.ts); Strapi has no generated types for plugin schemas
      const values = {
        ...data,
        eventStatus: status,
        topics: data.topics ?? [],
      } as unknown as Modules.Documents.Params.Data.Input<typeof UID.webinar>;
      const saved = documentId
        ? await documents().update({ documentId, locale, data: values })
        : await documents().create({ locale, data: values });
      if (!saved) throw new Error('webinar not found');
      if (publish) await documents().publish({ documentId: saved.documentId, locale });
      return saved.documentId as string;
    },

    /** Every webinar (draft side, one line per locale) for the admin overview. */
    async adminList() {
      const entries = await strapi.db.query(UID.webinar).findMany({
        where: { publishedAt: { $null: true } },
        select: ['documentId', 'locale', 'title', 'slug', 'eventStatus', 'updatedAt'],
        orderBy: { updatedAt: 'desc' },
        limit: 500,
      });
      const sessions = await sessionsOf([...new Set(entries.map((entry: AdminWebinarRow) => entry.documentId))]);
      return entries.map((entry: AdminWebinarRow) => ({
        ...entry,
        sessions: (sessions.get(entry.documentId) ?? []).map((row) => ({
          documentId: row.document_id,
          startsAt: row.starts_at,
          endsAt: row.ends_at,
          timeZone: row.time_zone,
          capacity: row.capacity,
          seatsTaken: row.seats_taken,
          status: row.status,
        })),
      }));
    },
  };
  return service;
};
