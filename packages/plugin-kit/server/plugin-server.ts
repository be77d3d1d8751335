/** What a plugin needs of Strapi to reach its own services and configuration (Core.Strapi has it). */
export interface OwnPluginHost {
  plugin(name: string): { service(name: string): unknown };
  config: { get(path: string): unknown };
}

type ServiceFactories = Record<string, (...args: never[]) => unknown>;

/**
 * A plugin's own services, typed by its `services` map:
 * `export const getService = ownServices<typeof services>(PLUGIN_ID)`, then `getService(strapi, 'catalog')`.
 */
export function ownServices<Services extends ServiceFactories>(pluginId: string) {
  return <N extends keyof Services & string>(strapi: OwnPluginHost, name: N): ReturnType<Services[N]> =>
    strapi.plugin(pluginId).service(name) as ReturnType<Services[N]>;
}

/** A plugin's configuration (its config defaults merged with cms/config/plugins.ts), as its config type. */
export function ownConfig<Config>(pluginId: string) {
  return (strapi: OwnPluginHost): Config => strapi.config.get(`plugin::${pluginId}`) as Config;
}

/**
 * A plugin's server entry (`server/src/index.ts`): the sdk template's map, with the lifecycle hooks
 * and the maps the plugin does not have left empty.
 */
export function pluginServer<Parts extends object>(parts: Parts) {
  return { register() {}, destroy() {}, contentTypes: {}, policies: {}, middlewares: {}, ...parts };
}

/**
 * A plugin's `getService` and `getConfig` in one line of its `utils/index.ts`:
 * `export const { getService, getConfig } = ownPlugin<typeof services, Config>(PLUGIN_ID)`.
 */
export function ownPlugin<Services extends ServiceFactories, Config>(pluginId: string) {
  return { getService: ownServices<Services>(pluginId), getConfig: ownConfig<Config>(pluginId) };
}

/**
 * The UIDs of a plugin's content types, typed letter for letter:
 * `contentTypeUids('booking', { host: 'host', meetingType: 'meeting-type' })` is
 * `{ host: 'plugin::booking.host', meetingType: 'plugin::booking.meeting-type' }`.
 */
export function contentTypeUids<const P extends string, const M extends Record<string, string>>(pluginId: P, names: M) {
  const uids = Object.entries(names).map(([key, name]) => [key, `plugin::${pluginId}.${name}`]);
  return Object.freeze(Object.fromEntries(uids)) as { readonly [K in keyof M]: `plugin::${P}.${M[K]}` };
}

/**
 * The database table of a content type from its schema (`collectionName`), so that a plugin's SQL
 * does not spell it a second time: `tableOf(strapi.getModel(UID.download))`.
 */
export function tableOf(model: { uid?: string; collectionName?: string } | undefined): string {
  if (!model?.collectionName) throw new Error(`content type ${model?.uid ?? '(unknown)'} has no collectionName`);
  return model.collectionName;
}
