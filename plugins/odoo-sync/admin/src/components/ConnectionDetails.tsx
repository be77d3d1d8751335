import { DateTime, Detail, DetailText as Text } from '@magnetiq/plugin-kit/admin';
import { Flex, Grid, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { OdooConnection } from '../types';
import { getTranslation } from '../utils/getTranslation';
import { CircuitBadge } from './CircuitBadge';

/** The configured Odoo instance and the health of the connection to it. */
export const ConnectionDetails = ({ connection }: { connection: OdooConnection }) => {
  const { formatMessage } = useIntl();
  const label = (key: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(`connection.${key}`), defaultMessage });

  return (
    <Grid.Root gap={5}>
      <Detail col={3} label={label('url', 'Odoo URL')}>
        <Text value={connection.url} />
      </Detail>
      <Detail col={3} label={label('db', 'Database')}>
        <Text value={connection.db} />
      </Detail>
      <Detail col={3} label={label('username', 'User')}>
        <Text value={connection.username} />
      </Detail>
      <Detail col={3} label={label('circuit', 'Circuit')}>
        <CircuitBadge circuit={connection.circuit} />
      </Detail>
      <Detail label={label('lastError', 'Last error')} col={12}>
        {connection.lastError ? (
          <Flex direction="column" alignItems="flex-start" gap={1}>
            <Typography textColor="danger600">{connection.lastError.message}</Typography>
            <DateTime value={connection.lastError.at} textColor="neutral600" variant="pi" />
          </Flex>
        ) : (
          <Typography textColor="neutral500">{label('lastError.none', 'None')}</Typography>
        )}
      </Detail>
    </Grid.Root>
  );
};
