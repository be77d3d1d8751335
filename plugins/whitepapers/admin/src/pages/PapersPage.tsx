import { DataTable, PluginPage, useAdminQuery } from '@magnetiq/plugin-kit/admin';
import { Badge, Flex, Typography } from '@strapi/design-system';
import { Page, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { UploadPdfButton } from '../components/UploadPdfButton';
import { PERMISSIONS } from '../permissions';
import type { DataResponse, PaperRow } from '../types';
import { getTranslation } from '../utils/getTranslation';

/** Every whitepaper (one line per locale) with its requests, downloads and conversion. */
export const PapersPage = () => {
  const { formatMessage, formatNumber } = useIntl();
  const papers = useAdminQuery<DataResponse<PaperRow[]>>('/whitepapers/papers');
  const { allowedActions } = useRBAC(PERMISSIONS.manage);
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const title = t('page.title', 'Whitepapers');

  if (!papers.data && papers.error) return <Page.Error />;
  if (!papers.data) return <Page.Loading />;
  const rows = papers.data.data;

  return (
    <PluginPage title={title} subtitle={t('page.subtitle', 'Requests, downloads and conversion per whitepaper')}>
      <DataTable
        rows={rows}
        rowKey={(row) => `${row.documentId}:${row.locale}`}
        columns={[
          { label: t('list.title', 'Title'), cell: (row) => <Link to={row.documentId}>{row.title}</Link> },
          { label: t('list.locale', 'Locale'), cell: (row) => row.locale },
          {
            label: t('list.access', 'Access'),
            cell: (row) => (
              <Badge active={row.gated}>{row.gated ? t('list.gated', 'Gated') : t('list.open', 'Open')}</Badge>
            ),
          },
          {
            label: t('list.file', 'File'),
            cell: (row) => (
              <Flex gap={2}>
                <Typography textColor={row.fileName ? 'neutral800' : 'danger600'}>
                  {row.fileName ?? t('list.noFile', 'no file yet')}
                </Typography>
                {allowedActions.canManage ? (
                  <UploadPdfButton
                    documentId={row.documentId}
                    title={`${row.title} (${row.locale})`}
                    onUploaded={papers.refetch}
                  />
                ) : null}
              </Flex>
            ),
          },
          { label: t('list.requests', 'Requests'), cell: (row) => formatNumber(row.totals.requests) },
          { label: t('list.downloads', 'Downloads'), cell: (row) => formatNumber(row.totals.downloads) },
          {
            label: t('list.conversion', 'Conversion'),
            cell: (row) =>
              formatNumber(row.totals.requests === 0 ? 0 : row.totals.converted / row.totals.requests, {
                style: 'percent',
                maximumFractionDigits: 1,
              }),
          },
        ]}
        empty={t('list.empty', 'No whitepapers yet. Create one in the Content Manager and upload its PDF.')}
      />
    </PluginPage>
  );
};
