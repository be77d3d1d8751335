import * as React from 'react';
import { DataTable, PluginPage, useAdminQuery } from '@magnetiq/plugin-kit/admin';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Page, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { CapacityBar } from '../components/CapacityBar';
import { NewSessionForm } from '../components/NewSessionForm';
import { PERMISSIONS } from '../permissions';
import type { WebinarRow } from '../types';
import { getTranslation } from '../utils/getTranslation';

/** One line per webinar (its locales together) with its sessions, seats and a form for a new date. */
export const WebinarsPage = () => {
  const { formatMessage, formatDate } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const webinars = useAdminQuery<{ data: WebinarRow[] }>('/webinars/webinars');
  const { allowedActions } = useRBAC(PERMISSIONS.manage);
  const [adding, setAdding] = React.useState<string | null>(null);
  const title = t('page.title', 'Webinars');

  if (!webinars.data && webinars.error) return <Page.Error />;
  if (!webinars.data) return <Page.Loading />;
  // the draft side has a row per locale: show each webinar once, with its titles
  const byDocument = new Map<string, WebinarRow[]>();
  for (const row of webinars.data.data)
    byDocument.set(row.documentId, [...(byDocument.get(row.documentId) ?? []), row]);

  return (
    <PluginPage
      title={title}
      subtitle={t(
        'page.subtitle',
        'Sessions, seats and registrations. Write the webinars themselves in the Content Manager.',
      )}
    >
      {byDocument.size === 0 ? (
        <Typography textColor="neutral600">
          {t('list.empty', 'No webinars yet. Create one in the Content Manager, then add its sessions here.')}
        </Typography>
      ) : (
        <Flex direction="column" alignItems="stretch" gap={6}>
          {[...byDocument.entries()].map(([documentId, locales]) => {
            const sessions = locales[0].sessions;
            return (
              <Box key={documentId} background="neutral0" hasRadius shadow="tableShadow" padding={6}>
                <Flex direction="column" alignItems="stretch" gap={4}>
                  <Flex justifyContent="space-between" wrap="wrap" gap={2}>
                    <Typography variant="delta" tag="h2">
                      {locales.map((row) => `${row.title} (${row.locale})`).join(' · ')}
                    </Typography>
                    {allowedActions.canManage ? (
                      <Button variant="secondary" onClick={() => setAdding(adding === documentId ? null : documentId)}>
                        {t('session.new', 'New session')}
                      </Button>
                    ) : null}
                  </Flex>
                  {adding === documentId ? (
                    <NewSessionForm
                      webinar={documentId}
                      onCreated={() => {
                        setAdding(null);
                        webinars.refetch();
                      }}
                    />
                  ) : null}
                  <DataTable
                    rows={sessions}
                    rowKey={(session) => session.documentId}
                    columns={[
                      {
                        label: t('sessions.when', 'When'),
                        cell: (session) => (
                          <Link to={`sessions/${session.documentId}`}>
                            {formatDate(session.startsAt, {
                              dateStyle: 'medium',
                              timeStyle: 'short',
                              timeZone: session.timeZone,
                            })}{' '}
                            ({session.timeZone})
                          </Link>
                        ),
                      },
                      {
                        label: t('sessions.seats', 'Seats'),
                        cell: (session) => <CapacityBar capacity={session.capacity} seatsTaken={session.seatsTaken} />,
                      },
                      {
                        label: t('sessions.status', 'Status'),
                        cell: (session) =>
                          session.status === 'cancelled'
                            ? t('sessions.cancelled', 'Cancelled')
                            : t('sessions.scheduled', 'Scheduled'),
                      },
                    ]}
                    empty={t('sessions.empty', 'No sessions yet.')}
                  />
                </Flex>
              </Box>
            );
          })}
        </Flex>
      )}
    </PluginPage>
  );
};
