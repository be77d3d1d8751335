/**
 * Secrets and required settings come from the environment only. In development the start
 * script generates missing secrets into cms/.env; in production a missing one is a hard error
 * with one line that names the variable (the start script checks the same list first).
 */
export const REQUIRED_SECRETS = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
  'LEADS_TOKEN_SECRET',
  'WHITEPAPERS_TOKEN_SECRET',
  'CALENDAR_TOKEN_KEY',
] as const;

export type SecretName = (typeof REQUIRED_SECRETS)[number];

/** `strapi build` loads the config but never uses the secrets: it must work without them. */
const isBuild = () => process.argv.slice(2).includes('build');

export { isBuild };

export function requireEnv(name: SecretName): string {
  const value = process.env[name];
  if (!value) {
    if (isBuild()) return `build-time-placeholder-${name}`;
    throw new Error(`Missing ${name}: set it in the environment (see config/.env.example).`);
  }
  return value;
}
