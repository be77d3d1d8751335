/**
 * Google's OAuth 2.0 for web server applications, as the fake Google Calendar serves it
 * (https://developers.google.com/identity/protocols/oauth2/web-server):
 * - GET  /o/oauth2/v2/auth   the consent page. The fake consents at once, as a user who clicks
 *   "Allow" would: 302 to `redirect_uri?code=…&state=…&scope=…`. The user is `login_hint`, or
 *   the one a test chose (`/__fake/consent`); a test can also make the user deny
 *   (`error=access_denied`) or untick a scope (granular consent). Bad requests get Google's
 *   error page: 400 with `Error 400: invalid_request` / `redirect_uri_mismatch`.
 * - POST /token `grant_type=authorization_code`: client authentication (client_secret_post or
 *   HTTP Basic), the code (single use, 10 minutes, same redirect_uri), the PKCE verifier
 *   (S256: base64url(SHA-256(code_verifier)) must equal the challenge) → `{ access_token,
 *   expires_in, refresh_token, scope, token_type }`; `grant_type=refresh_token`.
 *   Errors as RFC 6749 5.2: `{ "error": "invalid_grant", "error_description": "…" }`.
 * - POST /revoke `token=…` (query or form): 200 `{}`; an unknown or revoked token →
 *   400 `{ "error": "invalid_token", "error_description": "Token expired or revoked" }`.
 *   Revoking a refresh token also ends the access tokens issued from it.
 */
import crypto from 'node:crypto';
import type http from 'node:http';

export interface FakeOAuthClient {
  clientId: string;
  clientSecret: string;
  /** exact redirect URIs registered for the client; empty = any http(s) URI (tests that start several CMS) */
  redirectUris?: string[];
}

