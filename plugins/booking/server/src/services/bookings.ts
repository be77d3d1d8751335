import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { errors } from '@strapi/utils';
import createHttpError from 'http-errors';
import { DateTime } from 'luxon';
import { calendarEventIdFor } from '../domain/calendar-event';
import {
  bookingAnswers,
  bookingLead,
  bookingRow,
  bookingStart,
  bookingTimes,
  newBookingFacts,
  pickHost,
  type NewBooking,
} from '../domain/booking';
import { isFreeStart } from '../domain/slots';
import { newDocumentId, tokenHash, type PageQuery } from '@magnetiq/plugin-kit/server';
import { signManageToken, verifyManageToken } from '../domain/tokens';
import type { BookingRequest } from '../validation/booking';
import { ACTIVE_STATUSES, ACTIVITY_TYPE, getService, leads, TABLE, tokenSecret, UID } from '../utils';
import { rulesOf } from './availability';
import type { HostRecord, MeetingTypeRecord } from './catalog';
import type { BookingFacts } from './notifications';

const HOUR = 3_600_000;

/** Google busy times per calendar id, as availability's calendarBusy answers them. */
type CalendarBusy = Record<string, Array<{ start: string; end: string }>>;

/** Thrown inside the transaction when the re-check finds the slot taken; becomes a 409 outside. */
class SlotTakenError extends Error {}

export interface PublicBooking {
  id: string;
  status: string;
  start: string;
  end: string;
  timeZone: string;
  meetingType: { slug: string; title: string | null };
  host: { slug: string; name: string | null };
  location: string | null;
  /** the Google Meet link, once the host's calendar event exists (video meetings with google-meet) */
  meetLink: string | null;
  /** the visitor may still cancel or reschedule (active and not begun) */
  changeable: boolean;
}

/** A booking as Strapi's query engine returns it (camelCase attributes). */
export interface BookingRecord {
  id: number;
  documentId: string;
  meetingTypeSlug: string;
  meetingTypeTitle: string | null;
  hostSlug: string;
  startsAt: string | Date;
  endsAt: string | Date;
  visitorTimeZone: string;
  language: string | null;
  contact: string;
  answers: Record<string, string> | null;
  status: string;
  rescheduleCount: number | null;
  cancelledBy: string | null;
  cancelReason: string | null;
  tokenHash: string | null;
  calendarEventId: string | null;
  /** the Google Meet link once calendar-sync created the event (docs/adr/0024) */
  meetLink?: string | null;
  /** the same, in rows read with SQL */
  meet_link?: string | null;
  createdAt: string | Date;
}

/** The admin list's filter and page. */
interface BookingListQuery extends PageQuery {
  host?: string;
  from?: Date;
  to?: Date;
  status?: string;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const catalog = () => getService(strapi, 'catalog');
  const availability = () => getService(strapi, 'availability');
  const notifications = () => getService(strapi, 'notifications');

  /** Per-host lock rows: the host's own rows, locked in id order so two bookings never deadlock. */
  const lockHosts = (trx: Knex.Transaction, hostDocumentIds: string[]) =>
    knex()
      .raw(`select id from ${TABLE.host} where document_id = any(?) order by id for update`, [hostDocumentIds])
      .transacting(trx);

  const toPublic = (row: BookingRecord, host?: HostRecord | null, type?: MeetingTypeRecord | null): PublicBooking => ({
    id: row.documentId,
    status: row.status,
    start: new Date(row.startsAt).toISOString(),
    end: new Date(row.endsAt).toISOString(),
    timeZone: row.visitorTimeZone,
    meetingType: { slug: row.meetingTypeSlug, title: type?.title ?? row.meetingTypeTitle ?? null },
    host: { slug: row.hostSlug, name: host?.name ?? null },
    location: type?.location ?? null,
    meetLink: row.meetLink ?? row.meet_link ?? null,
    changeable:
      (ACTIVE_STATUSES as readonly string[]).includes(row.status) && new Date(row.startsAt).getTime() > Date.now(),
  });

  /** Free slots of the visitor's day around `start`, for the 409 answer. */
  const freshSlots = async (type: MeetingTypeRecord, hosts: HostRecord[], start: number, timeZone: string) => {
    const day = DateTime.fromMillis(start, { zone: timeZone });
    const from = day.toISODate()!;
    const to = day.plus({ days: 6 }).toISODate()!;
    // computed now, never from the answer cache: this is the answer to a race
    const { days } = await availability().slots({ type, hosts, from, to, timeZone, now: Date.now() });
    return days;
  };

  const conflict = (days: unknown) =>
    createHttpError(409, 'This time has just been booked. Please choose another one.', {
      details: { reason: 'slot-taken', days },
    });

