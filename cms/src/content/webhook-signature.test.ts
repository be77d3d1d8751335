import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rebuildWindow, signWebhookBody, verifyWebhookSignature } from './webhook-signature';

describe('signWebhookBody', () => {
  it('is the hex HMAC-SHA256 of the raw body with a sha256= prefix', () => {
    const body = '{"event":"site.rebuild"}';
    const expected = crypto.createHmac('sha256', 'shh').update(body).digest('hex');
    expect(signWebhookBody('shh', body)).toBe(`sha256=${expected}`);
  });

  it('verifies its own signature and rejects a changed body, another secret or no header', () => {
    const body = '{"event":"site.rebuild","id":"1"}';
    const signature = signWebhookBody('secret-1', body);
    expect(verifyWebhookSignature('secret-1', body, signature)).toBe(true);
    expect(verifyWebhookSignature('secret-1', `${body} `, signature)).toBe(false);
    expect(verifyWebhookSignature('secret-2', body, signature)).toBe(false);
    expect(verifyWebhookSignature('secret-1', body, undefined)).toBe(false);
    expect(verifyWebhookSignature('secret-1', body, 'sha256=short')).toBe(false);
  });
});

describe('rebuildWindow', () => {
  it('gives publishes within one window the same key, delivered at the end of the window', () => {
    const a = rebuildWindow(Date.UTC(2026, 0, 1, 12, 0, 1), 10_000);
    const b = rebuildWindow(Date.UTC(2026, 0, 1, 12, 0, 9, 999), 10_000);
    expect(a.key).toBe(b.key);
    expect(a.notBefore.toISOString()).toBe('2026-01-01T12:00:10.000Z');
  });

  it('starts a new rebuild in the next window', () => {
    expect(rebuildWindow(Date.UTC(2026, 0, 1, 12, 0, 10), 10_000).key).not.toBe(
      rebuildWindow(Date.UTC(2026, 0, 1, 12, 0, 9), 10_000).key,
    );
  });

  it('sends every publish on its own when debouncing is off', () => {
    const now = Date.now();
    expect(rebuildWindow(now, 0).key).not.toBe(rebuildWindow(now, 0).key);
    expect(rebuildWindow(now, 0).notBefore.getTime()).toBe(now);
  });
});
