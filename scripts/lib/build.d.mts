import type { SpawnOptions } from 'node:child_process';

type Log = (line: string) => void;

/** Newest modification time (ms) of any file below the given paths, ignoring build output. */
export function newestMtime(paths: string[]): number;
export function run(command: string, args: string[], options?: SpawnOptions): Promise<void>;
export function listPlugins(): string[];
export function pluginServerEntry(name: string): string;
/** Throws when a plugin has no dist/server/index.js (Strapi would drop its tables). */
export function assertPluginsBuilt(): void;
export function buildPlugins(options?: { force?: boolean; log?: Log }): Promise<void>;
export function buildCms(options?: { force?: boolean; log?: Log }): Promise<void>;
export function buildSite(options?: {
  cmsUrl?: string;
  force?: boolean;
  log?: Log;
  env?: Record<string, string>;
}): Promise<void>;
/** One Astro build of the site into `outDir`, precompressed. */
export function buildSiteInto(
  outDir: string,
  options?: { cmsUrl?: string; env?: Record<string, string> },
): Promise<void>;
/** The newest change to anything the site renders (ms since the epoch, 0 when none). */
export function newestContentChange(databaseUrl: string): Promise<number>;
/** When the served build (its index.html) was made (ms, 0 when none). */
export function builtAt(dir: string): number;
