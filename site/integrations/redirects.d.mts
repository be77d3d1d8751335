import type { AstroIntegration } from 'astro';

export interface SiteRedirect {
  from: string;
  to: string;
}

/** The folder of the build that holds the nginx include and the root redirect. */
export const REDIRECTS_DIR: string;

/** The static page at an old path: the browser follows the refresh, search engines the canonical. */
export function redirectPage(to: string, site?: string): string;

/** Writes the nginx map include, the root redirect and the static redirect pages into `outDir`. */
export function emitRedirects(
  outDir: string,
  options: { redirects: SiteRedirect[]; defaultLocale: string; site?: string },
  log?: (message: string) => void,
): { redirects: number; pages: number };

/** The redirects and the default locale from the CMS. */
export function fetchRedirects(): Promise<{ redirects: SiteRedirect[]; defaultLocale: string }>;

export default function redirects(): AstroIntegration;
