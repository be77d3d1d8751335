import { useAdminQuery, PluginPage } from '@magnetiq/plugin-kit/admin';
import { Box, Flex, Typography } from '@strapi/design-system';
import { BackButton, Page, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useParams } from 'react-router-dom';
import { CapacityBar } from '../components/CapacityBar';
import { RegistrationsTable } from '../components/RegistrationsTable';
import { SessionActions } from '../components/SessionActions';
import { PERMISSIONS } from '../permissions';
import type { SessionDetail } from '../types';
import { getTranslation } from '../utils/getTranslation';
import { STATUS_LABELS } from '../components/StatusBadge';

/** One session: capacity bar, counts, actions, and the registrations. */
export const SessionPage = () => {
  const { documentId = '' } = useParams();
  const { formatMessage, formatDate } = useIntl();
  const { allowedActions } = useRBAC(PERMISSIONS.manage);
  // registrations are personal data: marketing schedules sessions without seeing who registered
  const { allowedActions: registrationActions } = useRBAC(PERMISSIONS.registrations);
  const canReadRegistrations = Boolean(registrationActions.canRead);
  const session = useAdminQuery<{ data: SessionDetail }>(`/webinars/sessions/${documentId}`);
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });

  if (!session.data && session.error) return <Page.Error />;
  if (!session.data) return <Page.Loading />;
  const data = session.data.data;
  const title = `${formatDate(data.startsAt, { dateStyle: 'full', timeStyle: 'short', timeZone: data.timeZone })} (${data.timeZone})`;

  return (
    <PluginPage
      pageTitle={t('session.title', 'Webinar session')}
      navigationAction={<BackButton />}
      title={title}
      subtitle={
        data.status === 'cancelled'
          ? t('sessions.cancelled', 'Cancelled')
          : t('session.subtitle', 'Registrations, attendance and follow-up')
      }
    >
      <Flex direction="column" alignItems="stretch" gap={6}>
        <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <CapacityBar capacity={data.capacity} seatsTaken={data.seatsTaken} waitlisted={data.counts.waitlisted} />
            <Flex gap={4} wrap="wrap">
              {(Object.keys(STATUS_LABELS) as Array<keyof typeof STATUS_LABELS>).map((status) => (
                <Typography key={status} textColor="neutral700">
                  {formatMessage(STATUS_LABELS[status])}: <strong>{data.counts[status]}</strong>
                </Typography>
              ))}
            </Flex>
            <SessionActions
              session={data}
              canManage={Boolean(allowedActions.canManage)}
              canExport={canReadRegistrations}
              onChanged={session.refetch}
            />
          </Flex>
        </Box>
        {canReadRegistrations ? (
          <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
            <RegistrationsTable
              session={documentId}
              canManage={Boolean(allowedActions.canManage)}
              onChanged={session.refetch}
            />
          </Box>
        ) : null}
      </Flex>
    </PluginPage>
  );
};
