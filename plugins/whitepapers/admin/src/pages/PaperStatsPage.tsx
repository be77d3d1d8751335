import * as React from 'react';
import { CountCard, Section, TableHead, useAdminQuery, useSaveDownload, PluginPage } from '@magnetiq/plugin-kit/admin';
import { Box, Button, Flex, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { BackButton, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
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
  const download = useSaveDownload();
  const { toggleNotification } = useNotification();
  const [isExporting, setIsExporting] = React.useState(false);
  // the CSV names the people who asked for the paper: only roles with leads.export see the button
  const { allowedActions } = useRBAC(PERMISSIONS.exportLeads);
  const stats = useAdminQuery<DataResponse<PaperStats>>(`/whitepapers/papers/${documentId}/stats`);
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });

  const exportLeads = async () => {
    setIsExporting(true);
    try {
      await download(`/whitepapers/papers/${documentId}/leads.csv`, `whitepaper-${documentId}-leads.csv`);
    } catch {
      toggleNotification({ type: 'danger', message: t('export.failed', 'The export failed. Please try again.') });
    } finally {
      setIsExporting(false);
    }
  };

  if (!stats.data && stats.error) return <Page.Error />;
  if (!stats.data) return <Page.Loading />;
  const data = stats.data.data;
  const busiest = Math.max(1, ...data.days.map((day) => Math.max(day.requests, day.downloads)));
  const title = t('stats.title', 'Whitepaper requests and downloads');

  return (
    <PluginPage
      navigationAction={<BackButton />}
      title={title}
      primaryAction={
        allowedActions.canExport ? (
          <Button startIcon={<Download />} onClick={exportLeads} loading={isExporting} disabled={data.requests === 0}>
            {t('export.button', 'Export leads (CSV)')}
          </Button>
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
          {data.days.length === 0 ? (
            <Typography textColor="neutral600">{t('days.empty', 'No requests yet.')}</Typography>
          ) : (
            <Table colCount={3} rowCount={data.days.length + 1}>
              <TableHead
                columns={[t('days.day', 'Day'), t('stats.requests', 'Requests'), t('stats.downloads', 'Downloads')]}
              />
              <Tbody>
                {data.days.map((day) => (
                  <Tr key={day.day}>
                    <Td>
                      <Typography>{day.day}</Typography>
                    </Td>
                    <Td>
                      <Flex gap={2}>
                        <Box
                          background="primary500"
                          height="0.75rem"
                          width={`${Math.round((day.requests / busiest) * BAR_WIDTH)}px`}
                          hasRadius
                        />
                        <Typography>{formatNumber(day.requests)}</Typography>
                      </Flex>
                    </Td>
                    <Td>
                      <Flex gap={2}>
                        <Box
                          background="success500"
                          height="0.75rem"
                          width={`${Math.round((day.downloads / busiest) * BAR_WIDTH)}px`}
                          hasRadius
                        />
                        <Typography>{formatNumber(day.downloads)}</Typography>
                      </Flex>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}
        </Section>
        <Section
          title={t('sources.title', 'Top sources')}
          description={t('sources.description', 'utm_source of the request; (direct) when there was none')}
        >
          {data.topSources.length === 0 ? (
            <Typography textColor="neutral600">{t('days.empty', 'No requests yet.')}</Typography>
          ) : (
            <Table colCount={3} rowCount={data.topSources.length + 1}>
              <TableHead
                columns={[
                  t('sources.source', 'Source'),
                  t('stats.requests', 'Requests'),
                  t('stats.converted', 'Requests downloaded'),
                ]}
              />
              <Tbody>
                {data.topSources.map((source) => (
                  <Tr key={source.source}>
                    <Td>
                      <Typography>{source.source}</Typography>
                    </Td>
                    <Td>
                      <Typography>{formatNumber(source.requests)}</Typography>
                    </Td>
                    <Td>
                      <Typography>{formatNumber(source.converted)}</Typography>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}
        </Section>
      </Flex>
    </PluginPage>
  );
};
