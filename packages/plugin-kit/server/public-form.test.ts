import { describe, expect, it } from 'vitest';
import { acceptPublicForm, type PublicFormRequest } from './public-form';

type Body = { email: string; website?: string | null; name?: string };

const request = (body: unknown): PublicFormRequest & { headers: Record<string, string> } => {
  const headers: Record<string, string> = {};
  return { request: { ip: '203.0.113.7', body }, headers, set: (field, value) => void (headers[field] = value) };
};

const run = async (
  body: unknown,
  options: { limitAt?: 'ip' | 'email'; invalid?: boolean; normaliseEmail?: (email: string) => string } = {},
) => {
  const calls: string[] = [];
  const ctx = request(body);
  const result = await acceptPublicForm<Body>(ctx, {
    name: 'test-form',
    rateLimit: async (_ctx, form, keys) => {
      calls.push(`${form}:${keys.ip ? `ip=${keys.ip}` : `email=${keys.email}`}`);
      if ((options.limitAt === 'ip' && keys.ip) || (options.limitAt === 'email' && keys.email)) throw new Error('429');
    },
    validate: async (value) => {
      calls.push('validate');
      if (options.invalid) throw new Error('400');
      return value as Body;
    },
    normaliseEmail: options.normaliseEmail,
  }).catch((error: Error) => error.message);
  return { result, calls };
};

describe('the public form flow', () => {
  it('limits per IP, validates, limits per normalised email, in that order', async () => {
    const { result, calls } = await run({ email: '  Ada@Example.COM ', name: 'Ada' });
    expect(calls).toEqual(['test-form:ip=203.0.113.7', 'validate', 'test-form:email=ada@example.com']);
    expect(result).toEqual({ input: { email: 'ada@example.com', name: 'Ada' }, honeypot: false });
  });

  it.each([
    ['the IP limit', { limitAt: 'ip' as const }, '429', ['test-form:ip=203.0.113.7']],
    ['an invalid body', { invalid: true }, '400', ['test-form:ip=203.0.113.7', 'validate']],
    [
      'the email limit',
      { limitAt: 'email' as const },
      '429',
      ['test-form:ip=203.0.113.7', 'validate', 'test-form:email=ada@example.com'],
    ],
  ])('stops at %s and goes no further', async (_name, options, error, calls) => {
    expect(await run({ email: 'ada@example.com' }, options)).toEqual({ result: error, calls });
  });

  it.each([
    ['filled', 'http://spam.example', true],
    ['empty', '', false],
    ['absent', undefined, false],
  ])('tells a %s honeypot', async (_name, website, honeypot) => {
    const { result } = await run({ email: 'ada@example.com', website });
    expect(result).toMatchObject({ honeypot });
  });

  it('uses the given email normalisation', async () => {
    const { calls } = await run({ email: 'Ada@Example.com' }, { normaliseEmail: (email) => `n:${email}` });
    expect(calls.at(-1)).toBe('test-form:email=n:Ada@Example.com');
  });

  it('validates an absent body as an empty object', async () => {
    let seen: unknown = null;
    await acceptPublicForm(request(undefined), {
      name: 'f',
      rateLimit: async () => {},
      validate: async (value) => ((seen = value), { email: 'a@b.co' }),
    });
    expect(seen).toEqual({});
  });
});
