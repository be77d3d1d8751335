import type { ChildProcess, StdioOptions } from 'node:child_process';

export function waitForHealth(url: string, options?: { timeoutMs?: number; child?: ChildProcess }): Promise<void>;
export function startStrapi(options?: {
  env?: Record<string, string | undefined>;
  port?: number;
  stdio?: StdioOptions;
  timeoutMs?: number;
  nodeArgs?: string[];
}): Promise<{ child: ChildProcess; url: string; stop(signal?: NodeJS.Signals): Promise<void> }>;
