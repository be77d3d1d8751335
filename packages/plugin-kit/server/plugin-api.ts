/** What pluginApi needs of Strapi (Core.Strapi has it). */
export interface PluginHost {
  plugin(name: string): { service(name: string): unknown } | undefined;
}

/** `rateLimit` -> `rate-limit`: the contract's keys are camelCase, Strapi's service names kebab-case. */
export const serviceName = (key: string): string => key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/**
 * Another plugin's services through its typed contract (e.g. the leads core's `LeadsApi`, imported
 * as a type): `pluginApi<LeadsApi>(strapi, 'leads').capture.captureLead(...)`. Each service is
 * looked up when it is used, so the accessor can be made before the other plugin has loaded.
 */
export function pluginApi<Api extends object>(strapi: PluginHost, plugin: string): Api {
  return new Proxy({} as Api, {
    get(_target, key) {
      if (typeof key !== 'string') return undefined;
      const host = strapi.plugin(plugin);
      if (!host) throw new Error(`the ${plugin} plugin is not installed`);
      return host.service(serviceName(key));
    },
  });
}
