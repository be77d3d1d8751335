import { requireEnv } from '../src/secrets';
import { proxySettings } from '../src/ops/trust-proxy';

export default ({ env }: { env: any }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  // X-Forwarded-For only from the proxies in front of us: TRUST_PROXY=1 behind one nginx
  // (a hop count, koa's maxIpsCount), false without a proxy (src/ops/trust-proxy.ts).
  proxy: proxySettings(env('TRUST_PROXY', 'false')),
  app: {
    keys: requireEnv('APP_KEYS').split(','),
  },
  cron: { enabled: true },
});
