import type { Core } from '@strapi/strapi';
import { getConfig } from '../utils';

/**
 * The one API style (docs/api.md): `locale` for the language of a request, `timeZone` for a
 * time zone. The old names (`language` on the leads forms, `tz` on the slot query) keep working
 * for one release; an answer to a request that used one carries RFC 9745's `Deprecation` (the
 * date the name was deprecated) and a `Link` with rel="deprecation" to the docs.
 */
export const DEPRECATED_SINCE = '2026-12-07T00:00:00Z';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const logged = new Set<string>();
  return {
    /** Marks the answer of a request that used `oldName` instead of `newName`. */
    mark(
      ctx: { set: (name: string, value: string) => void; append?: (name: string, value: string) => void },
      oldName: string,
      newName: string,
    ) {
      ctx.set('Deprecation', `@${Math.floor(Date.parse(DEPRECATED_SINCE) / 1000)}`);
      const link = `<${getConfig(strapi).deprecationDocsUrl}>; rel="deprecation"; type="text/html"`;
      if (ctx.append) ctx.append('Link', link);
      else ctx.set('Link', link);
      if (!logged.has(oldName)) {
        logged.add(oldName);
        strapi.log.warn(
          `api: a client sent the deprecated parameter ${oldName}, now called ${newName} (docs/api.md); logged once per name`,
        );
      }
    },
  };
};
