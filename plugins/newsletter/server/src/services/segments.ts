import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { errors } from '@strapi/utils';
import { ACTIVITY, audienceFilter, segmentTopics, type SegmentFilter } from '../domain/segment';
import { fromJson, leads, TABLE } from '../utils';

export interface SegmentRow {
  id: number;
  name: string;
  filter: SegmentFilter;
  created_at: Date;
  updated_at: Date;
}

/**
 * Segments: saved filters, evaluated when used (the count in the admin, the recipients of a
 * campaign when it starts). Always only subscribers: confirmed marketing consent (the leads
 * core's audience), not suppressed, and in one of the topics when the segment names topics.
 */
const toSegment = (row: SegmentRow): SegmentRow => ({ ...row, filter: fromJson<SegmentFilter>(row.filter) });

const unknownCriteria = (names: string[]) =>
  new errors.ValidationError('Unknown criterion', {
    errors: names.map((name) => ({
      path: ['criteria'],
      message: `no criterion ${name} is registered`,
      name: 'ValidationError',
      value: name,
      code: 'unknown-criterion',
    })),
  });

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;

  const service = {
    /** A filter naming a criterion no plugin registered is a 400 (it would match nobody). */
    async check(filter: SegmentFilter): Promise<SegmentFilter> {
      if (!filter.criteria?.length) return filter;
      const known = new Set((await leads(strapi).marketing.criteria()).map((criterion) => criterion.name));
      const unknown = filter.criteria.map((criterion) => criterion.name).filter((name) => !known.has(name));
      if (unknown.length > 0) throw unknownCriteria(unknown);
      return filter;
    },

    /**
     * What the segment editor offers: topics, languages, activity types, whitepapers and webinars
     * (from the leads core's activities) and the other plugins' criteria with their values.
     */
    async options() {
      const marketing = leads(strapi).marketing;
      const [topics, locales, sources, whitepapers, webinars, criteria] = await Promise.all([
        knex()(TABLE.topics).select('slug', 'locale', 'name').orderBy(['slug', 'locale']),
        leads(strapi).locales.list(),
        marketing.activityTypes(),
        marketing.activityReferences(ACTIVITY.whitepaper),
        marketing.activityReferences(ACTIVITY.webinar),
        marketing.criteria(),
      ]);
      const topicNames = new Map<string, string[]>();
      for (const topic of topics as Array<{ slug: string; locale: string; name: string }>)
        topicNames.set(topic.slug, [...(topicNames.get(topic.slug) ?? []), `${topic.name} (${topic.locale})`]);
      return {
        topics: [...topicNames].map(([slug, names]) => ({ value: slug, label: names.join(' / ') })),
        languages: locales.codes.map((code) => ({ value: code, label: code })),
        sources: sources.map((type) => ({ value: type, label: type })),
        whitepapers,
        webinars,
        criteria,
      };
    },

    /**
     * The segment's recipients as a query (`id`, `document_id`, `email`, `language`, `confirmed_at`),
     * in `db` (a transaction) when given: counted for the admin, inserted from when a campaign starts.
     */
    audience(filter: SegmentFilter, db: Knex = knex()): Knex.QueryBuilder {
      const base = leads(strapi).marketing.audience(audienceFilter(filter), db);
      const query = db.from(base.as('a')).select('a.id', 'a.document_id', 'a.email', 'a.language', 'a.confirmed_at');
      const topics = segmentTopics(filter);
      if (topics.length > 0) {
        query.whereIn(
          'a.id',
          db(`${TABLE.subscriptions} as s`)
            .join(`${TABLE.topics} as t`, 't.id', 's.topic_id')
            .whereIn('t.slug', topics)
            .select('s.contact_id'),
        );
      }
      // bounced, blocked: not until an admin lifts it; complained, unsubscribed at SendGrid: not
      // unless the contact confirmed a new opt-in since (services/suppressions.ts `holds`)
      query.whereNotExists(
        db(`${TABLE.suppressions} as x`)
          .whereRaw('x.contact_id = a.id')
          .where((holds) =>
            holds.whereRaw(`x.kind is distinct from 'consent'`).orWhereRaw('x.updated_at >= a.confirmed_at'),
          )
          .select(db.raw('1')),
      );
      return query;
    },

    async count(filter: SegmentFilter): Promise<number> {
      const [row] = await knex().from(service.audience(filter).as('members')).count({ count: '*' });
      return Number(row?.count ?? 0);
    },

    async list(): Promise<SegmentRow[]> {
      return (await knex()(TABLE.segments).select('*').orderBy('id', 'desc')).map(toSegment);
    },

    async get(id: number): Promise<SegmentRow> {
      const row = await knex()(TABLE.segments).where({ id }).first();
      if (!row) throw new errors.NotFoundError('Segment not found');
      return toSegment(row);
    },

    async create(input: { name: string; filter: SegmentFilter }): Promise<SegmentRow> {
      const [row] = await knex()(TABLE.segments)
        .insert({ name: input.name, filter: JSON.stringify(input.filter) })
        .returning('*');
      return toSegment(row);
    },

    async update(id: number, input: { name: string; filter: SegmentFilter }): Promise<SegmentRow> {
      const [row] = await knex()(TABLE.segments)
        .where({ id })
        .update({ name: input.name, filter: JSON.stringify(input.filter), updated_at: new Date() })
        .returning('*');
      if (!row) throw new errors.NotFoundError('Segment not found');
      return toSegment(row);
    },

    async remove(id: number): Promise<void> {
      const deleted = await knex()(TABLE.segments).where({ id }).delete();
      if (!deleted) throw new errors.NotFoundError('Segment not found');
    },
  };
  return service;
};
