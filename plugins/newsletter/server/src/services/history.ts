import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { TimelineEntry } from '@magnetiq/plugin-leads/contract';
import { leads, TABLE } from '../utils';

const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null);

/** What a recipient row's timestamps mean on the contact timeline (column → entry type). */
const TIMELINE_MARKS = [
  ['sent_at', 'newsletter-sent'],
  ['opened_at', 'newsletter-opened'],
  ['clicked_at', 'newsletter-clicked'],
  ['bounced_at', 'newsletter-bounced'],
  ['unsubscribed_at', 'newsletter-unsubscribed'],
  ['spam_at', 'newsletter-spam-report'],
] as const;

/**
 * A contact's campaigns for Sales: its own route (topics and campaigns), and the lines of the
 * leads contact timeline (`contacts.registerTimeline`, behind `history.read`).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** One entry per thing that happened with a campaign's email (sent, opened, clicked, bounced, unsubscribed, spam report). */
  async timelineEntries(contact: { id: number }): Promise<TimelineEntry[]> {
    const rows = await strapi.db
      .connection(`${TABLE.recipients} as r`)
      .join(`${TABLE.campaigns} as c`, 'c.id', 'r.campaign_id')
      .where('r.contact_id', contact.id)
      .select('c.id', 'c.name', ...TIMELINE_MARKS.map(([column]) => `r.${column}`));
    return rows.flatMap((row) =>
      TIMELINE_MARKS.filter(([column]) => row[column]).map(([column, type]) => ({
        key: `newsletter:${row.id}:${type}`,
        type,
        title: row.name as string,
        reference: `campaign ${row.id}`,
        occurredAt: iso(row[column]) as string,
      })),
    );
  },

  async ofContact(documentId: string) {
    const contact = await leads(strapi).contacts.get(documentId);
    if (!contact || contact.status === 'erased') throw new errors.NotFoundError('Contact not found');
    const rows = await strapi.db
      .connection(`${TABLE.recipients} as r`)
      .join(`${TABLE.campaigns} as c`, 'c.id', 'r.campaign_id')
      .where('r.contact_id', contact.id)
      .orderBy('r.id', 'desc')
      .select(
        'c.id',
        'c.name',
        'r.language',
        'r.status',
        'r.sent_at',
        'r.delivered_at',
        'r.opened_at',
        'r.clicked_at',
        'r.bounced_at',
        'r.unsubscribed_at',
        'r.spam_at',
      );
    const topics = await strapi.db
      .connection(`${TABLE.subscriptions} as s`)
      .join(`${TABLE.topics} as t`, 't.id', 's.topic_id')
      .where('s.contact_id', contact.id)
      .select('t.slug', 't.locale', 't.name', 's.created_at');
    return {
      topics: topics.map((t) => ({ slug: t.slug, locale: t.locale, name: t.name, since: iso(t.created_at) })),
      campaigns: rows.map((r) => ({
        campaign: r.id,
        name: r.name,
        language: r.language,
        status: r.status,
        sentAt: iso(r.sent_at),
        deliveredAt: iso(r.delivered_at),
        openedAt: iso(r.opened_at),
        clickedAt: iso(r.clicked_at),
        bouncedAt: iso(r.bounced_at),
        unsubscribedAt: iso(r.unsubscribed_at),
        spamAt: iso(r.spam_at),
      })),
    };
  },
});
