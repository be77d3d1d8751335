import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { getConfig } from '../utils';

/**
 * Per client IP and per normalised email, together (a key from the body alone can be reset by
 * changing the body: CVE-2025-64526). In memory per instance; issue 11 moves it to Redis.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const limiters = new Map<string, RateLimiterMemory>();

  const limiter = (scope: string, points: number, duration: number) => {
    const key = `${scope}:${points}:${duration}`;
    let found = limiters.get(key);
    if (!found) {
      found = new RateLimiterMemory({ keyPrefix: scope, points, duration });
      limiters.set(key, found);
    }
    return found;
  };

  const consume = async (scope: string, key: string, points: number, duration: number) => {
    try {
      await limiter(scope, points, duration).consume(key);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        const error = new errors.RateLimitError('Too many requests, please try again later.', { retryAfter });
        (error as any).retryAfter = retryAfter;
        throw error;
      }
      throw rejection;
    }
  };

  const service = {
    /**
     * Throws RateLimitError (429, details.retryAfter) when the IP or the email is over its limit.
     * Called with the IP before validation (garbage counts too) and with the email after it.
     */
    async check(form: string, { ip, email }: { ip?: string; email?: string }, { ipPointsFactor = 1 }: { ipPointsFactor?: number } = {}) {
      const { perIpPoints, perEmailPoints, durationSeconds } = getConfig(strapi).rateLimit;
      if (ip) await consume(`${form}:ip`, ip, perIpPoints * ipPointsFactor, durationSeconds);
      if (email) await consume(`${form}:email`, email, perEmailPoints, durationSeconds);
    },

    /** `check` for a controller: a 429 also carries the Retry-After header (set before Strapi formats the error). */
    async checkRequest(ctx: { set: (name: string, value: string) => void }, form: string, keys: { ip?: string; email?: string }) {
      try {
        await service.check(form, keys);
      } catch (error) {
        if (error instanceof errors.RateLimitError) ctx.set('Retry-After', String((error as any).retryAfter ?? 60));
        throw error;
      }
    },
  };
  return service;
};
