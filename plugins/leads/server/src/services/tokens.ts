import type { Core } from '@strapi/strapi';
import { deriveKey } from '@magnetiq/plugin-kit/server';
import { getConfig } from '../utils';

/**
 * Link keys for other plugins: a key derived from the leads secret for one purpose label, so a
 * plugin without a secret of its own never reads the leads configuration (docs/adr/0019).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  derivedSecret(label: string): string {
    return deriveKey(getConfig(strapi).tokenSecret, label);
  },
});
