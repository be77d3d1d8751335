import slugify from 'slugify';

/** Lowercase ASCII words joined by single hyphens: what the site's URLs are built from. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 120;

/** `Über uns` → `ueber-uns` (German transliteration when the locale is de). */
export function slugFromTitle(title: string, locale?: string | null): string {
  const slug = slugify(title, { lower: true, strict: true, trim: true, locale: locale ?? undefined });
  return slug.slice(0, SLUG_MAX_LENGTH).replace(/-+$/, '');
}

/** Why a slug is not acceptable, or null when it is. */
export function slugProblem(slug: unknown): string | null {
  if (typeof slug !== 'string' || slug.length === 0) return 'must not be empty';
  if (slug.length > SLUG_MAX_LENGTH) return `must be at most ${SLUG_MAX_LENGTH} characters`;
  if (!SLUG_PATTERN.test(slug))
    return 'must contain only lowercase letters, digits and single hyphens (e.g. "about-us")';
  return null;
}
