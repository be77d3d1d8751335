import * as React from 'react';
import { DateTime, EmptyList, TableHead, useAdminQuery, useSaveDownload, PluginPage } from '@magnetiq/plugin-kit/admin';
import { Button, Flex, LinkButton, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { Download, Plus } from '@strapi/icons';
import { Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { PluginNav } from '../components/PluginNav';
import { StatusBadge } from '../components/StatusBadge';
import { PERMISSIONS } from '../permissions';
import type { Campaign, DataResponse } from '../types';
import { useT } from '../utils/useT';

/** A count with its rate below, e.g. "12" and "40 %". */
const CountWithRate = ({ count, rate }: { count: number | undefined; rate?: number }) => {
  const { formatNumber } = useIntl();
  if (count === undefined) return <Typography textColor="neutral500">–</Typography>;
  return (
    <Flex direction="column" alignItems="flex-start">
      <Typography>{formatNumber(count)}</Typography>
      {rate !== undefined ? (
        <Typography variant="pi" textColor="neutral600">
          {formatNumber(rate, { style: 'percent', maximumFractionDigits: 1 })}
        </Typography>
      ) : null}
    </Flex>
  );
};

/** One campaign with its counts (from the list's own answer: no request per row; no personal data). */
const CampaignRow = ({ campaign }: { campaign: Campaign }) => {
  const s = campaign.stats ?? undefined;
  return (
    <Tr>
      <Td>
        <Link to={`campaigns/${campaign.id}`}>{campaign.name}</Link>
      </Td>
      <Td>
        <StatusBadge status={campaign.status} />
      </Td>
      <Td>
        <DateTime value={campaign.finishedAt ?? campaign.startedAt ?? campaign.scheduledAt} />
      </Td>
      <Td>
        <CountWithRate count={s?.recipients} />
      </Td>
      <Td>
        <CountWithRate count={s?.delivered} rate={s?.deliveryRate} />
      </Td>
      <Td>
        <CountWithRate count={s?.opened} rate={s?.openRate} />
      </Td>
      <Td>
        <CountWithRate count={s?.clicked} rate={s?.clickRate} />
      </Td>
      <Td>
        <CountWithRate count={s?.bounced} rate={s?.bounceRate} />
      </Td>
      <Td>
        <CountWithRate count={s?.unsubscribed} rate={s?.unsubscribeRate} />
      </Td>
    </Tr>
  );
};

/** Every campaign with its status and statistics, and the statistics as CSV. */
export const CampaignsPage = () => {
  const t = useT();
  const campaigns = useAdminQuery<DataResponse<Campaign[]>>('/newsletter/campaigns');
  const { allowedActions } = useRBAC(PERMISSIONS.manage);
  const download = useSaveDownload();
  const { toggleNotification } = useNotification();
  const [isExporting, setIsExporting] = React.useState(false);
  const title = t('page.title', 'Newsletter');

  const exportCsv = async () => {
    setIsExporting(true);
    try {
      await download('/newsletter/stats/campaigns.csv', 'newsletter-campaigns.csv');
    } catch {
      toggleNotification({ type: 'danger', message: t('export.failed', 'The export failed. Please try again.') });
    } finally {
      setIsExporting(false);
    }
  };

  if (!campaigns.data && campaigns.error) return <Page.Error />;
  if (!campaigns.data) return <Page.Loading />;
  const rows = campaigns.data.data;

  return (
    <PluginPage
      title={title}
      subtitle={t('page.subtitle', 'Campaigns to your subscribers, with delivery, opens and clicks')}
      primaryAction={
        allowedActions.canManage ? (
          <LinkButton tag={Link} to="campaigns/new" startIcon={<Plus />}>
            {t('campaigns.new', 'New campaign')}
          </LinkButton>
        ) : undefined
      }
      secondaryAction={
        <Button
          variant="tertiary"
          startIcon={<Download />}
          onClick={exportCsv}
          loading={isExporting}
          disabled={rows.length === 0}
        >
          {t('campaigns.export', 'Statistics (CSV)')}
        </Button>
      }
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <PluginNav />
        {rows.length === 0 ? (
          <EmptyList content={t('campaigns.empty', 'No campaigns yet.')} />
        ) : (
          <Table colCount={9} rowCount={rows.length + 1}>
            <TableHead
              columns={[
                t('campaigns.name', 'Name'),
                t('campaigns.status', 'Status'),
                t('campaigns.when', 'Sent / scheduled'),
                t('stats.recipients', 'Recipients'),
                t('stats.delivered', 'Delivered'),
                t('stats.opened', 'Opened'),
                t('stats.clicked', 'Clicked'),
                t('stats.bounced', 'Bounced'),
                t('stats.unsubscribed', 'Unsubscribed'),
              ]}
            />
            <Tbody>
              {rows.map((campaign) => (
                <CampaignRow key={campaign.id} campaign={campaign} />
              ))}
            </Tbody>
          </Table>
        )}
      </Flex>
    </PluginPage>
  );
};
