import type { Core } from '@strapi/strapi';
import { google, type calendar_v3 } from 'googleapis';
import { CALENDAR_SCOPES, getConfig, getService, GOOGLE_TOKEN_URL, timedGoogleCall } from '../utils';

export class NotConfiguredError extends Error {}

/**
 * Calendar v3 clients through googleapis, one per calendar: a host who connected their own
 * account (refresh token in the admin) is reached with the OAuth client; otherwise the service
 * account acts as the host through domain-wide delegation (subject = the calendar's owner).
 * No retries inside the client: the outbox and the busy cache decide what a failure means.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const clients = new Map<string, { key: string; api: calendar_v3.Calendar }>();

  /** The part of google-auth-library's JWT client this reaches into: its gaxios transporter's interceptors. */
  type TokenTransport = {
    transporter: {
      interceptors: {
        request: { add(interceptor: { resolved: (options: { url?: unknown }) => Promise<{ url?: unknown }> }): void };
      };
    };
  };

  const redirectTokenRequests = (client: unknown) => {
    const auth = client as TokenTransport;
    const tokenUrl = getConfig(strapi).tokenUrl;
    if (tokenUrl === GOOGLE_TOKEN_URL) return;
    // google-auth-library posts service-account assertions to Google's fixed URL; tests point it at the fake
    auth.transporter.interceptors.request.add({
      resolved: async (options) => {
        // gaxios has turned the url into a URL object by now (its error redactor reads searchParams)
        if (String(options.url) === GOOGLE_TOKEN_URL) options.url = new URL(tokenUrl);
        return options;
      },
    });
  };

  const service = {
    /** true when any way of reaching Google is configured */
    configured() {
      const config = getConfig(strapi);
      return Boolean(config.serviceAccount.email || config.oauth.clientId);
    },

    async client(calendarId: string): Promise<calendar_v3.Calendar> {
      const config = getConfig(strapi);
      const connection = await getService(strapi, 'connections').credentials(calendarId);
      const key =
        connection?.refreshToken && config.oauth.clientId
          ? `oauth:${connection.refreshToken}`
          : `sa:${connection?.subject || calendarId}`;
      const known = clients.get(calendarId);
      if (known && known.key === key) return known.api;

      let auth: InstanceType<typeof google.auth.OAuth2> | InstanceType<typeof google.auth.JWT>;
      if (connection?.refreshToken && config.oauth.clientId) {
        // forceRefreshOnFailure: a 401 with a cached access token first tries the refresh token, so a
        // revoked grant shows as Google's definitive invalid_grant (ADR 0024), not as a bare 401
        auth = new google.auth.OAuth2({
          clientId: config.oauth.clientId,
          clientSecret: config.oauth.clientSecret,
          endpoints: { oauth2TokenUrl: config.tokenUrl },
          forceRefreshOnFailure: true,
        });
        auth.setCredentials({ refresh_token: connection.refreshToken });
      } else if (config.serviceAccount.email) {
        auth = new google.auth.JWT({
          email: config.serviceAccount.email,
          key: config.serviceAccount.privateKey,
          scopes: CALENDAR_SCOPES,
          subject: connection?.subject || calendarId,
        });
        redirectTokenRequests(auth);
      } else {
        throw new NotConfiguredError(
          `calendar-sync: no Google credentials for ${calendarId} (set a service account or connect the calendar)`,
        );
      }
      const api = google.calendar({
        version: 'v3',
        auth,
        rootUrl: config.rootUrl,
        retry: false,
        timeout: config.requestTimeoutMs,
      } as unknown as calendar_v3.Options);
      clients.set(calendarId, { key, api });
      return api;
    },

    forget(calendarId: string) {
      clients.delete(calendarId);
    },

    /** freebusy.query for one calendar (each host has its own credentials / delegation subject). */
    async freeBusy(calendarId: string, from: Date, to: Date): Promise<Array<{ start: string; end: string }>> {
      const api = await service.client(calendarId);
      const { data } = await timedGoogleCall(strapi, 'freebusy.query', () =>
        api.freebusy.query({
          requestBody: { timeMin: from.toISOString(), timeMax: to.toISOString(), items: [{ id: calendarId }] },
        }),
      );
      const entry = data.calendars?.[calendarId];
      if (entry?.errors?.length)
        throw Object.assign(
          new Error(`freeBusy for ${calendarId}: ${entry.errors.map((error) => error.reason).join(', ')}`),
          { status: entry.errors[0].reason === 'notFound' ? 404 : 403, errors: entry.errors },
        );
      return (entry?.busy ?? [])
        .filter((interval) => interval.start && interval.end)
        .map((interval) => ({
          start: new Date(interval.start!).toISOString(),
          end: new Date(interval.end!).toISOString(),
        }));
    },
  };
  return service;
};
