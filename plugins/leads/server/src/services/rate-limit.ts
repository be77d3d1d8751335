import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { getConfig, getService } from '../utils';

/**
 * Per client IP and per normalised email, together (a key from the body alone can be reset by
 * changing the body: CVE-2025-64526). With REDIS_URL the counters live in Redis, so every CMS
 * instance shares them; while Redis is unreachable each instance falls back to its own memory
 * (rate-limiter-flexible's insurance limiter) instead of failing the request. Without REDIS_URL,
 * in memory per instance.
 */
/** The seconds a RateLimitError asks the client to wait (60 when it does not say). */
export const retryAfterOf = (error: unknown): number => {
  const seconds = (error as { retryAfter?: unknown }).retryAfter;
  return typeof seconds === 'number' ? seconds : 60;
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const limiters = new Map<string, RateLimiterAbstract>();
  let redis: Redis | null = null;

  const redisClient = (url: string) => {
    if (!redis) {
      // A command waits at most commandTimeout (also while connecting at boot); when Redis does
      // not answer in time the insurance limiter counts in memory and the request goes on.
      redis = new Redis(url, { commandTimeout: 500, maxRetriesPerRequest: 1, connectTimeout: 2000 });
      // one line per outage, not one per reconnect attempt
      let healthy = true;
      redis.on('error', (error) => {
        if (!healthy) return;
        healthy = false;
        strapi.log.warn(
          `rate limits: Redis unreachable (${error.message}); counting in memory per instance until it is back`,
        );
      });
      redis.on('ready', () => {
        if (!healthy) strapi.log.info('rate limits: Redis is back; limits are shared again');
        healthy = true;
      });
    }
    return redis;
  };

  const limiter = (scope: string, points: number, duration: number) => {
    const key = `${scope}:${points}:${duration}`;
    let found = limiters.get(key);
    if (!found) {
      const { redisUrl, redisPrefix } = getConfig(strapi).rateLimit;
      const keyPrefix = `${redisPrefix || 'magnetiq'}:${scope}`;
      const memory = new RateLimiterMemory({ keyPrefix, points, duration });
      found = redisUrl
        ? new RateLimiterRedis({
            storeClient: redisClient(redisUrl),
            keyPrefix,
            points,
            duration,
            insuranceLimiter: memory,
          })
        : memory;
      limiters.set(key, found);
    }
    return found;
  };

  const consume = async (scope: string, kind: 'ip' | 'email', key: string, points: number, duration: number) => {
    try {
      await limiter(`${scope}:${kind}`, points, duration).consume(key);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        getService(strapi, 'metrics').rateLimited.inc({ form: scope, key: kind });
        const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        throw Object.assign(new errors.RateLimitError('Too many requests, please try again later.', { retryAfter }), {
          retryAfter,
        });
      }
      throw rejection;
    }
  };

  const service = {
    /**
     * Throws RateLimitError (429, details.retryAfter) when the IP or the email is over its limit.
     * Called with the IP before validation (garbage counts too) and with the email after it.
     */
    async check(
      form: string,
      { ip, email }: { ip?: string; email?: string },
      { ipPointsFactor = 1 }: { ipPointsFactor?: number } = {},
    ) {
      const { perIpPoints, perEmailPoints, durationSeconds } = getConfig(strapi).rateLimit;
      if (ip) await consume(form, 'ip', ip, perIpPoints * ipPointsFactor, durationSeconds);
      if (email) await consume(form, 'email', email, perEmailPoints, durationSeconds);
    },

    /** One key against a limit of its own (e.g. admin logins per IP), on the same store as the forms. */
    async consumeKey(
      scope: string,
      kind: 'ip' | 'email',
      key: string,
      { points, durationSeconds }: { points: number; durationSeconds: number },
    ) {
      await consume(scope, kind, key, points, durationSeconds);
    },

    /** 'redis' when the counters are shared through Redis and it answers, for the readiness report. */
    store() {
      if (!getConfig(strapi).rateLimit.redisUrl) return { kind: 'memory' as const };
      return { kind: 'redis' as const, connected: redis?.status === 'ready' };
    },

    async close() {
      const client = redis;
      redis = null;
      limiters.clear();
      if (client) await client.quit().catch(() => client.disconnect());
    },

    /** `check` for a controller: a 429 also carries the Retry-After header (set before Strapi formats the error). */
    async checkRequest(
      ctx: { set: (name: string, value: string) => void },
      form: string,
      keys: { ip?: string; email?: string },
    ) {
      try {
        await service.check(form, keys);
      } catch (error) {
        if (error instanceof errors.RateLimitError) ctx.set('Retry-After', String(retryAfterOf(error)));
        throw error;
      }
    },
  };
  return service;
};
