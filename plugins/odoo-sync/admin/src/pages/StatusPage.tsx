import { Section, useAdminQuery, PluginPage } from '@magnetiq/plugin-kit/admin';
import { Button, Flex } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { Page, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { ConnectionAlerts } from '../components/ConnectionAlerts';
import { ConnectionDetails } from '../components/ConnectionDetails';
import { DismissibleAlert } from '../components/DismissibleAlert';
import { FieldMappingTable } from '../components/FieldMappingTable';
import { LastDeadLetter } from '../components/LastDeadLetter';
import { LinkedRecords } from '../components/LinkedRecords';
import { ResyncContactForm } from '../components/ResyncContactForm';
import { SyncCounts } from '../components/SyncCounts';
import { TestConnectionButton } from '../components/TestConnectionButton';
import { usePolling } from '../hooks/usePolling';
import { PERMISSIONS } from '../permissions';
import type { DataResponse, SyncStatus } from '../types';
import { getTranslation } from '../utils/getTranslation';

/** Often enough to see the outbox drain, rare enough not to load the server. */
const REFRESH_INTERVAL_MS = 10_000;

export const StatusPage = () => {
  const { formatMessage } = useIntl();
  const status = useAdminQuery<DataResponse<SyncStatus>>('/odoo-sync/status');
  usePolling(status.refetch, REFRESH_INTERVAL_MS);
  const {
    isLoading: isLoadingPermissions,
    allowedActions: { canManage },
  } = useRBAC(PERMISSIONS.manage);

  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const title = t('page.title', 'Odoo sync');

  if (!status.data && status.error) return <Page.Error />;
  if (!status.data || isLoadingPermissions) return <Page.Loading />;

  const { connection, counts, lastDead, linked, mapping } = status.data.data;

  return (
    <PluginPage
      busy={status.isLoading}
      title={title}
      subtitle={t('page.subtitle', 'Leads and contacts sent to Odoo CRM through the leads outbox')}
      primaryAction={
        <Button variant="tertiary" startIcon={<ArrowClockwise />} onClick={status.refetch} loading={status.isLoading}>
          {t('page.refresh', 'Refresh')}
        </Button>
      }
    >
      <Flex direction="column" alignItems="stretch" gap={6}>
        {Boolean(status.error) && (
          <DismissibleAlert variant="warning">
            {t('page.refreshFailed', 'The status could not be reloaded; the values shown may be out of date.')}
          </DismissibleAlert>
        )}
        <Section title={t('connection.title', 'Connection')}>
          <ConnectionAlerts connection={connection} />
          <ConnectionDetails connection={connection} />
          {canManage && <TestConnectionButton disabled={!connection.configured} onTested={status.refetch} />}
        </Section>
        <Section
          title={t('counts.title', 'Lead events')}
          description={t('counts.description', 'Odoo events in the leads outbox, by status')}
        >
          <SyncCounts counts={counts} />
          {lastDead && <LastDeadLetter deadLetter={lastDead} />}
        </Section>
        <Section
          title={t('linked.title', 'Linked records')}
          description={t('linked.description', 'Magnetiq records that know their Odoo record, by Odoo model')}
        >
          <LinkedRecords linked={linked} />
        </Section>
        {canManage && (
          <Section
            title={t('resync.title', 'Re-sync a contact')}
            description={t(
              'resync.description',
              'Sends every activity of the contact to Odoo again; partner and leads are updated, not duplicated.',
            )}
          >
            <ResyncContactForm onQueued={status.refetch} />
          </Section>
        )}
        <Section
          title={t('mapping.title', 'Field mapping')}
          description={t('mapping.description', 'Which Odoo field receives which Magnetiq data')}
        >
          <FieldMappingTable mapping={mapping} />
        </Section>
      </Flex>
    </PluginPage>
  );
};
