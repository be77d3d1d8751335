/** The headers config/nginx/security-headers.conf sends in production, for this deployment's origins. */
export function nginxSecurityHeaders(options: {
  cmsOrigin: string;
  analyticsOrigin?: string;
  file?: string;
}): Record<string, string>;

export interface SiteServer {
  url: string;
  /** the folder served now */
  dir(): string;
  /** switches to another build in one assignment */
  swap(dir: string): void;
  close(): Promise<void>;
}

/** Serves the built static site with the production headers and the precompressed copies. */
export function serveSite(options?: {
  port?: number;
  host?: string;
  dir?: string;
  headers?: Record<string, string> | null;
}): Promise<SiteServer>;
