import { describe, expect, it } from 'vitest';
import { siteOrigins } from './site-origins';
import middlewares from '../../config/middlewares';
import plugins from '../../config/plugins';
import { generateSecrets } from '../../../scripts/lib/secrets.mjs';

/** Strapi's env helper for one variable list: env.array splits on commas. */
const envWith = (values: Record<string, string>) => {
  const env: any = (name: string, fallback?: string) => values[name] ?? fallback;
  env.array = (name: string, fallback?: string[]) => (name in values ? values[name].split(',') : fallback);
  env.int = (name: string, fallback?: number) => (name in values ? Number(values[name]) : fallback);
  env.float = env.int;
  env.bool = (name: string, fallback?: boolean) => (name in values ? values[name] === 'true' : fallback);
  env.json = (name: string, fallback?: unknown) => (name in values ? JSON.parse(values[name]) : fallback);
  return env;
};

describe('siteOrigins', () => {
  it('names both local addresses of the site when nothing is configured', () => {
    expect(siteOrigins(envWith({}))).toEqual(['http://localhost:4321', 'http://127.0.0.1:4321']);
  });

  it('takes the configured list, trimmed and without repeats', () => {
    expect(
      siteOrigins(envWith({ CORS_ORIGINS: 'https://www.example.com, https://example.com,https://www.example.com' })),
    ).toEqual(['https://www.example.com', 'https://example.com']);
  });

  it.each([
    ['nothing configured', {}, ['http://localhost:4321', 'http://127.0.0.1:4321']],
    [
      'a configured list',
      { CORS_ORIGINS: 'http://localhost:5000,http://127.0.0.1:5000' },
      ['http://localhost:5000', 'http://127.0.0.1:5000'],
    ],
  ])('gives CORS and the form Origin check the same list with %s', (_label, values, expected) => {
    const env = envWith(values);
    const saved = { ...process.env };
    // the plugins' config requires its secrets
    Object.assign(process.env, generateSecrets());
    try {
      const cors = middlewares({ env }).find((entry: any) => entry?.name === 'strapi::cors') as any;
      expect(cors.config.origin).toEqual(expected);
      expect((plugins({ env }) as any).leads.config.siteOrigins).toEqual(expected);
    } finally {
      process.env = saved;
    }
  });
});
