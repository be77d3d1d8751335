import { PluginPage } from '@magnetiq/plugin-kit/admin';
import * as React from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useLocation, useNavigate } from 'react-router-dom';
import { PLUGIN_ID } from '../pluginId';
import { getTranslation } from '../utils/getTranslation';

type Outcome = { state: 'working' } | { state: 'connected'; calendarId: string } | { state: 'failed'; message: string };

/**
 * Google sends the admin's browser here (GOOGLE_OAUTH_REDIRECT_URI) with `code` and `state`, or
 * `error`. The page posts them to the server with this admin's own session, which checks that
 * the same admin started the flow; the code never reaches any other page.
 */
export const OAuthCallbackPage = () => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, string>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const { post } = useFetchClient();
  const { search } = useLocation();
  const navigate = useNavigate();
  const [outcome, setOutcome] = React.useState<Outcome>({ state: 'working' });
  // the code works once: React's strict mode must not post it twice
  const posted = React.useRef(false);

  React.useEffect(() => {
    if (posted.current) return;
    posted.current = true;
    const params = new URLSearchParams(search);
    const body = {
      state: params.get('state') ?? '',
      ...(params.get('code') ? { code: params.get('code')! } : {}),
      ...(params.get('error') ? { error: params.get('error')! } : {}),
    };
    // the code and state leave the address bar (and the browser history) at once
    window.history.replaceState(null, '', window.location.pathname);
    post<{ data: { calendarId: string } }>('/calendar-sync/oauth/callback', body)
      .then(({ data }) => setOutcome({ state: 'connected', calendarId: data.data.calendarId }))
      .catch((error: unknown) => {
        const message = (error as { response?: { data?: { error?: { message?: unknown } } } } | null)?.response?.data
          ?.error?.message;
        setOutcome({ state: 'failed', message: typeof message === 'string' ? message : 'Connecting failed' });
      });
  }, [post, search]);

  const title = t('oauth.title', 'Connect Google Calendar');
  return (
    <PluginPage title={title}>
      <Flex direction="column" alignItems="flex-start" gap={4}>
        {outcome.state === 'working' && <Typography>{t('oauth.working', 'Finishing the Google sign-in…')}</Typography>}
        {outcome.state === 'connected' && (
          <Box background="success100" padding={3} hasRadius>
            <Typography textColor="success700">
              {t(
                'oauth.connected',
                'Connected: {calendarId} now gets the booking events and its busy times are checked.',
                { calendarId: outcome.calendarId },
              )}
            </Typography>
          </Box>
        )}
        {outcome.state === 'failed' && (
          <Box background="danger100" padding={3} hasRadius>
            <Typography textColor="danger700">{outcome.message}</Typography>
          </Box>
        )}
        {outcome.state !== 'working' && (
          <Button onClick={() => navigate(`/plugins/${PLUGIN_ID}`)} variant="secondary">
            {t('oauth.back', 'Back to the calendars')}
          </Button>
        )}
      </Flex>
    </PluginPage>
  );
};
