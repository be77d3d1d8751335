import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyEventSignature, webhookPublicKey } from './signature';

const pair = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const otherPair = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const publicKeyBase64 = pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
const now = new Date('2026-12-07T10:00:00Z');
const timestamp = String(now.getTime() / 1000);
const body = '[{"email":"a@example.com","event":"bounce","sg_event_id":"e1"}]';

const signed = (key = pair.privateKey, ts = timestamp, raw = body) =>
  sign('sha256', Buffer.from(ts + raw), { key, dsaEncoding: 'der' }).toString('base64');

const check = (overrides: Partial<Parameters<typeof verifyEventSignature>[0]> = {}) =>
  verifyEventSignature({
    publicKey: webhookPublicKey(publicKeyBase64),
    signature: signed(),
    timestamp,
    rawBody: Buffer.from(body),
    now,
    toleranceSeconds: 300,
    ...overrides,
  });

describe('SendGrid event webhook signature', () => {
  it('accepts a signature over timestamp + raw body with the configured key', () => {
    expect(check()).toEqual({ ok: true });
  });

  it('reads the key as PEM too', () => {
    const pem = pair.publicKey.export({ format: 'pem', type: 'spki' }).toString();
    expect(check({ publicKey: webhookPublicKey(pem) })).toEqual({ ok: true });
  });

  it.each([
    ['a signature by another key', { signature: signed(otherPair.privateKey) }, 'bad-signature'],
    ['a body changed after signing', { rawBody: body.replace('bounce', 'delivered') }, 'bad-signature'],
    ['a body re-serialised (whitespace added)', { rawBody: body.replace(',', ', ') }, 'bad-signature'],
    ['a timestamp changed after signing', { timestamp: String(Number(timestamp) + 1) }, 'bad-signature'],
    [
      'a timestamp older than the replay window',
      {
        timestamp: String(Number(timestamp) - 301),
        signature: signed(pair.privateKey, String(Number(timestamp) - 301)),
      },
      'stale',
    ],
    [
      'a timestamp far in the future',
      {
        timestamp: String(Number(timestamp) + 301),
        signature: signed(pair.privateKey, String(Number(timestamp) + 301)),
      },
      'stale',
    ],
    ['no signature header', { signature: undefined }, 'missing'],
    ['no timestamp header', { timestamp: undefined }, 'missing'],
    ['a signature that is not base64', { signature: 'not base64!' }, 'malformed'],
    ['a timestamp that is not a number', { timestamp: '12ab' }, 'malformed'],
    ['a signature of garbage bytes', { signature: Buffer.from('garbage').toString('base64') }, 'bad-signature'],
    ['no key configured', { publicKey: null }, 'no-key'],
  ])('refuses %s', (_name, overrides, reason) => {
    expect(check(overrides as Partial<Parameters<typeof verifyEventSignature>[0]>)).toEqual({ ok: false, reason });
  });

  it('reads an unusable key as no key', () => {
    expect(webhookPublicKey('')).toBeNull();
    expect(webhookPublicKey('bm90IGEga2V5')).toBeNull();
  });
});
