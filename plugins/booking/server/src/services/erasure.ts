import type { Core } from '@strapi/strapi';
import type { ErasedContact, OutboxMessage } from '@magnetiq/plugin-leads/contract';
import { ACTIVE_STATUSES, getService, leads, TABLE, TOPIC } from '../utils';

const ERASED_NAME = 'Erased contact';
const ERASE_REASON = 'The contact asked for their personal data to be erased.';

/**
 * The booking plugin's part of a GDPR erase: every booking of the contact loses its answers,
 * free text and manage link; a future one is cancelled (the slot is free again, the host is told
 * without the person's name) and its Google event deleted, a past one keeps its event with the
 * person taken out. Calendar work goes through the outbox like any other calendar change.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async eraseContact({ contactDocumentId, placeholderEmail, trx, now, scrubDeliveries }: ErasedContact) {
    const knex = strapi.db.connection;
    const rows = await knex(TABLE.booking)
      .transacting(trx)
      .where({ contact: contactDocumentId })
      .forUpdate()
      .select('*');
    if (rows.length === 0) return;
    // Host emails (name, answers, an ICS with the address) and calendar events carry no contact
    // id: their keys name the booking.
    await scrubDeliveries(rows.map((row: { document_id: string }) => row.document_id));

    const catalog = getService(strapi, 'catalog');
    const messages: OutboxMessage[] = [];
    for (const row of rows) {
      const upcoming =
        (ACTIVE_STATUSES as readonly string[]).includes(row.status) &&
        new Date(row.starts_at).getTime() > now.getTime();
      await knex(TABLE.booking)
        .transacting(trx)
        .where({ id: row.id })
        .update({
          answers: JSON.stringify({}),
          token_hash: null,
          utm_term: null,
          utm_content: null,
          cancel_reason: upcoming ? 'erased' : row.cancel_reason === null ? null : 'erased',
          ...(upcoming ? { status: 'cancelled', cancelled_at: now, cancelled_by: 'erase' } : {}),
          updated_at: now,
        });

      const host = await catalog.hostBySlug(row.host_slug);
      const type = await catalog.meetingType(row.meeting_type_slug, row.language ?? 'en');
      const title = type?.title ?? row.meeting_type_title ?? 'Meeting';
      if (host?.calendarId && row.calendar_event_id) {
        const base = {
          calendarId: host.calendarId,
          eventId: row.calendar_event_id,
          reference: `booking:${row.document_id}`,
        };
        const anonymous = { summary: `${title}: ${ERASED_NAME}`, description: '', attendees: [] };
        messages.push(
          upcoming || row.status === 'cancelled'
            ? // the event's text goes before the event: Google keeps a cancelled event readable
              {
                topic: TOPIC.deleteEvent,
                idempotencyKey: `calendar:erase:${row.document_id}`,
                payload: { ...base, scrub: true, event: anonymous },
              }
            : // the meeting took place: the host's calendar keeps it, without the person
              {
                topic: TOPIC.patchEvent,
                idempotencyKey: `calendar:erase:${row.document_id}`,
                payload: { ...base, anonymise: true, event: anonymous },
              },
        );
      }
      if (upcoming && host && type) {
        const facts = {
          documentId: row.document_id,
          start: new Date(row.starts_at),
          end: new Date(row.ends_at),
          visitorTimeZone: row.visitor_time_zone,
          language: 'en' as const,
          sequence: row.reschedule_count ?? 0,
          type,
          host,
          visitor: { email: placeholderEmail, firstName: ERASED_NAME, lastName: null },
          answers: {},
          calendarEventId: row.calendar_event_id ?? null,
        };
        // only the host hears of it: the person asked to be forgotten, not to get another email
        const hostEmail = getService(strapi, 'notifications')
          .cancelled(facts, ERASE_REASON, 'admin')
          .filter((message) => message.topic === 'email.send' && (message.payload as { to?: string }).to === host.email)
          .map((message) => ({ ...message, idempotencyKey: `${message.idempotencyKey}:erase` }));
        messages.push(...hostEmail);
      }
    }
    await leads(strapi).outbox.enqueue(messages);
    getService(strapi, 'availability').invalidate();
  },
});
