/** Both local names of the site's port. */
export function localSiteOrigins(port: number | string): string[];
/** The configured origins (comma-separated) plus both local names of the port, deduplicated. */
export function withLocalSiteOrigins(configured: string | null | undefined, port: number | string): string;
