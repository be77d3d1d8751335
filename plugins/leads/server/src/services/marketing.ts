import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { keyedHash } from '@magnetiq/plugin-kit/server';
import type {
  AudienceCriterion,
  AudienceFilter,
  AudienceOption,
  MarketingChoice,
  RegisteredCriterion,
} from '../contract';
import { getConfig, UID } from '../utils';

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
}

/**
 * Marketing email for other plugins (the newsletter): who may receive it (the audience as a SQL
 * query over the core's tables, for bulk use), and the consent records of a contact's choices.
 * docs/adr/0027-newsletter.md.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const table = (uid: string) => (strapi.db.metadata.get(uid) as unknown as { tableName: string }).tableName;
  const activityLink = (): JoinTable => {
    const joinTable = (
      strapi.db.metadata.get(UID.activity) as unknown as {
        attributes: Record<string, { joinTable?: JoinTable } | undefined>;
      }
    ).attributes.contact?.joinTable;
    if (!joinTable) throw new Error(`${UID.activity}.contact has no join table`);
    return joinTable;
  };

  /** contacts that did an activity matching `where` (type, reference, UTM) */
  const withActivity = (knex: Knex, where: (query: Knex.QueryBuilder) => void) => {
    const link = activityLink();
    return knex(`${table(UID.activity)} as act`)
      .join(`${link.name} as lnk`, `lnk.${link.joinColumn.name}`, 'act.id')
      .select(`lnk.${link.inverseJoinColumn.name}`)
      .modify(where);
  };

  const contactOf = async (documentId: string) => {
    const contact = await strapi.db
      .query(UID.contact)
      .findOne({ where: { documentId }, select: ['id', 'status', 'language'] });
    return contact && contact.status !== 'erased' ? contact : null;
  };

  /** Conditions other plugins know (webinar attendance, Odoo stage), by name. */
  const criteria = new Map<string, AudienceCriterion>();

  return {
    registerCriterion(name: string, criterion: AudienceCriterion) {
      if (criteria.has(name)) throw new Error(`leads: audience criterion ${name} is registered twice`);
      criteria.set(name, criterion);
    },

    /** Every registered criterion with its options now; one that fails to list them offers none (and is logged). */
    async criteria(): Promise<RegisteredCriterion[]> {
      return Promise.all(
        [...criteria].map(async ([name, criterion]) => {
          let options: AudienceOption[] = [];
          try {
            options = await criterion.options();
          } catch (error) {
            strapi.log.warn(`leads: the options of audience criterion ${name} failed: ${(error as Error).message}`);
          }
          return { name, label: criterion.label, options };
        }),
      );
    },

    async activityTypes(): Promise<string[]> {
      const rows: Array<{ type: string }> = await strapi.db
        .connection(table(UID.activity))
        .distinct('type')
        .whereNotNull('type')
        .orderBy('type');
      return rows.map((row) => row.type);
    },

    async activityReferences(type: string): Promise<AudienceOption[]> {
      const knex = strapi.db.connection;
      const rows: Array<{ reference: string; title: string | null }> = await knex(table(UID.activity))
        .where({ type })
        .whereNotNull('reference')
        .groupBy('reference')
        .select('reference', knex.raw('(array_agg(title order by occurred_at desc))[1] as title'))
        .orderBy('reference')
        .limit(500);
      return rows.map((row) => ({ value: row.reference, label: row.title || row.reference }));
    },

    /**
     * Contacts who confirmed marketing email (double opt-in) and have not withdrawn it, narrowed by
     * the filter: columns `id`, `document_id`, `email`, `language`, `confirmed_at`. A query, not
     * rows: the caller counts it or inserts from it (100,000 recipients in one statement).
     */
    audience(filter: AudienceFilter = {}, knex: Knex = strapi.db.connection): Knex.QueryBuilder {
      const query = knex(`${table(UID.contact)} as c`)
        .select('c.id', 'c.document_id', 'c.email', 'c.language', 'c.confirmed_at')
        .where('c.status', 'confirmed')
        .whereNotNull('c.confirmed_at')
        .whereNull('c.erased_at');
      if (filter.languages?.length) query.whereIn('c.language', filter.languages);
      if (filter.confirmedFrom) query.where('c.confirmed_at', '>=', new Date(filter.confirmedFrom));
      if (filter.confirmedBefore) query.where('c.confirmed_at', '<', new Date(filter.confirmedBefore));
      for (const activity of filter.activities ?? []) {
        query.whereIn(
          'c.id',
          withActivity(knex, (sub) => {
            sub.whereIn('act.type', activity.types);
            if (activity.references?.length) sub.whereIn('act.reference', activity.references);
          }),
        );
      }
      if (filter.utmSources?.length || filter.utmCampaigns?.length || filter.utmMediums?.length) {
        query.whereIn(
          'c.id',
          withActivity(knex, (sub) => {
            if (filter.utmSources?.length) sub.whereIn('act.utm_source', filter.utmSources);
            if (filter.utmMediums?.length) sub.whereIn('act.utm_medium', filter.utmMediums);
            if (filter.utmCampaigns?.length) sub.whereIn('act.utm_campaign', filter.utmCampaigns);
          }),
        );
      }
      for (const { name, values } of filter.criteria ?? []) {
        const criterion = criteria.get(name);
        // a criterion whose plugin is gone matches nobody: a segment never silently widens
        if (!criterion) query.whereRaw('false');
        else if (values.length > 0) query.whereIn('c.document_id', criterion.contacts(values, knex));
      }
      return query;
    },

    /**
     * A consent record of a contact's marketing choice (a newsletter topic, a preference change):
     * append-only evidence, like the core's own. Null for an unknown or erased contact.
     */
    async recordChoice(documentId: string, choice: MarketingChoice): Promise<{ recorded: true } | null> {
      const contact = await contactOf(documentId);
      if (!contact) return null;
      await strapi.db.query(UID.consent).create({
        data: {
          contact: contact.id,
          purpose: 'marketing-email',
          action: choice.action,
          textVersion: choice.textVersion.slice(0, 100),
          source: choice.source.slice(0, 100),
          recordedAt: new Date(),
          ipHash: choice.ip ? keyedHash(choice.ip, getConfig(strapi).tokenSecret) : null,
          userAgent: choice.userAgent?.slice(0, 500) ?? null,
        },
      });
      return { recorded: true };
    },

    /** Withdraws marketing email (unsubscribe from all, a spam report): status, consent record, activity. Idempotent. */
    async withdraw(documentId: string, source: string): Promise<{ withdrawn: boolean } | null> {
      const contact = await contactOf(documentId);
      if (!contact) return null;
      if (contact.status === 'unsubscribed') return { withdrawn: false };
      const now = new Date();
      await strapi.db.transaction(async () => {
        await strapi.db
          .query(UID.contact)
          .update({ where: { id: contact.id }, data: { status: 'unsubscribed', unsubscribedAt: now } });
        await strapi.db.query(UID.consent).create({
          data: {
            contact: contact.id,
            purpose: 'marketing-email',
            action: 'withdrawn',
            textVersion: source.slice(0, 100),
            source: source.slice(0, 100),
            recordedAt: now,
          },
        });
        await strapi.db.query(UID.activity).create({
          data: { contact: contact.id, type: 'email-unsubscribed', occurredAt: now, language: contact.language },
        });
      });
      return { withdrawn: true };
    },

    /** The contact's language for emails (a configured locale, checked by the caller). */
    async setLanguage(documentId: string, language: string): Promise<boolean> {
      const contact = await contactOf(documentId);
      if (!contact) return false;
      await strapi.db.query(UID.contact).update({ where: { id: contact.id }, data: { language } });
      return true;
    },
  };
};
