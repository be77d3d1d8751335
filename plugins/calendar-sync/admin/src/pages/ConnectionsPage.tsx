import * as React from 'react';
import { TableHead, useAdminAction, useAdminQuery } from '@magnetiq/plugin-kit/admin';
import { Badge, Box, Button, Dialog, Field, Flex, Table, Tbody, Td, TextInput, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
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
}

const STATUS_COLOR = { ok: 'success600', reconnect: 'danger600', error: 'warning600', unknown: 'neutral600' } as const;

/** Connect (or reconnect) one calendar: the host's OAuth refresh token, or the delegation subject. */
const ConnectDialog = ({ calendarId, onDone, label }: { calendarId?: string; onDone: () => void; label: string }) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const { put } = useFetchClient();
  const action = useAdminAction(t('connect.failed', 'Saving failed'));
  const [open, setOpen] = React.useState(false);
  const [form, setForm] = React.useState({ calendarId: calendarId ?? '', subject: '', refreshToken: '' });
  const save = () =>
    action.run(async () => {
      await put('/calendar-sync/connections', { calendarId: form.calendarId.trim(), ...(form.subject ? { subject: form.subject.trim() } : {}), ...(form.refreshToken ? { refreshToken: form.refreshToken.trim() } : {}) });
      setOpen(false);
      onDone();
      return t('connect.saved', 'Saved. Waiting events are sent with the next try.');
    });
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger>
        <Button size="S" variant={calendarId ? 'secondary' : 'default'}>{label}</Button>
      </Dialog.Trigger>
      <Dialog.Content>
        <Dialog.Header>{t('connect.title', 'Connect a Google calendar')}</Dialog.Header>
        <Dialog.Body>
          <Flex direction="column" alignItems="stretch" gap={4} width="100%">
            <Field.Root name="calendarId" required>
              <Field.Label>{t('connect.calendarId', 'Calendar id (usually the host’s email)')}</Field.Label>
              <TextInput value={form.calendarId} disabled={!!calendarId} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, calendarId: event.target.value })} />
            </Field.Root>
            <Field.Root name="refreshToken" hint={t('connect.refreshHint', 'From the host’s OAuth consent (Google OAuth client of this CMS). Leave empty to use the service account.')}>
              <Field.Label>{t('connect.refreshToken', 'OAuth refresh token')}</Field.Label>
              <TextInput type="password" value={form.refreshToken} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, refreshToken: event.target.value })} />
              <Field.Hint />
            </Field.Root>
            <Field.Root name="subject" hint={t('connect.subjectHint', 'Service account only: the Workspace user to act as, if not the calendar id.')}>
              <Field.Label>{t('connect.subject', 'Delegation subject')}</Field.Label>
              <TextInput value={form.subject} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, subject: event.target.value })} />
              <Field.Hint />
            </Field.Root>
          </Flex>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button variant="tertiary">{t('connect.cancel', 'Cancel')}</Button>
          </Dialog.Cancel>
          <Button onClick={save} disabled={!form.calendarId.trim() || (!form.refreshToken && !form.subject)}>
            {t('connect.save', 'Save')}
          </Button>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};

/** Every Google calendar Magnetiq talks to, how, and whether it works. */
export const ConnectionsPage = () => {
  const { formatMessage, formatDate } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const connections = useAdminQuery<{ data: Connection[]; meta: { configured: boolean } }>('/calendar-sync/connections');
  const title = t('page.title', 'Calendar sync');
  if (!connections.data && connections.error) return <Page.Error />;
  if (!connections.data) return <Page.Loading />;
  const rows = connections.data.data;
  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header title={title} subtitle={t('page.subtitle', 'Google calendars of the booking hosts: free/busy and events')} primaryAction={<ConnectDialog label={t('connect.new', 'Connect a calendar')} onDone={connections.refetch} />} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {!connections.data.meta.configured && (
            <Box background="warning100" padding={3} hasRadius>
              <Typography textColor="warning700">
                {t('notConfigured', 'No Google credentials are configured (GOOGLE_SERVICE_ACCOUNT_* or GOOGLE_OAUTH_*). Bookings work without busy times; calendar events wait until credentials exist.')}
              </Typography>
            </Box>
          )}
          {rows.some((row) => row.needsReconnect) && (
            <Box background="danger100" padding={3} hasRadius>
              <Typography textColor="danger700">{t('reconnect.banner', 'Google refused the credentials of a calendar: reconnect the calendar. Its events wait until then.')}</Typography>
            </Box>
          )}
          {rows.length === 0 ? (
            <Typography textColor="neutral600">{t('list.empty', 'No calendar used yet. A host’s calendar appears here after its first free/busy query or event.')}</Typography>
          ) : (
            <Table colCount={5} rowCount={rows.length + 1}>
              <TableHead columns={[t('list.calendar', 'Calendar'), t('list.method', 'Access'), t('list.status', 'Status'), t('list.checked', 'Last checked'), t('list.actions', 'Actions')]} />
              <Tbody>
                {rows.map((row) => (
                  <Tr key={row.calendarId}>
                    <Td><Typography>{row.calendarId}</Typography></Td>
                    <Td><Typography>{row.method === 'oauth' ? t('method.oauth', 'Host’s own account') : t('method.sa', 'Service account')}</Typography></Td>
                    <Td>
                      <Badge textColor={STATUS_COLOR[row.status]}>{row.needsReconnect ? t('status.reconnect', 'Reconnect the calendar') : t(`status.${row.status}`, row.status)}</Badge>
                      {row.lastError && <Typography variant="pi" tag="p" textColor="neutral600">{row.lastError}</Typography>}
                    </Td>
                    <Td><Typography>{row.lastCheckedAt ? formatDate(row.lastCheckedAt, { dateStyle: 'short', timeStyle: 'short' }) : '—'}</Typography></Td>
                    <Td><ConnectDialog calendarId={row.calendarId} label={t('connect.reconnect', 'Reconnect')} onDone={connections.refetch} /></Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
