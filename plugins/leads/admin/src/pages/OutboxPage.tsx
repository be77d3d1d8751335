import { EmptyList, useAdminQuery, PluginPage } from '@magnetiq/plugin-kit/admin';
import { Button, Flex } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { Page, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { ListPagination } from '../components/ListPagination';
import { OutboxCounts } from '../components/OutboxCounts';
import { OutboxStatusFilter, type OutboxStatusChoice } from '../components/OutboxStatusFilter';
import { OutboxTable } from '../components/OutboxTable';
import { useListQuery } from '../hooks/useListQuery';
import { PERMISSIONS } from '../permissions';
import { type DataResponse, type ListResponse, type OutboxMessage, type OutboxStats, OUTBOX_STATUSES } from '../types';
import { getTranslation } from '../utils/getTranslation';

/** Dead messages are what an operator has to act on, so they are shown first. */
const DEFAULT_STATUS: OutboxStatusChoice = 'dead';

const toStatusChoice = (value: string | undefined): OutboxStatusChoice =>
  value === 'all' || OUTBOX_STATUSES.some((status) => status === value)
    ? (value as OutboxStatusChoice)
    : DEFAULT_STATUS;

export const OutboxPage = () => {
  const { formatMessage } = useIntl();
  const { filters, page, pageSize, setFilter } = useListQuery();
  const status = toStatusChoice(filters.status);

  const stats = useAdminQuery<DataResponse<OutboxStats>>('/leads/outbox/stats');
  const messages = useAdminQuery<ListResponse<OutboxMessage>>('/leads/outbox', {
    status: status === 'all' ? undefined : status,
    page,
    pageSize,
  });
  const {
    isLoading: isLoadingPermissions,
    allowedActions: { canManage },
  } = useRBAC(PERMISSIONS.outboxManage);

  const refresh = () => {
    stats.refetch();
    messages.refetch();
  };

  const title = formatMessage({ id: getTranslation('outbox.title'), defaultMessage: 'Outbox' });

  if (stats.error || messages.error) return <Page.Error />;
  if (!stats.data || !messages.data || isLoadingPermissions) return <Page.Loading />;

  return (
    <PluginPage
      busy={stats.isLoading || messages.isLoading}
      title={title}
      startActions={<OutboxStatusFilter value={status} onChange={(next) => setFilter('status', next)} />}
      subtitle={formatMessage({
        id: getTranslation('outbox.subtitle'),
        defaultMessage: 'Messages to other systems and emails, delivered with retries',
      })}
      primaryAction={
        <Button variant="tertiary" startIcon={<ArrowClockwise />} onClick={refresh} loading={messages.isLoading}>
          {formatMessage({ id: getTranslation('outbox.refresh'), defaultMessage: 'Refresh' })}
        </Button>
      }
    >
      <Flex direction="column" alignItems="stretch" gap={6}>
        <OutboxCounts stats={stats.data.data} />
        {messages.data.data.length === 0 ? (
          <EmptyList
            content={formatMessage({
              id: getTranslation('outbox.empty'),
              defaultMessage: 'No message with this status.',
            })}
          />
        ) : (
          <Flex direction="column" alignItems="stretch" gap={4}>
            <OutboxTable messages={messages.data.data} canManage={Boolean(canManage)} onChanged={refresh} />
            <ListPagination pagination={messages.data.meta.pagination} />
          </Flex>
        )}
      </Flex>
    </PluginPage>
  );
};
