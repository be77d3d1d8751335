export const SECRET_NAMES: readonly string[];
/** A fresh random value for every secret the CMS needs. */
export function generateSecrets(): Record<string, string>;
export function readEnvFile(file: string): Record<string, string>;
export function ensureDevelopmentSecrets(env?: NodeJS.ProcessEnv): Record<string, string | undefined>;
export function missingSecrets(env?: NodeJS.ProcessEnv): string[];
