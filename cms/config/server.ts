import { requireEnv } from '../src/secrets';

export default ({ env }: { env: any }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  // Trust X-Forwarded-For only when a reverse proxy in front of us sets it (TRUST_PROXY=true).
  proxy: { koa: env.bool('TRUST_PROXY', false) },
  app: {
    keys: requireEnv('APP_KEYS').split(','),
  },
  cron: { enabled: true },
});
