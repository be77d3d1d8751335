import * as React from 'react';
import { ConfirmDialog, DataTable, useAdminAction, useAdminQuery, PluginPage } from '@magnetiq/plugin-kit/admin';
import { Badge, Box, Button, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { getTranslation } from '../utils/getTranslation';

interface Connection {
  calendarId: string;
  subject: string | null;
  method: 'oauth' | 'service-account';
  status: 'unknown' | 'ok' | 'reconnect' | 'error';
  needsReconnect: boolean;
  lastError: string | null;
  lastCheckedAt: string | null;
  connectedAt: string | null;
  disconnectedAt: string | null;
  /** the hosts and webinars that use this calendar */
  owners: Array<{ kind: 'host' | 'team'; name: string }>;
}

/** The Strapi error message of a failed admin request, if the answer had one. */
const errorMessage = (error: unknown): string | undefined => {
  const data = (error as { response?: { data?: { error?: { message?: unknown } } } } | null)?.response?.data;
  return typeof data?.error?.message === 'string' ? data.error.message : undefined;
};

/**
 * "Connect Google Calendar": the server signs a state for this admin and answers Google's
 * consent URL; the browser goes there and Google sends it back to the callback page.
 */
const ConnectGoogleButton = ({ calendarId, label }: { calendarId: string; label: string }) => {
  const { formatMessage } = useIntl();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [busy, setBusy] = React.useState(false);
  const start = async () => {
    setBusy(true);
    try {
      const { data } = await post<{ data: { url: string } }>('/calendar-sync/oauth/start', { calendarId });
      window.location.assign(data.data.url);
    } catch (error: unknown) {
      setBusy(false);
      toggleNotification({
        type: 'danger',
        message:
          errorMessage(error) ??
          formatMessage({
            id: getTranslation('oauth.startFailed'),
            defaultMessage: 'Could not start the Google sign-in',
          }),
      });
    }
  };
  return (
    <Button size="S" onClick={start} loading={busy}>
      {label}
    </Button>
  );
};

/** "Disconnect": the grant is revoked at Google, then the token is deleted. */
const DisconnectButton = ({ calendarId, onDone }: { calendarId: string; onDone: () => void }) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, string>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const disconnect = async () => {
    try {
      await post('/calendar-sync/connections/disconnect', { calendarId });
      toggleNotification({
        type: 'success',
        message: t('oauth.disconnected', 'Disconnected: Google access for {calendarId} is revoked.', { calendarId }),
      });
      onDone();
    } catch (error: unknown) {
      toggleNotification({
        type: 'danger',
        message: errorMessage(error) ?? t('oauth.disconnectFailed', 'Disconnecting failed'),
      });
    }
  };
  const label = t('oauth.disconnect', 'Disconnect');
  const question = t(
    'oauth.disconnectConfirm',
    'Revoke Magnetiq’s access to {calendarId} at Google? New bookings then no longer reach this calendar until it is connected again.',
    { calendarId },
  );
  return (
    <ConfirmDialog
      trigger={
        <Button size="S" variant="danger-light">
          {label}
        </Button>
      }
      title={label}
      cancelLabel={t('connect.cancel', 'Cancel')}
      confirmLabel={t('oauth.disconnectConfirmButton', 'Revoke and disconnect')}
      onConfirm={disconnect}
    >
      {question}
    </ConfirmDialog>
  );
};

const STATUS_COLOR = { ok: 'success600', reconnect: 'danger600', error: 'warning600', unknown: 'neutral600' } as const;

/** The service account's delegation subject of one calendar (hosts with their own account use "Connect Google Calendar"). */
const ConnectDialog = ({ calendarId, onDone, label }: { calendarId?: string; onDone: () => void; label: string }) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const { put } = useFetchClient();
  const action = useAdminAction(t('connect.failed', 'Saving failed'));
  const [form, setForm] = React.useState({ calendarId: calendarId ?? '', subject: '' });
  const subjectHint = t(
    'connect.subjectHint',
    'Service account only: the Workspace user to act as, if not the calendar id.',
  );
  const save = () =>
    action.run(async () => {
      await put('/calendar-sync/connections', { calendarId: form.calendarId.trim(), subject: form.subject.trim() });
      onDone();
      return t('connect.saved', 'Saved. Waiting events are sent with the next try.');
    });
  return (
    <ConfirmDialog
      trigger={
        <Button size="S" variant={calendarId ? 'secondary' : 'default'}>
          {label}
        </Button>
      }
      title={t('connect.title', 'Service account: act as a Workspace user')}
      cancelLabel={t('connect.cancel', 'Cancel')}
      confirmLabel={t('connect.save', 'Save')}
      confirmVariant="default"
      onConfirm={save}
      confirmDisabled={!form.calendarId.trim() || !form.subject.trim()}
    >
      <Flex direction="column" alignItems="stretch" gap={4} width="100%">
        <Field.Root name="calendarId" required>
          <Field.Label>{t('connect.calendarId', 'Calendar id (usually the host’s email)')}</Field.Label>
          <TextInput
            value={form.calendarId}
            disabled={!!calendarId}
            onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
              setForm({ ...form, calendarId: event.target.value })
            }
          />
        </Field.Root>
        <Field.Root name="subject" hint={subjectHint}>
          <Field.Label>{t('connect.subject', 'Delegation subject')}</Field.Label>
          <TextInput
            value={form.subject}
            onChange={(event: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, subject: event.target.value })}
          />
          <Field.Hint />
        </Field.Root>
      </Flex>
    </ConfirmDialog>
  );
};