export interface FakeGrant {
  user: string;
  refreshToken: string;
  scope: string;
  clientId: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface FakeConsent {
  /** who consents next (default: the login_hint) */
  user?: string;
  /** the next consent is denied */
  deny?: boolean;
  /** granular consent: the scopes the user leaves ticked (default: all asked for) */
  scopes?: string[];
}

type Answer = (status: number, body: unknown) => void;

interface PendingCode {
  user: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  challenge: string | null;
  method: string | null;
  offline: boolean;
  expiresAt: number;
}

const CODE_TTL_MS = 10 * 60_000;
const oauthError = (error: string, description: string) => ({ error, error_description: description });
const s256 = (verifier: string) => crypto.createHash('sha256').update(verifier).digest('base64url');

export function createFakeOAuth(options: {
  client?: FakeOAuthClient;
  issueAccessToken: (user: string, scope: string, refreshToken?: string) => Record<string, unknown>;
  revokeAccessTokens: (refreshToken: string) => void;
}) {
  let codes = new Map<string, PendingCode>();
  let grants = new Map<string, FakeGrant>();
  let consent: FakeConsent | null = null;
  const authorizations: Array<{
    user: string | null;
    clientId: string | null;
    scope: string | null;
    accessType: string | null;
    prompt: string | null;
    codeChallengeMethod: string | null;
    redirectUri: string | null;
  }> = [];

  const clientFrom = (req: http.IncomingMessage, form: URLSearchParams) => {
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (basic) {
      const [id, secret] = Buffer.from(basic, 'base64').toString('utf8').split(':');
      return { id: decodeURIComponent(id ?? ''), secret: decodeURIComponent(secret ?? '') };
    }
    return { id: form.get('client_id') ?? '', secret: form.get('client_secret') ?? '' };
  };

  const authenticated = (req: http.IncomingMessage, form: URLSearchParams) => {
    const client = options.client;
    const given = clientFrom(req, form);
    return Boolean(client && given.id === client.clientId && given.secret === client.clientSecret);
  };

  const redirectAllowed = (uri: string) => {
    const registered = options.client?.redirectUris ?? [];
    if (registered.length > 0) return registered.includes(uri);
    return /^https?:\/\//.test(uri);
  };

  return {
    reset() {
      codes = new Map();
      grants = new Map();
      consent = null;
      authorizations.length = 0;
    },

    state() {
      return { grants: [...grants.values()], authorizations: [...authorizations] };
    },

    setConsent(next: FakeConsent | null) {
      consent = next;
    },

    /** The test controls of the old refresh-token API: accept a token for a user, or revoke it. */
    setRefreshToken(token: string, user: string, revoked: boolean) {
      if (revoked) {
        const grant = grants.get(token);
        if (grant) grant.revokedAt = new Date().toISOString();
        options.revokeAccessTokens(token);
        return;
      }
      grants.set(token, {
        user,
        refreshToken: token,
        scope: 'https://www.googleapis.com/auth/calendar.events https://www.googleapis.com/auth/calendar.freebusy',
        clientId: options.client?.clientId ?? '',
        createdAt: new Date().toISOString(),
        revokedAt: null,
      });
    },

    /** Revokes every live grant of a user, as the user does in their Google account's security page. */
    revokeUser(user: string) {
      let count = 0;
      for (const grant of grants.values()) {
        if (grant.user === user && !grant.revokedAt) {
          grant.revokedAt = new Date().toISOString();
          options.revokeAccessTokens(grant.refreshToken);
          count += 1;
        }
      }
      return count;
    },

    /** GET /o/oauth2/v2/auth */
    authorize(url: URL, res: http.ServerResponse) {
      const params = url.searchParams;
      const clientId = params.get('client_id');
      const redirectUri = params.get('redirect_uri');
      const scope = params.get('scope');
      const challenge = params.get('code_challenge');
      const method = params.get('code_challenge_method');
      const user = consent?.user ?? params.get('login_hint');
      authorizations.push({
        user,
        clientId,
        scope,
        accessType: params.get('access_type'),
        prompt: params.get('prompt'),
        codeChallengeMethod: method,
        redirectUri,
      });
      const errorPage = (error: string, description: string) => {
        res.writeHead(400, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(
          `<!doctype html><title>Error 400: ${error}</title><h1>Access blocked: authorization error</h1><p>Error 400: ${error}</p><p>${description}</p>`,
        );
      };
      if (!options.client || clientId !== options.client.clientId)
        return errorPage('invalid_client', 'The OAuth client was not found.');
      if (!redirectUri || !redirectAllowed(redirectUri))
        return errorPage(
          'redirect_uri_mismatch',
          `You can't sign in to this app because it doesn't comply with Google's OAuth 2.0 policy. redirect_uri=${redirectUri ?? ''}`,
        );
      if (params.get('response_type') !== 'code') return errorPage('invalid_request', 'Invalid response_type');
      if (!scope) return errorPage('invalid_request', 'Missing required parameter: scope');
      if (challenge && method !== 'S256' && method !== 'plain')
        return errorPage('invalid_request', 'Invalid code_challenge_method');
      if (!user)
        return errorPage('invalid_request', 'No user signed in (the fake needs login_hint or /__fake/consent)');

      const back = new URL(redirectUri);
      const state = params.get('state');
      if (consent?.deny) {
        consent = null;
        back.searchParams.set('error', 'access_denied');
        if (state !== null) back.searchParams.set('state', state);
        res.writeHead(302, { Location: back.toString() });
        res.end();
        return;
      }
      const asked = scope.split(' ').filter(Boolean);
      const granted = consent?.scopes ? asked.filter((entry) => consent!.scopes!.includes(entry)) : asked;
      consent = null;
      const code = `4/0fake-${crypto.randomBytes(18).toString('base64url')}`;
      codes.set(code, {
        user,
        clientId: clientId!,
        redirectUri,
        scope: granted.join(' '),
        challenge,
        method,
        offline: params.get('access_type') === 'offline',
        expiresAt: Date.now() + CODE_TTL_MS,
      });
      back.searchParams.set('code', code);
      if (state !== null) back.searchParams.set('state', state);
      back.searchParams.set('scope', granted.join(' '));
      back.searchParams.set('authuser', '0');
      back.searchParams.set('prompt', 'consent');
      res.writeHead(302, { Location: back.toString() });
      res.end();
    },

    /** POST /token with grant_type authorization_code or refresh_token; null for other grants. */
    token(req: http.IncomingMessage, form: URLSearchParams, answer: Answer): boolean {
      const grant = form.get('grant_type');
      if (grant !== 'authorization_code' && grant !== 'refresh_token') return false;
      if (!authenticated(req, form)) {
        answer(401, oauthError('invalid_client', 'The OAuth client was not found.'));
        return true;
      }
      if (grant === 'refresh_token') {
        const stored = grants.get(form.get('refresh_token') ?? '');
        if (!stored || stored.revokedAt) {
          answer(400, oauthError('invalid_grant', 'Token has been expired or revoked.'));
          return true;
        }
        answer(200, options.issueAccessToken(stored.user, stored.scope, stored.refreshToken));
        return true;
      }
      const code = form.get('code') ?? '';
      const pending = codes.get(code);
      // a code works once: Google answers a second exchange as it answers an unknown code
      codes.delete(code);
      if (!pending || pending.expiresAt < Date.now()) {
        answer(400, oauthError('invalid_grant', 'Malformed auth code.'));
        return true;
      }
      if (pending.clientId !== clientFrom(req, form).id) {
        answer(400, oauthError('invalid_grant', 'Bad Request'));
        return true;
      }
      if (form.get('redirect_uri') !== pending.redirectUri) {
        answer(400, oauthError('redirect_uri_mismatch', 'Bad Request'));
        return true;
      }
      if (pending.challenge) {
        const verifier = form.get('code_verifier');
        if (!verifier) {
          answer(400, oauthError('invalid_grant', 'Missing code verifier.'));
          return true;
        }
        const expected = pending.method === 'plain' ? verifier : s256(verifier);
        if (expected !== pending.challenge) {
          answer(400, oauthError('invalid_grant', 'Invalid code verifier.'));
          return true;
        }
      }
      let refreshToken: string | undefined;
      if (pending.offline) {
        refreshToken = `1//0fake-${crypto.randomBytes(24).toString('base64url')}`;
        grants.set(refreshToken, {
          user: pending.user,
          refreshToken,
          scope: pending.scope,
          clientId: pending.clientId,
          createdAt: new Date().toISOString(),
          revokedAt: null,
        });
      }
      answer(200, {
        ...options.issueAccessToken(pending.user, pending.scope, refreshToken),
        ...(refreshToken ? { refresh_token: refreshToken } : {}),
      });
      return true;
    },

    /** POST /revoke */
    revoke(url: URL, raw: string, answer: Answer) {
      const token = url.searchParams.get('token') ?? new URLSearchParams(raw).get('token') ?? '';
      const stored = grants.get(token);
      if (!stored || stored.revokedAt) return answer(400, oauthError('invalid_token', 'Token expired or revoked'));
      stored.revokedAt = new Date().toISOString();
      options.revokeAccessTokens(token);
      return answer(200, {});
    },
  };
}
