/**
 * TRUST_PROXY as a hop count (issue 17): the test CMS runs with TRUST_PROXY=1 (global-setup), as behind one
 * nginx that appends the address it sees to X-Forwarded-For. A client that writes its own
 * leftmost entry must not get a fresh rate-limit key with every request.
 */
import { describe, expect, it } from 'vitest';
import { api, clientIp } from '../helpers/http';

/** A contact-form post that fails validation: the per-IP limit is counted before validation. */
const post = (forwardedFor: string) =>
  api('/api/leads/submissions', {
    method: 'POST',
    json: { email: 'not-an-address' },
    headers: { 'X-Forwarded-For': forwardedFor },
  });

describe('client IP behind one proxy hop (TRUST_PROXY=1)', () => {
  it('keys the rate limit on the entry the proxy appended, whatever the client put before it', async () => {
    const address = clientIp();
    for (let attempt = 0; attempt < 10; attempt++) {
      // a different forged entry each time, as an attacker resetting the limit would send
      expect((await post(`${clientIp()}, ${address}`)).status).toBe(400);
    }
    const blocked = await post(`${clientIp()}, ${address}`);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.name).toBe('RateLimitError');
    // the limited address forged as the leftmost entry of another client changes nothing for that client
    expect((await post(`${address}, ${clientIp()}`)).status).toBe(400);
  });
});
