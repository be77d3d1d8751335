import type { ChildProcess, StdioOptions } from 'node:child_process';

/** Where `npm start` builds the preview server (site/dist-preview). */
export const PREVIEW_DIST: string;

/** `astro build --config astro.preview.config.mjs` (server entry in `<outDir>/server/entry.mjs`). */
export function buildPreviewServer(options?: {
  cmsUrl?: string;
  outDir?: string;
  env?: Record<string, string>;
}): Promise<void>;

export interface PreviewServer {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts the built preview server; resolves when it answers. */
export function startPreviewServer(options: {
  port: number;
  host?: string;
  dir?: string;
  env?: Record<string, string>;
  stdio?: StdioOptions;
  timeoutMs?: number;
}): Promise<PreviewServer>;
