import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { signRegistrationToken, verifyRegistrationToken } from './tokens';

const secret = 'a-test-secret-of-enough-length';
const registration = 'k3v9q2m7x1c8b4n6z0p5r2t8';

// the format before the kit: "<id>.<HMAC under a key derived for webinars:registration:v1>"
const legacyToken = (id: string) =>
  `${id}.${createHmac('sha256', createHmac('sha256', secret).update('webinars:registration:v1').digest()).update(id).digest('base64url')}`;

describe('registration tokens', () => {
  it('still verify in the format from before the kit', () => {
    expect(verifyRegistrationToken(legacyToken(registration), secret)).toBe(registration);
  });

  it('verify to the registration they were signed for', () => {
    expect(verifyRegistrationToken(signRegistrationToken(registration, secret), secret)).toBe(registration);
  });

  it.each([
    ['another secret', () => signRegistrationToken(registration, 'another-secret-of-enough-length')],
    [
      'a swapped registration',
      () =>
        `${Buffer.from(JSON.stringify({ p: 'webinar-registration', s: 'm3v9q2m7x1c8b4n6z0p5r2t8' })).toString('base64url')}.${signRegistrationToken(registration, secret).split('.')[1]}`,
    ],
    [
      'a token of another purpose',
      () =>
        `${signRegistrationToken(registration, secret).replace(/^[^.]+/, Buffer.from(JSON.stringify({ p: 'confirm', s: registration })).toString('base64url'))}`,
    ],
    [
      'an old-format token for another registration',
      () => `m3v9q2m7x1c8b4n6z0p5r2t8.${legacyToken(registration).split('.')[1]}`,
    ],
    ['a cut signature', () => signRegistrationToken(registration, secret).slice(0, -2)],
    ['an extra part', () => `${signRegistrationToken(registration, secret)}.x`],
    ['garbage', () => 'not a token'],
    ['a non-string', () => 42 as unknown as string],
  ])('refuse %s', (_name, make) => {
    expect(verifyRegistrationToken(make(), secret)).toBeNull();
  });
});
