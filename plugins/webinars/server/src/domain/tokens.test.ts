import { describe, expect, it } from 'vitest';
import { signRegistrationToken, verifyRegistrationToken } from './tokens';

const secret = 'a-test-secret-of-enough-length';
const registration = 'k3v9q2m7x1c8b4n6z0p5r2t8';

describe('registration tokens', () => {
  it('verify to the registration they were signed for', () => {
    expect(verifyRegistrationToken(signRegistrationToken(registration, secret), secret)).toBe(registration);
  });

  it.each([
    ['another secret', () => signRegistrationToken(registration, 'another-secret-of-enough-length')],
    ['a swapped registration', () => `m3v9q2m7x1c8b4n6z0p5r2t8.${signRegistrationToken(registration, secret).split('.')[1]}`],
    ['a cut signature', () => signRegistrationToken(registration, secret).slice(0, -2)],
    ['an extra part', () => `${signRegistrationToken(registration, secret)}.x`],
    ['garbage', () => 'not a token'],
    ['a non-string', () => 42 as unknown as string],
  ])('refuse %s', (_name, make) => {
    expect(verifyRegistrationToken(make(), secret)).toBeNull();
  });
});