/** Every Google calendar Magnetiq talks to, how, and whether it works. */
export const ConnectionsPage = () => {
  const { formatMessage, formatDate } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const connections = useAdminQuery<{ data: Connection[]; meta: { configured: boolean; oauth: boolean } }>(
    '/calendar-sync/connections',
  );
  const title = t('page.title', 'Calendar sync');
  if (!connections.data && connections.error) return <Page.Error />;
  if (!connections.data) return <Page.Loading />;
  const rows = connections.data.data;
  const oauth = connections.data.meta.oauth;
  return (
    <PluginPage
      title={title}
      subtitle={t('page.subtitle', 'Google calendars of the booking hosts: free/busy and events')}
      primaryAction={<ConnectDialog label={t('connect.new', 'Service account subject')} onDone={connections.refetch} />}
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        {!connections.data.meta.configured && (
          <Box background="warning100" padding={3} hasRadius>
            <Typography textColor="warning700">
              {t(
                'notConfigured',
                'No Google credentials are configured (GOOGLE_SERVICE_ACCOUNT_* or GOOGLE_OAUTH_*). Bookings work without busy times; calendar events wait until credentials exist.',
              )}
            </Typography>
          </Box>
        )}
        {rows.some((row) => row.needsReconnect) && (
          <Box background="danger100" padding={3} hasRadius>
            <Typography textColor="danger700">
              {t(
                'reconnect.banner',
                'Google refused the credentials of a calendar: reconnect the calendar. Its events wait until then.',
              )}
            </Typography>
          </Box>
        )}
        {rows.length === 0 ? (
          <Typography textColor="neutral600">
            {t(
              'list.empty',
              'No calendar yet. A host’s calendar (its calendar id in the Content Manager) or a webinar’s team calendar appears here.',
            )}
          </Typography>
        ) : (
          <DataTable
            rows={rows}
            rowKey={(row) => row.calendarId}
            columns={[
              { label: t('list.calendar', 'Calendar'), cell: (row) => row.calendarId },
              {
                label: t('list.owners', 'Used by'),
                cell: (row) =>
                  row.owners
                    .map((owner) =>
                      owner.kind === 'host' ? owner.name : `${t('owner.webinar', 'Webinar')}: ${owner.name}`,
                    )
                    .join(', ') || '—',
              },
              {
                label: t('list.method', 'Access'),
                cell: (row) =>
                  row.method === 'oauth' ? t('method.oauth', 'Host’s own account') : t('method.sa', 'Service account'),
              },
              {
                label: t('list.status', 'Status'),
                cell: (row) => (
                  <>
                    <Badge textColor={STATUS_COLOR[row.status]}>
                      {row.needsReconnect
                        ? t('status.disconnected', 'Disconnected: connect again')
                        : t(`status.${row.status}`, row.status)}
                    </Badge>
                    {row.lastError && (
                      <Typography variant="pi" tag="p" textColor="neutral600">
                        {row.lastError}
                      </Typography>
                    )}
                  </>
                ),
              },
              {
                label: t('list.checked', 'Last checked'),
                cell: (row) =>
                  row.lastCheckedAt ? formatDate(row.lastCheckedAt, { dateStyle: 'short', timeStyle: 'short' }) : '—',
              },
              {
                label: t('list.actions', 'Actions'),
                cell: (row) => (
                  <Flex gap={2}>
                    {oauth && (row.method !== 'oauth' || row.needsReconnect) && (
                      <ConnectGoogleButton
                        calendarId={row.calendarId}
                        label={
                          row.method === 'oauth'
                            ? t('oauth.reconnect', 'Reconnect Google Calendar')
                            : t('oauth.connect', 'Connect Google Calendar')
                        }
                      />
                    )}
                    {row.method === 'oauth' && (
                      <DisconnectButton calendarId={row.calendarId} onDone={connections.refetch} />
                    )}
                    {row.method !== 'oauth' && (
                      <ConnectDialog
                        calendarId={row.calendarId}
                        label={t('connect.subjectButton', 'Subject')}
                        onDone={connections.refetch}
                      />
                    )}
                  </Flex>
                ),
              },
            ]}
          />
        )}
      </Flex>
    </PluginPage>
  );
};
