import type { Core } from '@strapi/strapi';
import { getConfig, UID } from '../utils';
import type { SessionRow } from './notifications';
import { pageUrl } from './webinars';

/** The outbox topics of calendar-sync (ADR 0008): webinars use them like booking does. */
const TOPIC = {
  create: 'calendar.create-event',
  patch: 'calendar.patch-event',
  remove: 'calendar.delete-event',
} as const;

type CalendarMessage = { topic: string; idempotencyKey: string; payload: Record<string, unknown> };
type SessionTimes = Pick<SessionRow, 'document_id' | 'webinar' | 'starts_at' | 'ends_at' | 'time_zone' | 'sequence'>;

/**
 * A webinar whose editor chose a team calendar (`calendarId`) has each session there as an
 * event: created with the session, moved when its times change, deleted when it is cancelled.
 * The messages go through the outbox in the session's own transaction, so calendar-sync's
 * retries, rate limits and missing credentials apply as for bookings. The event id is left to
 * calendar-sync, derived from the reference, so a retried create never makes a second event.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const webinarOf = async (documentId: string) =>
    (await strapi.db.query(UID.webinar).findOne({
      where: { documentId, calendarId: { $notNull: true, $ne: '' } },
      select: ['calendarId', 'title', 'slug', 'locale'],
    })) as { calendarId: string; title: string; slug: string; locale: string } | null;

  const event = (session: SessionTimes, webinar: { title: string; slug: string; locale: string }) => {
    return {
      summary: `Webinar: ${webinar.title}`,
      description: pageUrl(getConfig(strapi), webinar.locale, webinar.slug),
      start: { dateTime: new Date(session.starts_at).toISOString(), timeZone: session.time_zone },
      end: { dateTime: new Date(session.ends_at).toISOString(), timeZone: session.time_zone },
      extendedProperties: { private: { magnetiqWebinarSession: session.document_id } },
    };
  };

  const message = async (session: SessionTimes, change: keyof typeof TOPIC): Promise<CalendarMessage[]> => {
    const webinar = await webinarOf(session.webinar);
    if (!webinar) return [];
    const reference = `webinar-session:${session.document_id}`;
    const key =
      change === 'patch' ? `calendar:patch:${reference}:${session.sequence}` : `calendar:${change}:${reference}`;
    return [
      {
        topic: TOPIC[change],
        idempotencyKey: key,
        payload: {
          calendarId: webinar.calendarId,
          eventId: '',
          reference,
          ...(change === 'remove' ? {} : { event: event(session, webinar) }),
        },
      },
    ];
  };

  return {
    created: (session: SessionTimes) => message(session, 'create'),
    moved: (session: SessionTimes) => message(session, 'patch'),
    cancelled: (session: SessionTimes) => message(session, 'remove'),

    /** For calendar-sync's admin list: the team calendars webinars use. */
    async owners() {
      const rows = (await strapi.db.query(UID.webinar).findMany({
        where: { calendarId: { $notNull: true, $ne: '' } },
        select: ['calendarId', 'title', 'documentId'],
      })) as Array<{ calendarId: string; title: string; documentId: string }>;
      const byDocument = new Map(rows.map((row) => [row.documentId, row]));
      return [...byDocument.values()].map((row) => ({
        calendarId: row.calendarId,
        kind: 'team' as const,
        name: row.title,
        email: null,
      }));
    },
  };
};
