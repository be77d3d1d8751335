import type { Core } from '@strapi/strapi';
import {
  eventCampaign,
  eventEmail,
  eventId,
  eventMeaning,
  eventTime,
  type RecipientMark,
  type SendGridEvent,
} from '../domain/events';
import { getService, leads, TABLE } from '../utils';

const COLUMN: Record<RecipientMark, string> = {
  delivered: 'delivered_at',
  opened: 'opened_at',
  clicked: 'clicked_at',
  bounced: 'bounced_at',
  unsubscribed: 'unsubscribed_at',
  spam: 'spam_at',
};

/** At most this many events per request (SendGrid posts up to a few thousand per batch). */
export const MAX_EVENTS = 10_000;

/**
 * The events of a verified SendGrid webhook request. Each event once (SendGrid retries a request
 * it got no 2xx for: its `sg_event_id` is remembered); suppressions apply at once, for every
 * address, whether or not the email was a newsletter (a bounce of a receipt counts too).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;

  return {
    async apply(events: SendGridEvent[], now = new Date()) {
      let applied = 0;
      for (const event of events.slice(0, MAX_EVENTS)) {
        if (typeof event !== 'object' || event === null) continue;
        const meaning = eventMeaning(event);
        const email = eventEmail(event);
        if (!email || (!meaning.mark && !meaning.suppress)) continue;
        const id = eventId(event);
        if (id) {
          const fresh = await knex()(TABLE.events)
            .insert({ sg_event_id: id })
            .onConflict('sg_event_id')
            .ignore()
            .returning('sg_event_id');
          if (fresh.length === 0) continue;
        }
        const campaign = eventCampaign(event);
        let contactId: number | null = null;
        let contactDocumentId: string | null = null;
        if (campaign) {
          const recipient = await knex()(TABLE.recipients)
            .where({ campaign_id: campaign, email })
            .first('id', 'contact_id', 'contact_document_id');
          if (recipient) {
            contactId = recipient.contact_id;
            contactDocumentId = recipient.contact_document_id;
            if (meaning.mark) {
              const column = COLUMN[meaning.mark];
              await knex()(TABLE.recipients)
                .where({ id: recipient.id })
                .whereNull(column)
                .update({ [column]: eventTime(event, now) });
            }
          }
        }
        if (meaning.suppress)
          await getService(strapi, 'suppressions').suppress(
            email,
            meaning.suppress,
            String(event.event),
            contactId,
            meaning.withdraw ? 'consent' : 'delivery',
          );
        if (meaning.withdraw && contactDocumentId)
          await leads(strapi).marketing.withdraw(contactDocumentId, `sendgrid-${String(event.event)}`);
        applied += 1;
      }
      return { applied };
    },
  };
};
