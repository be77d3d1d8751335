import * as React from 'react';
import { DataTable, DateTime, EmptyList, ExportButton, useAdminQuery, PluginPage } from '@magnetiq/plugin-kit/admin';
import { Flex, LinkButton, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Page, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { PluginNav } from '../components/PluginNav';
import { StatusBadge } from '../components/StatusBadge';
import { PERMISSIONS } from '../permissions';
import type { Campaign, CampaignStats, DataResponse } from '../types';
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

/**
 * The count columns: a campaign's count with its rate (from the list's own answer: no request per
 * row; no personal data).
 */
type StatKey = { [K in keyof CampaignStats]: CampaignStats[K] extends number ? K : never }[keyof CampaignStats];
const STAT_COLUMNS: Array<[StatKey, StatKey | null, string]> = [
  ['recipients', null, 'Recipients'],
  ['delivered', 'deliveryRate', 'Delivered'],
  ['opened', 'openRate', 'Opened'],
  ['clicked', 'clickRate', 'Clicked'],
  ['bounced', 'bounceRate', 'Bounced'],
  ['unsubscribed', 'unsubscribeRate', 'Unsubscribed'],
];

/** Every campaign with its status and statistics, and the statistics as CSV. */
export const CampaignsPage = () => {
  const t = useT();
  const campaigns = useAdminQuery<DataResponse<Campaign[]>>('/newsletter/campaigns');
  const { allowedActions } = useRBAC(PERMISSIONS.manage);
  const title = t('page.title', 'Newsletter');

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
        <ExportButton
          path="/newsletter/stats/campaigns.csv"
          fileName="newsletter-campaigns.csv"
          failureMessage={t('export.failed', 'The export failed. Please try again.')}
          variant="tertiary"
          disabled={rows.length === 0}
        >
          {t('campaigns.export', 'Statistics (CSV)')}
        </ExportButton>
      }
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <PluginNav />
        {rows.length === 0 ? (
          <EmptyList content={t('campaigns.empty', 'No campaigns yet.')} />
        ) : (
          <DataTable
            rows={rows}
            rowKey={(campaign) => campaign.id}
            columns={[
              {
                label: t('campaigns.name', 'Name'),
                cell: (campaign) => <Link to={`campaigns/${campaign.id}`}>{campaign.name}</Link>,
              },
              { label: t('campaigns.status', 'Status'), cell: (campaign) => <StatusBadge status={campaign.status} /> },
              {
                label: t('campaigns.when', 'Sent / scheduled'),
                cell: (campaign) => (
                  <DateTime value={campaign.finishedAt ?? campaign.startedAt ?? campaign.scheduledAt} />
                ),
              },
              ...STAT_COLUMNS.map(([count, rate, label]) => ({
                label: t(`stats.${count}`, label),
                cell: (campaign: Campaign) => (
                  <CountWithRate count={campaign.stats?.[count]} rate={rate ? campaign.stats?.[rate] : undefined} />
                ),
              })),
            ]}
          />
        )}
      </Flex>
    </PluginPage>
  );
};
