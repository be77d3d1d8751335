import type { Core } from '@strapi/strapi';
import { ownPlugin, pluginApi } from '@magnetiq/plugin-kit/server';
import type { LeadsApi } from '@magnetiq/plugin-leads/contract';
import type { EditorialConfig } from '../config';
import type { Model, Schemas } from '../domain/schema';
import type services from '../services';

export const PLUGIN_ID = 'editorial';

export const { getService, getConfig } = ownPlugin<typeof services, EditorialConfig>(PLUGIN_ID);

/** The leads core, through its typed contract only (ARCHITECTURE: never its tables). */
export const leads = (strapi: Core.Strapi) => pluginApi<LeadsApi>(strapi, 'leads');

/** Strapi's models (content types and components) as the domain functions read them. */
export const schemasOf =
  (strapi: Core.Strapi): Schemas =>
  (uid) =>
    (strapi.getModel(uid as Parameters<Core.Strapi['getModel']>[0]) as unknown as Model | undefined) ?? undefined;

interface ModelInfo {
  uid?: string;
  kind?: string;
  modelType?: string;
  options?: { draftAndPublish?: boolean };
  pluginOptions?: { 'content-manager'?: { visible?: boolean }; i18n?: { localized?: boolean } };
}

const NOT_CONTENT = ['plugin::upload.', 'plugin::users-permissions.', 'plugin::i18n.', 'plugin::content-releases.'];

const infoOf = (strapi: Core.Strapi, uid: string): ModelInfo | undefined =>
  (strapi.contentTypes as unknown as Record<string, ModelInfo>)[uid];

/**
 * The content types the editorial features apply to: our site's and plugins' types that editors
 * see in the Content Manager (pages, articles, webinars, whitepapers, meeting types...), not
 * Strapi's own, not the hidden ones (leads and other personal data).
 */
export function isEditorialType(strapi: Core.Strapi, uid: string): boolean {
  if (!(uid.startsWith('api::') || uid.startsWith('plugin::'))) return false;
  if (NOT_CONTENT.some((prefix) => uid.startsWith(prefix))) return false;
  const info = infoOf(strapi, uid);
  return Boolean(info) && info?.pluginOptions?.['content-manager']?.visible !== false;
}

export const editorialTypes = (strapi: Core.Strapi): string[] =>
  Object.keys(strapi.contentTypes)
    .filter((uid) => isEditorialType(strapi, uid))
    .sort();

export const hasDrafts = (strapi: Core.Strapi, uid: string): boolean =>
  Boolean(infoOf(strapi, uid)?.options?.draftAndPublish);

export const isLocalized = (strapi: Core.Strapi, uid: string): boolean =>
  Boolean(infoOf(strapi, uid)?.pluginOptions?.i18n?.localized);

/** Our tables keep '' for "no locale" (types without i18n), so the locale can be part of a key. */
export const localeKey = (locale: unknown): string => (typeof locale === 'string' ? locale : '');
export const localeOut = (locale: string): string | null => (locale === '' ? null : locale);

export interface Actor {
  id: number | null;
  name: string | null;
  email: string | null;
}

/** The admin user of the request the Document Service call belongs to, if any (else the system). */
export function currentActor(strapi: Core.Strapi): Actor {
  const ctx = strapi.requestContext.get() as
    | { state?: { user?: { id?: number; email?: string; firstname?: string | null; lastname?: string | null } } }
    | undefined;
  const user = ctx?.state?.user;
  if (!user?.id) return { id: null, name: null, email: null };
  const name = [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email || null;
  return { id: user.id, name, email: user.email ?? null };
}

/**
 * Runs `work` with the Document Service's transaction when the caller is inside one (the
 * middleware, a release run), else in a transaction of its own: our rows commit or roll back
 * with the content change.
 */
export const inTransaction = <T>(strapi: Core.Strapi, work: (trx: import('knex').Knex.Transaction) => Promise<T>) =>
  strapi.db.transaction(({ trx }) => work(trx)) as Promise<T>;

/** Strapi's PostgreSQL dialect reads JSONB as text (a type parser of its own): our raw reads parse it. */
export const fromJsonb = <T>(value: unknown): T =>
  typeof value === 'string' ? (JSON.parse(value) as T) : (value as T);
