import { TableHead, useAdminQuery, PluginPage } from '@magnetiq/plugin-kit/admin';
import { Badge, Flex, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
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
      {rows.length === 0 ? (
        <Typography textColor="neutral600">
          {t('list.empty', 'No whitepapers yet. Create one in the Content Manager and upload its PDF.')}
        </Typography>
      ) : (
        <Table colCount={7} rowCount={rows.length + 1}>
          <TableHead
            columns={[
              t('list.title', 'Title'),
              t('list.locale', 'Locale'),
              t('list.access', 'Access'),
              t('list.file', 'File'),
              t('list.requests', 'Requests'),
              t('list.downloads', 'Downloads'),
              t('list.conversion', 'Conversion'),
            ]}
          />
          <Tbody>
            {rows.map((row) => (
              <Tr key={`${row.documentId}:${row.locale}`}>
                <Td>
                  <Link to={row.documentId}>{row.title}</Link>
                </Td>
                <Td>
                  <Typography>{row.locale}</Typography>
                </Td>
                <Td>
                  <Badge active={row.gated}>{row.gated ? t('list.gated', 'Gated') : t('list.open', 'Open')}</Badge>
                </Td>
                <Td>
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
                </Td>
                <Td>
                  <Typography>{formatNumber(row.totals.requests)}</Typography>
                </Td>
                <Td>
                  <Typography>{formatNumber(row.totals.downloads)}</Typography>
                </Td>
                <Td>
                  <Typography>
                    {formatNumber(row.totals.requests === 0 ? 0 : row.totals.converted / row.totals.requests, {
                      style: 'percent',
                      maximumFractionDigits: 1,
                    })}
                  </Typography>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </PluginPage>
  );
};
