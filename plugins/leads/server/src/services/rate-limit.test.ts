import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import config from '../config';
import createRateLimit from './rate-limit';

/**
 * Against the machine's real Redis (REDIS_URL, else 127.0.0.1:6379; .ci/run starts it when it is
 * down): two services stand for two CMS instances sharing one Redis.
 */
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

const instance = (rateLimit: Partial<typeof config.default.rateLimit>) => {
  const strapi = {
    config: { get: () => ({ ...config.default, rateLimit: { ...config.default.rateLimit, ...rateLimit } }) },
    log: { info() {}, warn() {}, error() {} },
    plugin: () => ({ service: () => ({ rateLimited: { inc() {} } }) }),
  } as any;
  return createRateLimit({ strapi });
};

const opened: Array<ReturnType<typeof instance>> = [];
const open = (rateLimit: Partial<typeof config.default.rateLimit>) => {
  const service = instance(rateLimit);
  opened.push(service);
  return service;
};

afterEach(async () => {
  await Promise.all(opened.splice(0).map((service) => service.close()));
});

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error) => error,
  );

describe('rate limits shared through Redis', () => {
  it('counts the requests of two instances together, so a client cannot spread over them', async () => {
    const shared = {
      redisUrl: REDIS_URL,
      redisPrefix: `test-${randomBytes(4).toString('hex')}`,
      perIpPoints: 3,
      perEmailPoints: 3,
      durationSeconds: 60,
    };
    const first = open(shared);
    const second = open(shared);
    await first.check('contact-form', { ip: '203.0.113.5' });
    await second.check('contact-form', { ip: '203.0.113.5' });
    await first.check('contact-form', { ip: '203.0.113.5' });
    const error = await rejection(second.check('contact-form', { ip: '203.0.113.5' }));
    expect(error).toMatchObject({ name: 'RateLimitError', retryAfter: expect.any(Number) });
    expect(first.store()).toEqual({ kind: 'redis', connected: true });
    // another address is not affected
    await second.check('contact-form', { ip: '203.0.113.6' });
  });

  it('keeps separate counts for separate prefixes (deployments sharing one Redis)', async () => {
    const base = { redisUrl: REDIS_URL, perIpPoints: 1, perEmailPoints: 1, durationSeconds: 60 };
    const a = open({ ...base, redisPrefix: `test-${randomBytes(4).toString('hex')}` });
    const b = open({ ...base, redisPrefix: `test-${randomBytes(4).toString('hex')}` });
    await a.check('contact-form', { email: 'x@example.com' });
    await b.check('contact-form', { email: 'x@example.com' });
    expect(await rejection(a.check('contact-form', { email: 'x@example.com' }))).toMatchObject({
      name: 'RateLimitError',
    });
  });

  it('still limits, in memory, while Redis cannot be reached', async () => {
    const down = open({
      redisUrl: 'redis://127.0.0.1:1',
      redisPrefix: 'unreachable',
      perIpPoints: 2,
      perEmailPoints: 2,
      durationSeconds: 60,
    });
    await down.check('contact-form', { ip: '198.51.100.1' });
    await down.check('contact-form', { ip: '198.51.100.1' });
    expect(await rejection(down.check('contact-form', { ip: '198.51.100.1' }))).toMatchObject({
      name: 'RateLimitError',
    });
    expect(down.store()).toEqual({ kind: 'redis', connected: false });
  });

  it('counts in memory per instance without REDIS_URL', async () => {
    const memory = open({ redisUrl: '', perIpPoints: 1, perEmailPoints: 1, durationSeconds: 60 });
    await memory.check('contact-form', { ip: '192.0.2.1' });
    expect(await rejection(memory.check('contact-form', { ip: '192.0.2.1' }))).toMatchObject({
      name: 'RateLimitError',
    });
    expect(memory.store()).toEqual({ kind: 'memory' });
  });
});
