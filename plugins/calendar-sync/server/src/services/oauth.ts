import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { Auth, google } from 'googleapis';
import { classifyGoogleError } from '../domain/google-errors';
import { missingScopes, signState, stateSecret, verifyState } from '../domain/oauth-state';
import { decryptToken, encryptToken } from '../domain/token-crypto';
import { CALENDAR_SCOPES, getConfig, getService, timedGoogleCall, UID } from '../utils';

const OAUTH_STATES_TABLE = 'calendar_sync_oauth_states';

/** The OAuth error code (RFC 6749 5.2) of a failed token or revoke request, if Google sent one. */
const oauthErrorOf = (error: unknown): string | undefined => {
  const data = (error as { response?: { data?: unknown } } | null)?.response?.data;
  return data && typeof data === 'object' && typeof (data as { error?: unknown }).error === 'string'
    ? (data as { error: string }).error
    : undefined;
};

/**
 * "Connect Google Calendar": the authorization-code flow with PKCE (S256) through
 * google-auth-library's OAuth2 client. `start` writes a pending row (nonce, admin user,
 * calendar, encrypted PKCE verifier) and answers Google's consent URL with a signed `state`;
 * Google sends the browser back to the admin page `redirectUri`, which posts code and state to
 * `complete` with the admin's own session. `complete` accepts the state only for the admin who
 * started it, before its expiry, once; then it exchanges the code with the verifier and stores
 * the refresh token encrypted (ADR 0016). `disconnect` revokes the grant at Google, then
 * forgets the token.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => getConfig(strapi).oauth;
  const connections = () => getService(strapi, 'connections');
  const knex = () => strapi.db.connection;

  const client = (): Auth.OAuth2Client => {
    const { clientId, clientSecret, authUrl, revokeUrl, redirectUri } = config();
    return new google.auth.OAuth2({
      clientId,
      clientSecret,
      redirectUri,
      endpoints: { oauth2AuthBaseUrl: authUrl, oauth2TokenUrl: getConfig(strapi).tokenUrl, oauth2RevokeUrl: revokeUrl },
    });
  };

  const secret = () => stateSecret(connections().keyring().current.key);

  const requireConfigured = () => {
    if (!config().clientId)
      throw new errors.ApplicationError(
        'No Google OAuth client is configured (GOOGLE_OAUTH_CLIENT_ID, GOOGLE_OAUTH_CLIENT_SECRET): see docs/google-calendar.md',
      );
    if (!config().redirectUri)
      throw new errors.ApplicationError('GOOGLE_OAUTH_REDIRECT_URI is not set: see docs/google-calendar.md');
  };

  // a 403 with our message: Strapi answers any other ForbiddenError thrown behind a route as a
  // bare "Forbidden" (compose-endpoint lets only PolicyError's message through)
  const refused = (message: string): never => {
    throw new errors.PolicyError(message, { reason: 'oauth-state' });
  };

  /** Revokes a refresh token at Google. true = revoked now or already dead there (invalid_token). */
  const revoke = async (token: string): Promise<boolean> => {
    try {
      await timedGoogleCall(strapi, 'oauth.revoke', () => client().revokeToken(token));
      return true;
    } catch (error) {
      if (oauthErrorOf(error) === 'invalid_token') return true;
      strapi.log.warn(`calendar-sync: revoking a refresh token failed: ${classifyGoogleError(error).message}`);
      return false;
    }
  };

  return {
    configured() {
      return Boolean(config().clientId && config().redirectUri);
    },

    /** Step 1: the consent URL for this admin user and calendar. */
    async start(adminUserId: number, calendarId: string): Promise<{ url: string; expiresAt: string }> {
      requireConfigured();
      const now = Date.now();
      // abandoned flows (the admin closed the tab on Google's page) go on the next start
      await knex()(OAUTH_STATES_TABLE).where('expires_at', '<', new Date(now)).delete();
      const oauth = client();
      const { codeVerifier, codeChallenge } = await oauth.generateCodeVerifierAsync();
      const nonce = randomBytes(24).toString('base64url');
      const expiresAt = now + config().stateTtlMs;
      await strapi.db.query(UID.oauthState).create({
        data: {
          nonce,
          adminUserId,
          calendarId,
          codeVerifier: encryptToken(codeVerifier, connections().keyring(), `oauth-state:${nonce}`),
          expiresAt: new Date(expiresAt),
        },
      });
      const state = signState({ nonce, adminUserId, calendarId, expiresAt }, secret());
      const url = oauth.generateAuthUrl({
        access_type: 'offline',
        prompt: 'consent',
        scope: CALENDAR_SCOPES,
        state,
        code_challenge: codeChallenge,
        code_challenge_method: Auth.CodeChallengeMethod.S256,
        // the host signs in with the account of this calendar (Google preselects it)
        ...(calendarId.includes('@') ? { login_hint: calendarId } : {}),
      });
      return { url, expiresAt: new Date(expiresAt).toISOString() };
    },

    /** Step 2: Google's answer, posted by the admin page Google redirected to. */
    async complete(adminUserId: number, input: { state: string; code?: string; error?: string }) {
      requireConfigured();
      const verdict = verifyState(input.state, secret(), Date.now());
      if (!verdict.ok)
        return refused(
          verdict.reason === 'expired'
            ? 'The Google sign-in took too long: start "Connect Google Calendar" again'
            : 'This answer from Google was not started here: start "Connect Google Calendar" again',
        );
      const { claims } = verdict;
      if (claims.adminUserId !== adminUserId) return refused('This Google sign-in was started by another admin user');
      // single use: whoever deletes the row owns the flow; a replayed state finds nothing
      const [pending] = (await knex()(OAUTH_STATES_TABLE)
        .where({ nonce: claims.nonce })
        .delete()
        .returning(['admin_user_id', 'calendar_id', 'code_verifier', 'expires_at'])) as Array<{
        admin_user_id: number;
        calendar_id: string;
        code_verifier: string;
        expires_at: Date;
      }>;
      if (
        !pending ||
        pending.admin_user_id !== adminUserId ||
        pending.calendar_id !== claims.calendarId ||
        new Date(pending.expires_at).getTime() <= Date.now()
      ) {
        return refused('This Google sign-in was already used or has expired: start "Connect Google Calendar" again');
      }
      if (input.error)
        throw new errors.ValidationError(
          input.error === 'access_denied'
            ? 'Access to the Google calendar was not granted'
            : `Google answered: ${input.error.slice(0, 100)}`,
        );
      if (!input.code) throw new errors.ValidationError('Google sent no authorization code');

      const { token: codeVerifier } = decryptToken(
        pending.code_verifier,
        connections().keyring(),
        `oauth-state:${claims.nonce}`,
      );
      let tokens: Auth.Credentials;
      try {
        ({ tokens } = await timedGoogleCall(strapi, 'oauth.token', () =>
          client().getToken({ code: input.code!, codeVerifier, redirect_uri: config().redirectUri }),
        ));
      } catch (error) {
        const code = oauthErrorOf(error);
        if (code === 'invalid_grant')
          throw new errors.ValidationError(
            'Google refused the authorization code (expired, used, or the PKCE verifier does not match): connect again',
          );
        if (code === 'invalid_client' || code === 'unauthorized_client')
          throw new errors.ApplicationError(
            'Google refused the OAuth client: check GOOGLE_OAUTH_CLIENT_ID and GOOGLE_OAUTH_CLIENT_SECRET',
          );
        throw new errors.ApplicationError(`Google's token endpoint failed: ${classifyGoogleError(error).message}`);
      }
      if (!tokens.refresh_token)
        throw new errors.ApplicationError(
          'Google sent no refresh token (access_type=offline was not honoured): connect again',
        );
      const missing = missingScopes(tokens.scope, CALENDAR_SCOPES);
      if (missing.length > 0) {
        // the host unticked a permission on Google's page: without it bookings cannot work, so the grant is given back
        await revoke(tokens.refresh_token);
        throw new errors.ValidationError(
          `Google did not grant every permission we need (${missing.map((scope) => scope.replace('https://www.googleapis.com/auth/', '')).join(', ')}): connect again and leave them ticked`,
        );
      }
      const previous = await connections()
        .credentials(claims.calendarId)
        .catch(() => null);
      const connection = await connections().connectOAuth(claims.calendarId, tokens.refresh_token, adminUserId);
      // a reconnect replaces the old grant: give it back instead of leaving it live at Google
      if (previous?.refreshToken && previous.refreshToken !== tokens.refresh_token) await revoke(previous.refreshToken);
      return connection;
    },

    /** "Disconnect": the grant is revoked at Google, then the token is deleted here. */
    async disconnect(calendarId: string) {
      const credentials = await connections().credentials(calendarId);
      if (!credentials?.refreshToken)
        throw new errors.NotFoundError('This calendar is not connected with a Google account');
      if (!(await revoke(credentials.refreshToken))) {
        throw new errors.ApplicationError(
          'Google did not confirm the revocation (not reachable): the connection is kept, try again',
        );
      }
      return connections().forgetOAuth(calendarId);
    },

    /** Revokes without deleting (used for a grant that must be given back). */
    revoke,
  };
};
