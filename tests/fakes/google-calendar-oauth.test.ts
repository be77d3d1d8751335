/**
 * The fake Google's OAuth endpoints driven by google-auth-library's real OAuth2Client (the one
 * calendar-sync uses): consent with PKCE, code exchange, refresh, revoke, and the RFC 6749 error
 * shapes as calendar-sync classifies them.
 */
import crypto from 'node:crypto';
import { Auth, google } from 'googleapis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { classifyGoogleError } from '../../plugins/calendar-sync/server/src/domain/google-errors';
import { startFakeGoogleCalendar } from './google-calendar';

const USER = 'hanna@magnetiq.test';
const REDIRECT = 'http://127.0.0.1:1/admin/plugins/calendar-sync/oauth/callback';
const SCOPES = ['https://www.googleapis.com/auth/calendar.events', 'https://www.googleapis.com/auth/calendar.freebusy'];
const keys = crypto.generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
const oauthClient = {
  clientId: 'test-client.apps.googleusercontent.test',
  clientSecret: 'GOCSPX-test-secret',
  redirectUris: [REDIRECT],
};
let fake: Awaited<ReturnType<typeof startFakeGoogleCalendar>>;

const client = (secret = oauthClient.clientSecret) =>
  new google.auth.OAuth2({
    clientId: oauthClient.clientId,
    clientSecret: secret,
    redirectUri: REDIRECT,
    endpoints: {
      oauth2AuthBaseUrl: `${fake.url}/o/oauth2/v2/auth`,
      oauth2TokenUrl: `${fake.url}/token`,
      oauth2RevokeUrl: `${fake.url}/revoke`,
    },
  });

/** Visits the consent page as the browser would; returns the code Google sent back. */
async function authorize(oauth: Auth.OAuth2Client, codeChallenge: string, extra: Record<string, string> = {}) {
  const url = oauth.generateAuthUrl({
    access_type: 'offline',
    prompt: 'consent',
    scope: SCOPES,
    state: 'st',
    code_challenge: codeChallenge,
    code_challenge_method: Auth.CodeChallengeMethod.S256,
    login_hint: USER,
    ...extra,
  });
  const response = await fetch(url, { redirect: 'manual' });
  return response;
}

const failure = async (work: () => Promise<unknown>) => {
  try {
    await work();
  } catch (error) {
    return {
      classified: classifyGoogleError(error),
      body: (error as { response?: { data?: unknown } }).response?.data,
    };
  }
  throw new Error('expected the call to fail');
};

beforeAll(async () => {
  fake = await startFakeGoogleCalendar({
    serviceAccountEmail: 'sa@magnetiq-test.iam.gserviceaccount.com',
    publicKey: keys.publicKey,
    oauthClient,
  });
});
afterAll(async () => fake?.close());
beforeEach(() => fake.reset());

describe('fake Google OAuth 2.0 (web server flow)', () => {
  it('consents, exchanges the code with the PKCE verifier, refreshes, reaches the calendar and revokes', async () => {
    const oauth = client();
    const { codeVerifier, codeChallenge } = await oauth.generateCodeVerifierAsync();
    const consent = await authorize(oauth, codeChallenge!);
    expect(consent.status).toBe(302);
    const back = new URL(consent.headers.get('location')!);
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    expect(back.searchParams.get('state')).toBe('st');
    const { tokens } = await oauth.getToken({ code: back.searchParams.get('code')!, codeVerifier });
    expect(tokens.refresh_token).toMatch(/^1\/\//);
    expect(tokens.scope?.split(' ').sort()).toEqual([...SCOPES].sort());

    // a fresh client with only the refresh token, as calendar-sync keeps it
    const stored = client();
    stored.setCredentials({ refresh_token: tokens.refresh_token });
    const calendar = google.calendar({ version: 'v3', auth: stored, rootUrl: `${fake.url}/` });
    const busy = await calendar.freebusy.query({
      requestBody: { timeMin: '2026-03-02T00:00:00Z', timeMax: '2026-03-03T00:00:00Z', items: [{ id: USER }] },
    });
    expect(busy.data.calendars?.[USER]?.busy).toEqual([]);

    await oauth.revokeToken(tokens.refresh_token!);
    const after = client();
    after.setCredentials({ refresh_token: tokens.refresh_token });
    const refused = await failure(() => after.getAccessToken());
    expect(refused.body).toEqual({ error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
    expect(refused.classified.kind).toBe('reconnect');
    const again = await failure(() => oauth.revokeToken(tokens.refresh_token!));
    expect(again.body).toEqual({ error: 'invalid_token', error_description: 'Token expired or revoked' });
  });

  it.each([
    [
      'another verifier (PKCE mismatch)',
      async (oauth: Auth.OAuth2Client, code: string) =>
        oauth.getToken({ code, codeVerifier: (await oauth.generateCodeVerifierAsync()).codeVerifier }),
    ],
    ['no verifier', async (oauth: Auth.OAuth2Client, code: string) => oauth.getToken({ code })],
    [
      'a code used twice',
      async (oauth: Auth.OAuth2Client, code: string, verifier: string) => {
        await oauth.getToken({ code, codeVerifier: verifier });
        return oauth.getToken({ code, codeVerifier: verifier });
      },
    ],
  ])('answers invalid_grant for %s', async (_name, exchange) => {
    const oauth = client();
    const { codeVerifier, codeChallenge } = await oauth.generateCodeVerifierAsync();
    const code = new URL((await authorize(oauth, codeChallenge!)).headers.get('location')!).searchParams.get('code')!;
    const refused = await failure(() => exchange(oauth, code, codeVerifier));
    expect(refused.body).toMatchObject({ error: 'invalid_grant' });
    expect(refused.classified.kind).toBe('reconnect');
  });

  it('refuses a wrong client secret (invalid_client) and an unregistered redirect URI (Google’s error page)', async () => {
    const oauth = client();
    const { codeVerifier, codeChallenge } = await oauth.generateCodeVerifierAsync();
    const code = new URL((await authorize(oauth, codeChallenge!)).headers.get('location')!).searchParams.get('code')!;
    const wrongSecret = await failure(() => client('GOCSPX-wrong').getToken({ code, codeVerifier }));
    expect(wrongSecret.body).toMatchObject({ error: 'invalid_client' });
    const page = await authorize(oauth, codeChallenge!, { redirect_uri: 'https://evil.example/callback' });
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('redirect_uri_mismatch');
  });

  it('lets a test make the user deny or untick a scope', async () => {
    const oauth = client();
    const { codeChallenge } = await oauth.generateCodeVerifierAsync();
    await fetch(`${fake.url}/__fake/consent`, { method: 'POST', body: JSON.stringify({ deny: true }) });
    expect(new URL((await authorize(oauth, codeChallenge!)).headers.get('location')!).searchParams.get('error')).toBe(
      'access_denied',
    );
    await fetch(`${fake.url}/__fake/consent`, { method: 'POST', body: JSON.stringify({ scopes: [SCOPES[0]] }) });
    expect(new URL((await authorize(oauth, codeChallenge!)).headers.get('location')!).searchParams.get('scope')).toBe(
      SCOPES[0],
    );
  });
});