  const loadType = async (slugOrRow: string, locale: string) => {
    const type = await catalog().meetingType(slugOrRow, locale);
    if (!type) throw new errors.NotFoundError('Meeting type not found');
    return type;
  };

  const factsOf = async (
    row: BookingRecord,
    type: MeetingTypeRecord,
    host: HostRecord,
    extra: Partial<BookingFacts> = {},
  ): Promise<BookingFacts | null> => {
    const contact = await leads(strapi).contacts.get(row.contact);
    if (!contact || contact.erasedAt) return null;
    return {
      documentId: row.documentId,
      start: new Date(row.startsAt),
      end: new Date(row.endsAt),
      visitorTimeZone: row.visitorTimeZone,
      language: row.language as string,
      sequence: row.rescheduleCount ?? 0,
      type,
      host,
      visitor: {
        email: contact.email,
        firstName: contact.firstName,
        lastName: contact.lastName,
        contactId: contact.id,
        contactDocumentId: contact.documentId,
      },
      answers: (row.answers ?? {}) as Record<string, string>,
      calendarEventId: row.calendarEventId ?? null,
      meetLink: row.meetLink ?? null,
      ...extra,
    };
  };

  const typeAndHostOf = async (row: BookingRecord) => {
    const type = await catalog().meetingType(
      row.meetingTypeSlug,
      row.language ?? (await leads(strapi).locales.defaultLocale()),
    );
    const host = await catalog().hostBySlug(row.hostSlug);
    if (!type || !host) throw new errors.ApplicationError('The meeting type or host of this booking no longer exists');
    return { type, host };
  };

  /** Step 1 of a booking: the meeting type, the hosts that may take it, its times and the answers (4xx otherwise). */
  const resolveRequest = async (request: BookingRequest) => {
    const type = await loadType(request.type, request.locale as string);
    let hosts = await catalog().hostsOf(type);
    if (request.host) hosts = hosts.filter((host) => host.slug === request.host);
    if (hosts.length === 0) throw new errors.NotFoundError('No host offers this meeting type');
    const times = bookingTimes(type, bookingStart(request.start));
    return { type, hosts, times, answers: bookingAnswers(type.questions, request.answers) };
  };

  /**
   * Step 2, in the booking's transaction: the hosts' lock rows taken, the start re-checked against
   * the bookings committed before (no double booking), the host that takes it; SlotTakenError when none is free.
   */
  const reserveHost = async (
    trx: Knex.Transaction,
    type: MeetingTypeRecord,
    hosts: HostRecord[],
    start: number,
    now: number,
    busy: CalendarBusy,
  ) => {
    await lockHosts(
      trx,
      hosts.map((host) => host.documentId),
    );
    const slotHosts = await availability().slotHosts(type, hosts, { start: start - 1, end: start + 1 }, now, {
      trx,
      busy,
    });
    const slug = pickHost(slotHosts, rulesOf(type), start, now);
    const host = hosts.find((candidate) => candidate.slug === slug);
    if (!host) throw new SlotTakenError();
    return host;
  };

  /**
   * Steps 3 and 4: the lead through the leads contract, and in the same statement the booking's
   * outbox messages (confirmation emails with the invitation, the host's calendar event, the reminder).
   */
  const recordLead = (booking: NewBooking, meta: { ip?: string; userAgent?: string }) =>
    leads(strapi).capture.captureLead(bookingLead(booking, ACTIVITY_TYPE), {
      ip: meta.ip,
      userAgent: meta.userAgent,
      outbox: (captured) => notifications().booked(newBookingFacts(booking, captured)),
    });

