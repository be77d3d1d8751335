import { MEDIA_FIELDS, publicMedia, type MediaSource, type PublicMedia } from '@magnetiq/plugin-kit/server';
import type { Core } from '@strapi/strapi';
import type { DateOverride, WeeklyHours } from '../domain/schedule';
import { getConfig, leads, UID } from '../utils';
import { CLUSTER_TOPIC } from './availability';

export interface HostRecord {
  documentId: string;
  slug: string;
  name: string;
  email: string;
  timeZone: string;
  weeklyHours: WeeklyHours;
  dateOverrides: DateOverride[];
  calendarId: string | null;
  active: boolean;
  photo: PublicMedia | null;
  /** bio per locale */
  bio: Record<string, string | null>;
}

export interface MeetingTypeRecord {
  documentId: string;
  locale: string;
  slug: string;
  title: string;
  description: string | null;
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minimumNoticeMinutes: number;
  maxDaysAhead: number;
  slotStepMinutes: number;
  dailyLimitPerHost: number;
  hosts: string[];
  location: 'video' | 'phone' | 'on-site';
  /** a video meeting gets a Google Meet link on the host's calendar event (google-meet) or uses locationDetails (none) */
  conferencing: 'none' | 'google-meet';
  locationDetails: string | null;
  questions: Array<{ id: string; label: string; type: 'text' | 'textarea'; required?: boolean }>;
  active: boolean;
}

type BookingQuestion = MeetingTypeRecord['questions'][number];

/** A host row as the Query Engine returns it (one per locale, photo populated). */
interface HostRow {
  documentId: string;
  locale: string | null;
  slug: string;
  name: string;
  email: string;
  timeZone: string;
  weeklyHours: unknown;
  dateOverrides: unknown;
  calendarId: string | null;
  active: boolean | null;
  bio: string | null;
  photo: MediaSource;
}

/** A meeting type row as the Query Engine returns it. */
interface MeetingTypeRow {
  documentId: string;
  locale: string | null;
  slug: string;
  title: string;
  description: string | null;
  durationMinutes: number;
  bufferBeforeMinutes: number | null;
  bufferAfterMinutes: number | null;
  minimumNoticeMinutes: number | null;
  maxDaysAhead: number | null;
  slotStepMinutes: number | null;
  dailyLimitPerHost: number | null;
  hosts: unknown;
  location: MeetingTypeRecord['location'] | null;
  conferencing: string | null;
  locationDetails: string | null;
  questions: unknown;
  active: boolean | null;
}

