import type { Core } from '@strapi/strapi';
import type { calendar_v3 } from 'googleapis';
import { eventIdForReference } from '../domain/event-id';
import { classifyGoogleError, rateLimitDelayMs, type Failure } from '../domain/google-errors';
import { deliveryErrors, getConfig, getService, leads, timedGoogleCall, UID } from '../utils';
import { NotConfiguredError } from './google';

export interface EventMessage {
  calendarId: string;
  /**
   * deterministic id (base32hex) chosen by the caller, so a retried create cannot make a second
   * event; when empty it is derived from `reference` (domain/event-id.ts)
   */
  eventId: string;
  /** who the event belongs to, e.g. booking:<documentId> */
  reference?: string;
  /** Calendar v3 event resource (insert / patch body) */
  event?: calendar_v3.Schema$Event;
  /**
   * GDPR erase. On a delete: first overwrite the event's text with `event` (Google keeps a
   * cancelled event readable to its organizer), then delete. On a patch: only an event that
   * exists is changed, none is created.
   */
  scrub?: boolean;
  anonymise?: boolean;
  /**
   * When the event has a conference (Meet) link after a create or patch: this outbox message is
   * written with `meetLink` and `htmlLink` added to its payload, so the owner (a booking) learns
   * the link without calendar-sync knowing what a booking is.
   */
  onConference?: { topic: string; payload: Record<string, unknown> };
}

export type Delivery = { payload: EventMessage; attempt: number };

/** A message may leave the event id to us (webinar sessions): it is derived from the reference. */
const withEventId = (message: EventMessage): EventMessage => {
  if (message.eventId) return message;
  if (!message.reference) throw deliveryErrors.permanent('calendar event message without eventId and reference');
  return { ...message, eventId: eventIdForReference(message.reference) };
};

