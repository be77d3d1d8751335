import type { IncomingMessage, ServerResponse } from 'node:http';

export const HOOK_PATH: string;

/** `sha256=<hex HMAC-SHA256 of the raw body>`, compared in constant time. */
export function verifySignature(rawBody: Buffer | string, header: unknown, secret: string | undefined): boolean;
/** Whether a delivery's `sentAt` is within `maxAgeMs` of now (either way). */
export function isFresh(sentAt: unknown, nowMs: number, maxAgeMs: number): boolean;

export interface RebuildStats {
  requested: number;
  started: number;
  succeeded: number;
  failed: number;
  lastError: string | null;
  building: boolean;
  waiting: boolean;
}

export interface RebuildQueue {
  request(): void;
  /** resolves when no build is waiting or running */
  idle(): Promise<void>;
  stats(): RebuildStats;
  cancel(): void;
}

/** Injectable timers (tests step through time); the handle is whatever `setTimeout` returns. */
export interface Timers<Handle = unknown> {
  setTimeout(fn: () => void, ms: number): Handle;
  clearTimeout(handle: Handle): void;
}

/** Debounced, serial builds. */
export function createRebuildQueue<Handle = ReturnType<typeof setTimeout>>(options: {
  build: () => unknown;
  debounceMs: number;
  timers?: Timers<Handle>;
  log?: (line: string) => void;
}): RebuildQueue;

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** Answers the webhook: 202 queued or duplicate, 401 bad signature or stale, 400 not the event. */
export function rebuildHandler(options: {
  secret: string | undefined;
  /** what it needs of a RebuildQueue: `stats()` answers GET /status */
  queue: { request(): void; stats(): unknown };
  now?: () => number;
  maxAgeMs?: number;
  rememberDeliveries?: number;
}): RequestHandler;

export function listen(
  handler: RequestHandler,
  options: { port: number; host?: string },
): Promise<{ url: string; close(): Promise<void> }>;

/** The receiver plus builds into `buildsDir/<timestamp>`; the site server switches on success. */
export function startSiteRebuilder(options: {
  site: { swap(dir: string): void };
  buildInto: (dir: string) => Promise<unknown>;
  secret: string | undefined;
  buildsDir: string;
  port: number;
  host?: string;
  debounceMs?: number;
  log?: (line: string) => void;
  current?: string | null;
}): Promise<{ url: string; hookUrl: string; queue: RebuildQueue; close(): Promise<void> }>;

/** The newest complete build among `candidates` (by its index.html), or null. */
export function newestBuild(candidates: string[]): string | null;
export function buildsIn(buildsDir: string): string[];
