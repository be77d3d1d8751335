import type { Core } from '@strapi/strapi';
import { defaultSettings, type Stage, type TypeSettings } from '../domain/workflow';
import { TABLES } from '../tables';
import { editorialTypes, fromJsonb } from '../utils';

interface SettingsRow {
  content_type: string;
  history: boolean;
  review: boolean;
  stages: Stage[] | string | null;
  reset_on_edit: boolean;
}

const fromRow = (row: SettingsRow): TypeSettings => {
  const stages = fromJsonb<Stage[] | null>(row.stages);
  return {
    uid: row.content_type,
    history: row.history,
    review: row.review,
    stages: Array.isArray(stages) && stages.length >= 2 ? stages : defaultSettings(row.content_type).stages,
    resetOnEdit: row.reset_on_edit,
  };
};

/**
 * Which editorial features are on per content type: a row per type that was changed from the
 * defaults (history on, review off). Read on every write (a primary-key lookup), so a change
 * applies at once on every instance.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async get(uid: string): Promise<TypeSettings> {
    const row = (await strapi.db.connection(TABLES.settings).where({ content_type: uid }).first()) as
      SettingsRow | undefined;
    return row ? fromRow(row) : defaultSettings(uid);
  },

  async list(): Promise<TypeSettings[]> {
    const rows = (await strapi.db.connection(TABLES.settings).select('*')) as SettingsRow[];
    const byUid = new Map(rows.map((row) => [row.content_type, fromRow(row)]));
    return editorialTypes(strapi).map((uid) => byUid.get(uid) ?? defaultSettings(uid));
  },

  async update(uid: string, change: Partial<Omit<TypeSettings, 'uid'>>): Promise<TypeSettings> {
    const current = await this.get(uid);
    const next: TypeSettings = { ...current, ...change, uid };
    await strapi.db
      .connection(TABLES.settings)
      .insert({
        content_type: uid,
        history: next.history,
        review: next.review,
        stages: JSON.stringify(next.stages),
        reset_on_edit: next.resetOnEdit,
        updated_at: new Date(),
      })
      .onConflict('content_type')
      .merge();
    return next;
  },
});
