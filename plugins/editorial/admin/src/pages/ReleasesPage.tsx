import { EmptyList, useAdminQuery, PluginPage } from '@magnetiq/plugin-kit/admin';
import { Box, Flex, Typography } from '@strapi/design-system';
import { Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { Release } from '../types';
import { getTranslation } from '../utils/getTranslation';

/** Releases with their status, schedule and the failure of a run that applied nothing. */
export const ReleasesPage = () => {
  const { formatMessage, formatDate } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const query = useAdminQuery<{ data: Release[] }>('/editorial/releases', { pageSize: 100 });
  if (!query.data && query.error) return <Page.Error />;
  if (!query.data) return <Page.Loading />;
  const releases = query.data.data;
  return (
    <PluginPage title={t('releases.title', 'Releases')}>
      {releases.length === 0 ? (
        <EmptyList content={t('releases.empty', 'No releases yet.')} />
      ) : (
        <Flex direction="column" alignItems="stretch" gap={2}>
          {releases.map((release) => (
            <Box key={release.id} padding={4} hasRadius background="neutral0" shadow="tableShadow">
              <Typography variant="delta">{release.name}</Typography>
              <Typography tag="p">
                {release.status}
                {release.scheduledAt
                  ? ` · ${formatDate(release.scheduledAt, { dateStyle: 'medium', timeStyle: 'short', timeZone: release.timeZone ?? undefined })}`
                  : ''}
                {' · '}
                {t('releases.actions', '{count} entries', { count: release.actions.length })}
              </Typography>
              {release.error && <Typography textColor="danger600">{release.error}</Typography>}
            </Box>
          ))}
        </Flex>
      )}
    </PluginPage>
  );
};
