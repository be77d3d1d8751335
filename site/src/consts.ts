/** A locale code configured in the CMS's i18n settings (lib/locales.ts reads which at build). */
export type Locale = string;

export const SITE_NAME = 'Magnetiq';

/** Where the browser sends form submissions: the CMS's public API. */
export const CMS_PUBLIC_URL = import.meta.env.PUBLIC_CMS_URL || process.env.CMS_URL || 'http://localhost:1337';
