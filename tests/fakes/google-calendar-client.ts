import { inject } from 'vitest';
import type { FakeEvent, PlannedGoogleFailure } from './google-calendar';
import type { FakeConsent, FakeGrant } from './google-calendar-oauth';

const control = async (path: string, method = 'POST', body?: unknown) => {
  const response = await fetch(`${inject('googleUrl')}/__fake/${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(5000),
  });
  return response.json();
};

/** Test-side controls of the fake Google Calendar started by the global setup. */
export const fakeGoogle = {
  async state(): Promise<{
    events: FakeEvent[];
    calls: Array<{ method: string; path: string; status: number; eventId?: string }>;
    grants: FakeGrant[];
    authorizations: Array<{
      user: string | null;
      clientId: string | null;
      scope: string | null;
      accessType: string | null;
      prompt: string | null;
      codeChallengeMethod: string | null;
      redirectUri: string | null;
    }>;
  }> {
    return control('state', 'GET');
  },
  async events(calendarId?: string): Promise<FakeEvent[]> {
    return (await this.state()).events.filter((event) => !calendarId || event.calendarId === calendarId);
  },
  async event(eventId: string): Promise<FakeEvent | undefined> {
    return (await this.state()).events.find((event) => event.id === eventId);
  },
  fail: (failure: Partial<PlannedGoogleFailure> & { status: number }) =>
    control('fail', 'POST', { times: 1, target: 'any', ...failure }),
  clearFailures: () => control('fail', 'DELETE'),
  down: (down = true) => control('down', 'POST', { down }),
  busy: (calendarId: string, busy: Array<{ start: string; end: string }>) =>
    control('busy', 'POST', { calendarId, busy }),
  freeBusyDelay: (ms: number) => control('freebusy-delay', 'POST', { ms }),
  reset: () => control('reset'),
  /** how the next visit of the consent page goes (user, deny, unticked scopes) */
  consent: (consent: FakeConsent) => control('consent', 'POST', consent),
  /** the user revokes Magnetiq's access in their Google account: refreshes then get invalid_grant */
  revokeUser: (user: string) => control('revoke-user', 'POST', { user }),
  async grants(user?: string): Promise<FakeGrant[]> {
    return (await this.state()).grants.filter((grant) => !user || grant.user === user);
  },
};