const asArray = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/**
 * Hosts and meeting types, read with two queries and kept for a short TTL: the slot listing is
 * the hottest public route. Any change to a host or a meeting type (admin, content manager)
 * drops the cache through a database lifecycle, so an edit shows at once on this instance and
 * within the TTL on others.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  type Catalog = { at: number; hosts: Map<string, HostRecord>; types: MeetingTypeRecord[] };
  let cached: Catalog | null = null;
  let loading: Promise<Catalog> | null = null;

  const load = async (): Promise<Catalog> => {
    const [hostRows, typeRows] = await Promise.all([
      strapi.db.query(UID.host).findMany({ populate: { photo: { select: MEDIA_FIELDS } } }),
      strapi.db.query(UID.meetingType).findMany({}),
    ]);
    const hosts = new Map<string, HostRecord>();
    // one row per locale: the non-localized fields are the same in each, the bio differs
    for (const row of hostRows as HostRow[]) {
      const known = hosts.get(row.slug);
      if (known) {
        known.bio[row.locale ?? 'en'] = row.bio ?? null;
        continue;
      }
      hosts.set(row.slug, {
        documentId: row.documentId,
        slug: row.slug,
        name: row.name,
        email: row.email,
        timeZone: row.timeZone,
        weeklyHours: (row.weeklyHours ?? {}) as WeeklyHours,
        dateOverrides: asArray<DateOverride>(row.dateOverrides),
        calendarId: row.calendarId || null,
        active: row.active !== false,
        photo: publicMedia(row.photo),
        bio: { [row.locale ?? 'en']: row.bio ?? null },
      });
    }
    const types = (typeRows as MeetingTypeRow[]).map((row): MeetingTypeRecord => ({
      documentId: row.documentId,
      locale: row.locale ?? 'en',
      slug: row.slug,
      title: row.title,
      description: row.description ?? null,
      durationMinutes: row.durationMinutes,
      bufferBeforeMinutes: row.bufferBeforeMinutes ?? 0,
      bufferAfterMinutes: row.bufferAfterMinutes ?? 0,
      minimumNoticeMinutes: row.minimumNoticeMinutes ?? 0,
      maxDaysAhead: row.maxDaysAhead ?? 60,
      slotStepMinutes: row.slotStepMinutes ?? row.durationMinutes,
      dailyLimitPerHost: row.dailyLimitPerHost ?? 0,
      hosts: asArray<string>(row.hosts).filter((slug) => typeof slug === 'string'),
      location: row.location ?? 'video',
      conferencing: row.conferencing === 'none' ? 'none' : 'google-meet',
      locationDetails: row.locationDetails ?? null,
      questions: asArray<BookingQuestion | null>(row.questions).filter(
        (question): question is BookingQuestion =>
          !!question && typeof question.id === 'string' && typeof question.label === 'string',
      ),
      active: row.active !== false,
    }));
    return { at: Date.now(), hosts, types };
  };

  const current = async (): Promise<Catalog> => {
    if (cached && Date.now() - cached.at < getConfig(strapi).catalogTtlMs) return cached;
    loading ??= load().finally(() => {
      loading = null;
    });
    const loaded = await loading;
    cached = loaded;
    return loaded;
  };

  return {
    invalidate() {
      cached = null;
      // computed slots depend on hosts and types too
      strapi.plugin('booking').service('availability').invalidateLocal();
      void leads(strapi).cluster.broadcast(CLUSTER_TOPIC.catalog);
    },

    /** This instance only (another instance broadcast the change). */
    invalidateLocal() {
      cached = null;
      strapi.plugin('booking').service('availability').invalidateLocal();
    },

    /** Active meeting types in the locale (falling back to the default locale's entry of the same type). */
    async meetingTypes(locale: string): Promise<MeetingTypeRecord[]> {
      const { types } = await current();
      const fallback = await leads(strapi).locales.defaultLocale();
      const byDocument = new Map<string, MeetingTypeRecord[]>();
      for (const type of types)
        if (type.active) byDocument.set(type.documentId, [...(byDocument.get(type.documentId) ?? []), type]);
      const chosen = [...byDocument.values()].map(
        (versions) =>
          versions.find((type) => type.locale === locale) ??
          versions.find((type) => type.locale === fallback) ??
          versions[0],
      );
      return chosen.sort((a, b) => a.title.localeCompare(b.title));
    },

    async meetingType(slug: string, locale: string): Promise<MeetingTypeRecord | null> {
      return (await this.meetingTypes(locale)).find((type) => type.slug === slug) ?? null;
    },

    /** The active hosts that offer the type, in the order the editor listed them. */
    async hostsOf(type: MeetingTypeRecord): Promise<HostRecord[]> {
      const { hosts } = await current();
      return type.hosts.map((slug) => hosts.get(slug)).filter((host): host is HostRecord => !!host && host.active);
    },

    async allHosts(): Promise<HostRecord[]> {
      return [...(await current()).hosts.values()];
    },

    async hostBySlug(slug: string): Promise<HostRecord | null> {
      return (await current()).hosts.get(slug) ?? null;
    },

    /** The public face of a type: an allow-list, no host emails, no calendar ids. */
    async toPublic(type: MeetingTypeRecord, locale: string) {
      const hosts = await this.hostsOf(type);
      return {
        slug: type.slug,
        locale: type.locale,
        title: type.title,
        description: type.description,
        durationMinutes: type.durationMinutes,
        location: type.location,
        locationDetails: type.locationDetails,
        minimumNoticeMinutes: type.minimumNoticeMinutes,
        maxDaysAhead: type.maxDaysAhead,
        questions: type.questions.map((question) => ({
          id: question.id,
          label: question.label,
          type: question.type === 'textarea' ? 'textarea' : 'text',
          required: question.required === true,
        })),
        hosts: hosts.map((host) => ({
          slug: host.slug,
          name: host.name,
          timeZone: host.timeZone,
          bio: host.bio[locale] ?? host.bio.en ?? null,
          photo: host.photo,
        })),
      };
    },
  };
};