/**
 * Outbox handlers of calendar.create-event / patch-event / delete-event. What Google's answer
 * means is decided in one place: quota errors wait with exponential backoff, a lost grant waits
 * for the admin to reconnect (without using attempts), outages retry with the outbox backoff,
 * anything else that no retry can fix goes to dead-letter. A delete leaves a tombstone so a
 * create that was still waiting for Google never brings the event back.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const google = () => getService(strapi, 'google');
  const connections = () => getService(strapi, 'connections');

  const state = (eventId: string) =>
    strapi.db.query(UID.event).findOne({ where: { eventId }, select: ['id', 'state'] });

  const remember = async (
    message: EventMessage,
    fields: { state: 'created' | 'deleted'; htmlLink?: string | null; meetLink?: string | null },
  ) => {
    const existing = await state(message.eventId);
    const data = { calendarId: message.calendarId, reference: message.reference ?? null, ...fields };
    if (existing) await strapi.db.query(UID.event).update({ where: { id: existing.id }, data });
    else await strapi.db.query(UID.event).create({ data: { eventId: message.eventId, ...data } });
  };

  /** Turns a failure into the outbox's vocabulary (never returns). */
  const fail = async (message: EventMessage, failure: Failure, attempt: number): Promise<never> => {
    const config = getConfig(strapi);
    switch (failure.kind) {
      case 'rate-limited':
        throw deliveryErrors.retryLater(failure.message, rateLimitDelayMs(attempt, config.rateLimitBaseDelayMs));
      case 'reconnect':
        await connections().record(message.calendarId, 'reconnect', failure.message);
        throw deliveryErrors.defer(
          `${failure.message} (reconnect the calendar ${message.calendarId} in the admin)`,
          config.notConfiguredDelayMs,
        );
      case 'unavailable':
        throw new Error(failure.message);
      default:
        await connections().record(message.calendarId, 'error', failure.message);
        throw deliveryErrors.permanent(failure.message);
    }
  };

  const api = async (message: EventMessage) => {
    try {
      return await google().client(message.calendarId);
    } catch (error) {
      if (error instanceof NotConfiguredError)
        throw deliveryErrors.defer(error.message, getConfig(strapi).notConfiguredDelayMs);
      throw error;
    }
  };

  const meetLinkOf = (event: calendar_v3.Schema$Event | undefined) =>
    event?.hangoutLink ??
    event?.conferenceData?.entryPoints?.find((entry) => entry.entryPointType === 'video')?.uri ??
    null;

  /** Tells the event's owner its Meet link (once per link: the idempotency key holds it). */
  const reportConference = async (message: EventMessage, event: calendar_v3.Schema$Event | undefined) => {
    const meetLink = meetLinkOf(event);
    if (!message.onConference || !meetLink) return;
    await leads(strapi).outbox.enqueue([
      {
        topic: message.onConference.topic,
        idempotencyKey: `${message.onConference.topic}:${message.eventId}:${meetLink}`,
        payload: { ...message.onConference.payload, meetLink, htmlLink: event?.htmlLink ?? null },
      },
    ]);
  };

  const insert = async (message: EventMessage, attempt: number) => {
    const calendar = await api(message);
    try {
      const { data } = await timedGoogleCall(strapi, 'events.insert', () =>
        calendar.events.insert({
          calendarId: message.calendarId,
          conferenceDataVersion: message.event?.conferenceData ? 1 : 0,
          sendUpdates: 'none',
          requestBody: { ...message.event, id: message.eventId },
        }),
      );
      await remember(message, { state: 'created', htmlLink: data.htmlLink ?? null, meetLink: meetLinkOf(data) });
      await reportConference(message, data);
      await connections().record(message.calendarId, 'ok');
      getService(strapi, 'busy').forget(message.calendarId);
      return { eventId: message.eventId, created: true };
    } catch (error) {
      const failure = classifyGoogleError(error);
      // our earlier attempt got through but its answer was lost: the event is there
      if (failure.kind === 'duplicate') {
        await remember(message, { state: 'created' });
        // the lost answer carried the Meet link: read the event once to report it
        if (message.onConference) {
          const existing = await timedGoogleCall(strapi, 'events.get', () =>
            calendar.events.get({ calendarId: message.calendarId, eventId: message.eventId }),
          ).catch(() => null);
          if (existing) await reportConference(message, existing.data);
        }
        return { eventId: message.eventId, created: false, reason: 'already exists' };
      }
      return fail(message, failure, attempt);
    }
  };

  return {
    async create({ payload: message, attempt }: Delivery) {
      const payload = withEventId(message);
      const known = await state(payload.eventId);
      if (known?.state === 'deleted') return { eventId: payload.eventId, skipped: 'cancelled before it was created' };
      return insert(payload, attempt);
    },

    async patch({ payload: message, attempt }: Delivery) {
      const payload = withEventId(message);
      const known = await state(payload.eventId);
      if (known?.state === 'deleted') return { eventId: payload.eventId, skipped: 'deleted' };
      const calendar = await api(payload);
      try {
        const { data } = await timedGoogleCall(strapi, 'events.patch', () =>
          calendar.events.patch({
            calendarId: payload.calendarId,
            eventId: payload.eventId,
            sendUpdates: 'none',
            requestBody: {
              start: payload.event?.start,
              end: payload.event?.end,
              summary: payload.event?.summary,
              description: payload.event?.description,
              attendees: payload.event?.attendees,
            },
          }),
        );
        await remember(payload, { state: 'created', htmlLink: data.htmlLink ?? null, meetLink: meetLinkOf(data) });
        await reportConference(payload, data);
        getService(strapi, 'busy').forget(payload.calendarId);
        return { eventId: payload.eventId, patched: true };
      } catch (error) {
        const failure = classifyGoogleError(error);
        if (payload.anonymise && (failure.kind === 'not-found' || failure.kind === 'gone'))
          return { eventId: payload.eventId, patched: false, reason: failure.kind };
        // the create never got through (or the host deleted the event): make it with the new times
        if (failure.kind === 'not-found') return insert(payload, attempt);
        return fail(payload, failure, attempt);
      }
    },

    async remove({ payload: message, attempt }: Delivery) {
      const payload = withEventId(message);
      // the tombstone first: a create still waiting in the outbox must not bring the event back
      await remember(payload, { state: 'deleted' });
      const calendar = await api(payload);
      try {
        if (payload.scrub) {
          try {
            await timedGoogleCall(strapi, 'events.patch', () =>
              calendar.events.patch({
                calendarId: payload.calendarId,
                eventId: payload.eventId,
                sendUpdates: 'none',
                requestBody: { summary: payload.event?.summary ?? '', description: '', location: '', attendees: [] },
              }),
            );
          } catch (error) {
            const failure = classifyGoogleError(error);
            // nothing to scrub; the delete below answers the same way and ends the delivery
            if (failure.kind !== 'not-found' && failure.kind !== 'gone') throw error;
          }
        }
        await timedGoogleCall(strapi, 'events.delete', () =>
          calendar.events.delete({ calendarId: payload.calendarId, eventId: payload.eventId, sendUpdates: 'none' }),
        );
        getService(strapi, 'busy').forget(payload.calendarId);
        return { eventId: payload.eventId, deleted: true };
      } catch (error) {
        const failure = classifyGoogleError(error);
        if (failure.kind === 'not-found' || failure.kind === 'gone')
          return { eventId: payload.eventId, deleted: false, reason: failure.kind };
        return fail(payload, failure, attempt);
      }
    },
  };
};