  const service = {
    toPublic,

    /**
     * One booking, in steps: the request resolved (meeting type, hosts, start, answers: a 4xx before
     * anything is locked), the calendars asked, then in one transaction the host reserved under
     * the hosts' lock rows (a concurrent request for the same host waits on the lock and then sees
     * this booking, so it gets a 409 with fresh slots), the lead recorded through the leads
     * contract with the booking's outbox messages (emails with ICS, calendar event, reminder) in
     * the same statement, and the booking row.
     */
    async book(request: BookingRequest, meta: { ip?: string; userAgent?: string }, now = Date.now()) {
      const { type, hosts, times, answers } = await resolveRequest(request);
      // Google is asked before the lock is taken (from the cache if it is slow): never hold a row lock across a third-party call
      const { busy } = await availability().calendarBusy(hosts, {
        start: times.start - 12 * HOUR,
        end: times.end + 12 * HOUR,
      });
      const documentId = newDocumentId();
      const base = {
        request,
        documentId,
        // the controller resolved it against the configured locales (leads `locales` service)
        locale: request.locale as string,
        email: request.email.trim().toLowerCase(),
        type,
        times,
        answers,
        manageToken: signManageToken(documentId, tokenSecret(strapi)),
      };

      let chosen: HostRecord | null = null;
      try {
        await strapi.db.transaction(async ({ trx }) => {
          const host = await reserveHost(trx, type, hosts, times.start, now, busy);
          chosen = host;
          const booking: NewBooking = {
            ...base,
            host,
            calendarEventId: host.calendarId ? calendarEventIdFor(documentId) : null,
          };
          const lead = await recordLead(booking, meta);
          await strapi.db
            .query(UID.booking)
            .create({ data: bookingRow(booking, lead.contactDocumentId, tokenHash(booking.manageToken)) });
        });
      } catch (error) {
        if (error instanceof SlotTakenError)
          throw conflict(await freshSlots(type, hosts, times.start, request.timeZone));
        throw error;
      }
      availability().invalidate();
      const row = await strapi.db.query(UID.booking).findOne({ where: { documentId } });
      return toPublic(row, chosen, type);
    },

    /** The booking a manage link opens, or a 403 for any link we did not sign or that was replaced. */
    async byToken(token: string) {
      const documentId = verifyManageToken(token, tokenSecret(strapi));
      const row = documentId ? await strapi.db.query(UID.booking).findOne({ where: { documentId } }) : null;
      if (!row || row.tokenHash !== tokenHash(token)) throw new errors.ForbiddenError('This link is not valid');
      return row;
    },

    async view(token: string) {
      const row = await service.byToken(token);
      const { type, host } = await typeAndHostOf(row).catch(() => ({ type: null, host: null }));
      return toPublic(row, host, type);
    },

    /** Moves the booking (same id, same host) to a free start; the old time is free at once. */
    async reschedule(token: string, input: { start: string; timeZone?: string }, now = Date.now()) {
      const row = await service.byToken(token);
      if (!toPublic(row).changeable)
        throw createHttpError(409, 'This booking can no longer be changed', { details: { reason: 'not-changeable' } });
      const { type, host } = await typeAndHostOf(row);
      const { start, end, blockedFrom, blockedUntil } = bookingTimes(type, Date.parse(input.start));
      const timeZone = input.timeZone ?? row.visitorTimeZone;
      const { busy } = await availability().calendarBusy([host], { start: start - 12 * HOUR, end: end + 12 * HOUR });
      const newToken = signManageToken(row.documentId, tokenSecret(strapi));
      try {
        await strapi.db.transaction(async ({ trx }) => {
          await lockHosts(trx, [host.documentId]);
          const current = await knex()(TABLE.booking).where({ document_id: row.documentId }).first().transacting(trx);
          if (!(ACTIVE_STATUSES as readonly string[]).includes(current.status))
            throw createHttpError(409, 'This booking can no longer be changed', {
              details: { reason: 'not-changeable' },
            });
          const [slotHost] = await availability().slotHosts(type, [host], { start: start - 1, end: start + 1 }, now, {
            trx,
            busy,
            exclude: row.documentId,
          });
          if (!isFreeStart(slotHost, rulesOf(type), start, now)) throw new SlotTakenError();
          const sequence = (current.reschedule_count ?? 0) + 1;
          await strapi.db.query(UID.booking).update({
            where: { documentId: row.documentId },
            data: {
              startsAt: new Date(start),
              endsAt: new Date(end),
              blockedFrom: new Date(blockedFrom),
              blockedUntil: new Date(blockedUntil),
              previousStartsAt: row.startsAt,
              visitorTimeZone: timeZone,
              status: 'rescheduled',
              rescheduleCount: sequence,
              tokenHash: tokenHash(newToken),
            },
          });
          const facts = await factsOf(
            {
              ...row,
              startsAt: new Date(start),
              endsAt: new Date(end),
              visitorTimeZone: timeZone,
              rescheduleCount: sequence,
            },
            type,
            host,
            { manageToken: newToken },
          );
          if (facts) await leads(strapi).outbox.enqueue(notifications().rescheduled(facts));
        });
      } catch (error) {
        if (error instanceof SlotTakenError) throw conflict(await freshSlots(type, [host], start, timeZone));
        throw error;
      }
      availability().invalidate();
      return toPublic(
        await strapi.db.query(UID.booking).findOne({ where: { documentId: row.documentId } }),
        host,
        type,
      );
    },

    /** Cancels (visitor by link, or an admin with a reason): the slot is free at once, the event is deleted. */
    async cancel(documentId: string, { reason, by }: { reason?: string | null; by: 'visitor' | 'admin' }) {
      const row = await strapi.db.query(UID.booking).findOne({ where: { documentId } });
      if (!row) throw new errors.NotFoundError('Booking not found');
      const { type, host } = await typeAndHostOf(row);
      await strapi.db.transaction(async ({ trx }) => {
        const current = await knex()(TABLE.booking)
          .where({ document_id: documentId })
          .forUpdate()
          .first()
          .transacting(trx);
        if (!(ACTIVE_STATUSES as readonly string[]).includes(current.status))
          throw createHttpError(409, 'This booking is already cancelled', { details: { reason: 'already-cancelled' } });
        await strapi.db.query(UID.booking).update({
          where: { documentId },
          data: { status: 'cancelled', cancelledAt: new Date(), cancelledBy: by, cancelReason: reason ?? null },
        });
        const facts = await factsOf(row, type, host);
        if (facts) await leads(strapi).outbox.enqueue(notifications().cancelled(facts, reason ?? null, by));
      });
      availability().invalidate();
      return toPublic(await strapi.db.query(UID.booking).findOne({ where: { documentId } }), host, type);
    },

    async cancelByToken(token: string, reason?: string | null) {
      const row = await service.byToken(token);
      if (new Date(row.startsAt).getTime() <= Date.now())
        throw createHttpError(409, 'This booking can no longer be changed', { details: { reason: 'not-changeable' } });
      return service.cancel(row.documentId, { reason, by: 'visitor' });
    },

    /** Outbox handler of booking.reminder: only for a booking that is still on at that time. */
    async sendReminder(payload: { booking: string; start: string }) {
      const row = await strapi.db.query(UID.booking).findOne({ where: { documentId: payload.booking } });
      if (
        !row ||
        !(ACTIVE_STATUSES as readonly string[]).includes(row.status) ||
        new Date(row.startsAt).toISOString() !== payload.start
      )
        return { skipped: 'booking changed' };
      const { type, host } = await typeAndHostOf(row);
      const facts = await factsOf(row, type, host);
      if (!facts) return { skipped: 'contact erased' };
      await leads(strapi).outbox.enqueue([notifications().reminderEmail(facts)]);
      return { queued: true };
    },

    /**
     * Outbox handler of booking.conference-ready (calendar-sync created the host's event with a
     * Meet link): the link is stored on the booking, and the visitor of a booking that is still
     * on gets it by email with an updated invitation. A link that did not change sends nothing.
     */
    async conferenceReady(payload: { booking: string; meetLink?: string | null }) {
      const meetLink =
        typeof payload.meetLink === 'string' && /^https:\/\//.test(payload.meetLink)
          ? payload.meetLink.slice(0, 1000)
          : null;
      if (!meetLink) return { skipped: 'no link' };
      const changed = await knex()(TABLE.booking)
        .where({ document_id: payload.booking })
        .whereRaw('meet_link is distinct from ?', [meetLink])
        .update({ meet_link: meetLink, updated_at: new Date() });
      if (changed === 0) return { skipped: 'known link or no booking' };
      const row = await strapi.db.query(UID.booking).findOne({ where: { documentId: payload.booking } });
      if (
        !row ||
        !(ACTIVE_STATUSES as readonly string[]).includes(row.status) ||
        new Date(row.startsAt).getTime() <= Date.now()
      )
        return { stored: true, emailed: false };
      const { type, host } = await typeAndHostOf(row);
      const facts = await factsOf(row, type, host);
      if (!facts) return { stored: true, emailed: false };
      await leads(strapi).outbox.enqueue([notifications().detailsEmail(facts)]);
      return { stored: true, emailed: true };
    },

    /** Admin list: bookings with the visitor's name and email (admins may see them). */
    async list({ host, from, to, status, page = 1, pageSize = 50 }: BookingListQuery) {
      const where: Record<string, unknown> = {};
      if (host) where.hostSlug = host;
      if (status) where.status = status;
      if (from || to) where.startsAt = { ...(from ? { $gte: from } : {}), ...(to ? { $lt: to } : {}) };
      const result = await strapi.db
        .query(UID.booking)
        .findPage({ where, orderBy: { startsAt: 'asc' }, page, pageSize });
      const contacts = leads(strapi).contacts;
      const results = await Promise.all(
        (result.results as BookingRecord[]).map(async (row) => {
          const contact = await contacts.get(row.contact);
          return {
            ...toPublic(row),
            hostSlug: row.hostSlug,
            visitor: contact
              ? {
                  email: contact.email,
                  firstName: contact.firstName,
                  lastName: contact.lastName,
                  company: contact.company,
                  contact: contact.documentId,
                }
              : null,
            answers: row.answers ?? {},
            cancelReason: row.cancelReason ?? null,
            cancelledBy: row.cancelledBy ?? null,
            rescheduleCount: row.rescheduleCount ?? 0,
            calendarEventId: row.calendarEventId ?? null,
            meetLink: row.meetLink ?? null,
            createdAt: row.createdAt,
          };
        }),
      );
      return { results, pagination: result.pagination };
    },
  };
  return service;
};
