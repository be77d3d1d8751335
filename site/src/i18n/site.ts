import type { Locale } from '../consts';
import { catalog, intlLocale } from './messages';

/** Words of the site's own templates (the content itself comes from the CMS): src/messages/<locale>.ts. */
export const SITE_STRINGS = catalog('site');

export function formatDate(lang: Locale, date: string | null | undefined): string | undefined {
  if (!date) return undefined;
  const parsed = new Date(date);
  if (Number.isNaN(parsed.getTime())) return undefined;
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'long', timeZone: 'UTC' }).format(parsed);
}
