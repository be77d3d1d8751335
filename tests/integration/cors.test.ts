/**
 * The site's origins as `npm start` configures them (scripts/lib/site-origins.mjs, used by the
 * start script and by this run's global setup): a browser that opened the site at localhost or at
 * 127.0.0.1 reaches the CMS from its islands (CORS) and its forms pass the Origin check; any
 * other origin gets neither. Issue 20: at 127.0.0.1 the booking widget broke on CORS.
 */
import { describe, expect, inject, it } from 'vitest';
import { api, clientIp } from '../helpers/http';

const sitePort = () => new URL(inject('siteUrl')).port;
const siteOrigins = () => [`http://localhost:${sitePort()}`, `http://127.0.0.1:${sitePort()}`];

describe("the site's origins", () => {
  it.each(['localhost', '127.0.0.1'])(
    'lets the islands of the site opened at %s read the CMS API (CORS)',
    async (host) => {
      const origin = `http://${host}:${sitePort()}`;
      const read = await api('/api/booking/meeting-types?locale=en', { headers: { Origin: origin }, ip: clientIp() });
      expect(read.headers.get('access-control-allow-origin')).toBe(origin);

      // the preflight of a JSON POST (booking, every form)
      const preflight = await fetch(`${inject('cmsUrl')}/api/booking/bookings`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type',
          'X-Forwarded-For': clientIp(),
        },
      });
      expect(preflight.status).toBeLessThan(300);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
      expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    },
  );

  it.each(['localhost', '127.0.0.1'])(
    'accepts a form POST from the site opened at %s (the Origin check lets it through to validation)',
    async (host) => {
      const origin = `http://${host}:${sitePort()}`;
      // an empty body: past the Origin check it is the validator that answers, and nothing is stored
      const posted = await api('/api/leads/submissions', {
        method: 'POST',
        json: {},
        headers: { Origin: origin },
        ip: clientIp(),
      });
      expect(posted.status).toBe(400);
      expect(posted.body.error.name).toBe('ValidationError');
      expect(posted.headers.get('access-control-allow-origin')).toBe(origin);
    },
  );

  it('gives any other origin neither CORS nor the form', async () => {
    for (const origin of [
      'https://evil.example',
      `http://localhost:${Number(sitePort()) + 1}`,
      `http://[::1]:${sitePort()}`,
    ]) {
      expect(siteOrigins()).not.toContain(origin);
      const read = await api('/api/booking/meeting-types?locale=en', { headers: { Origin: origin }, ip: clientIp() });
      expect(read.headers.get('access-control-allow-origin')).not.toBe(origin);
      const posted = await api('/api/leads/submissions', {
        method: 'POST',
        json: {},
        headers: { Origin: origin },
        ip: clientIp(),
      });
      expect(posted.status).toBe(403);
    }
  });
});
