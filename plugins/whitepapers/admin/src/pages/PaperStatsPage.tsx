import * as React from 'react';
import { CountCard, DataTable, ExportButton, PluginPage, Section, useAdminQuery } from '@magnetiq/plugin-kit/admin';
import { Box, Flex, Typography } from '@strapi/design-system';
import { BackButton, Page, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useParams } from 'react-router-dom';
import type { DataResponse, PaperStats } from '../types';
import { PERMISSIONS } from '../permissions';
import { getTranslation } from '../utils/getTranslation';

/** Longest bar of the per-day chart, in pixels. */
const BAR_WIDTH = 240;

export const PaperStatsPage = () => {
  const { documentId = '' } = useParams();
  const { formatMessage, formatNumber } = useIntl();
  // the CSV names the people who asked for the paper: only roles with leads.export see the button
  const { allowedActions } = useRBAC(PERMISSIONS.exportLeads);
  const stats = useAdminQuery<DataResponse<PaperStats>>(`/whitepapers/papers/${documentId}/stats`);
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });

  if (!stats.data && stats.error) return <Page.Error />;
  if (!stats.data) return <Page.Loading />;
  const data = stats.data.data;
  const busiest = Math.max(1, ...data.days.map((day) => Math.max(day.requests, day.downloads)));
  const bar = (background: 'primary500' | 'success500', value: number) => (
    <Flex gap={2}>
      <Box
        background={background}
        height="0.75rem"
        width={`${Math.round((value / busiest) * BAR_WIDTH)}px`}
        hasRadius
      />
      <Typography>{formatNumber(value)}</Typography>
    </Flex>
  );
  const title = t('stats.title', 'Whitepaper requests and downloads');

  return (
    <PluginPage
      navigationAction={<BackButton />}
      title={title}
      primaryAction={
        allowedActions.canExport ? (
          <ExportButton
            path={`/whitepapers/papers/${documentId}/leads.csv`}
            fileName={`whitepaper-${documentId}-leads.csv`}
            failureMessage={t('export.failed', 'The export failed. Please try again.')}
            disabled={data.requests === 0}
          >
            {t('export.button', 'Export leads (CSV)')}
          </ExportButton>
        ) : undefined
      }
    >
      <Flex direction="column" alignItems="stretch" gap={6}>
        <Flex tag="dl" gap={4} wrap="wrap">
          <CountCard label={t('stats.requests', 'Requests')} count={data.requests} />
          <CountCard
            label={t('stats.converted', 'Requests downloaded')}
            count={data.converted}
            caption={
              formatNumber(data.conversionRate, { style: 'percent', maximumFractionDigits: 1 }) +
              ' ' +
              t('stats.conversion', 'conversion')
            }
          />
          <CountCard
            label={t('stats.downloads', 'Downloads')}
            count={data.downloads}
            caption={t('stats.downloadsCaption', 'repeated downloads included')}
          />
        </Flex>
        <Section
          title={t('days.title', 'Over time')}
          description={t('days.description', 'Requests per day, and downloads on the day a link was first used')}
        >
          <DataTable
            rows={data.days}
            rowKey={(day) => day.day}
            columns={[
              { label: t('days.day', 'Day'), cell: (day) => day.day },
              { label: t('stats.requests', 'Requests'), cell: (day) => bar('primary500', day.requests) },
              { label: t('stats.downloads', 'Downloads'), cell: (day) => bar('success500', day.downloads) },
            ]}
            empty={t('days.empty', 'No requests yet.')}
          />
        </Section>
        <Section
          title={t('sources.title', 'Top sources')}
          description={t('sources.description', 'utm_source of the request; (direct) when there was none')}
        >
          <DataTable
            rows={data.topSources}
            rowKey={(source) => source.source}
            columns={[
              { label: t('sources.source', 'Source'), cell: (source) => source.source },
              { label: t('stats.requests', 'Requests'), cell: (source) => formatNumber(source.requests) },
              { label: t('stats.converted', 'Requests downloaded'), cell: (source) => formatNumber(source.converted) },
            ]}
            empty={t('days.empty', 'No requests yet.')}
          />
        </Section>
      </Flex>
    </PluginPage>
  );
};
