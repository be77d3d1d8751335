import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { TABLE } from '../utils';

export interface TopicRow {
  id: number;
  slug: string;
  locale: string;
  name: string;
  description: string | null;
  position: number;
}

export interface TopicInput {
  slug: string;
  locale: string;
  name: string;
  description?: string | null;
  position?: number;
}

const COLUMNS = ['id', 'slug', 'locale', 'name', 'description', 'position'];

/** Lists ("Product news", "Webinar invitations"), one row per locale: a German reader picks German lists. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  return {
    async list(locale?: string): Promise<TopicRow[]> {
      const query = knex()(TABLE.topics)
        .select(COLUMNS)
        .orderBy([{ column: 'locale' }, { column: 'position' }, { column: 'id' }]);
      if (locale) query.where({ locale });
      return query;
    },

    /** With each topic's subscriber count (confirmed or not). */
    async listWithCounts() {
      const rows: Array<TopicRow & { subscribers: string }> = await knex()(`${TABLE.topics} as t`)
        .leftJoin(`${TABLE.subscriptions} as s`, 's.topic_id', 't.id')
        .select(COLUMNS.map((column) => `t.${column}`))
        .select(knex().raw('count(s.contact_id) as subscribers'))
        .groupBy('t.id')
        .orderBy([{ column: 't.locale' }, { column: 't.position' }, { column: 't.id' }]);
      return rows.map((row) => ({ ...row, subscribers: Number(row.subscribers) }));
    },

    /** Topics of one locale by slug; unknown slugs are left out (the caller compares the lengths). */
    async bySlugs(locale: string, slugs: string[]): Promise<TopicRow[]> {
      if (slugs.length === 0) return [];
      return knex()(TABLE.topics).select(COLUMNS).where({ locale }).whereIn('slug', slugs);
    },

    async create(input: TopicInput): Promise<TopicRow> {
      const clash = await knex()(TABLE.topics).where({ slug: input.slug, locale: input.locale }).first('id');
      if (clash) throw duplicate();
      const [row] = await knex()(TABLE.topics)
        .insert({
          slug: input.slug,
          locale: input.locale,
          name: input.name,
          description: input.description ?? null,
          position: input.position ?? 0,
        })
        .returning(COLUMNS);
      return row;
    },

    async update(id: number, input: Partial<TopicInput>): Promise<TopicRow> {
      const current = await knex()(TABLE.topics).where({ id }).first(COLUMNS);
      if (!current) throw new errors.NotFoundError('Topic not found');
      const next = { ...current, ...input };
      const clash = await knex()(TABLE.topics)
        .where({ slug: next.slug, locale: next.locale })
        .whereNot({ id })
        .first('id');
      if (clash) throw duplicate();
      const [row] = await knex()(TABLE.topics)
        .where({ id })
        .update({
          slug: next.slug,
          locale: next.locale,
          name: next.name,
          description: next.description ?? null,
          position: next.position ?? 0,
          updated_at: new Date(),
        })
        .returning(COLUMNS);
      return row;
    },

    async remove(id: number): Promise<void> {
      const deleted = await knex()(TABLE.topics).where({ id }).delete();
      if (!deleted) throw new errors.NotFoundError('Topic not found');
    },
  };
};

const duplicate = () =>
  new errors.ValidationError('A topic with this slug exists in this locale', {
    errors: [
      { path: ['slug'], message: 'slug is taken in this locale', name: 'ValidationError', value: null, code: 'unique' },
    ],
  });
