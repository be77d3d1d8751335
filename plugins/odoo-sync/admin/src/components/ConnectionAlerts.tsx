import { DATE_TIME_FORMAT } from '@magnetiq/plugin-kit/admin';
import { Flex } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { OdooConnection } from '../types';
import { getTranslation } from '../utils/getTranslation';
import { DismissibleAlert } from './DismissibleAlert';

/** What an operator has to fix: missing settings, an unreachable Odoo, rejected credentials. */
export const ConnectionAlerts = ({ connection }: { connection: OdooConnection }) => {
  const { formatMessage, formatDate } = useIntl();
  const { configured, unreachableSince, credentialsRejectedAt } = connection;

  if (configured && !unreachableSince && !credentialsRejectedAt) return null;

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      {!configured && (
        <DismissibleAlert
          variant="warning"
          title={formatMessage({
            id: getTranslation('connection.notConfigured.title'),
            defaultMessage: 'Odoo is not configured',
          })}
        >
          {formatMessage({
            id: getTranslation('connection.notConfigured.body'),
            defaultMessage:
              'Lead events wait in the outbox until ODOO_URL, ODOO_DB, ODOO_USERNAME and ODOO_API_KEY are set.',
          })}
        </DismissibleAlert>
      )}
      {unreachableSince && (
        <DismissibleAlert
          key={unreachableSince}
          variant="danger"
          title={formatMessage(
            { id: getTranslation('connection.unreachable.title'), defaultMessage: 'Odoo unreachable since {since}' },
            { since: formatDate(unreachableSince, DATE_TIME_FORMAT) },
          )}
        >
          {formatMessage({
            id: getTranslation('connection.unreachable.body'),
            defaultMessage: 'Lead events wait in the outbox and are sent once Odoo answers again.',
          })}
        </DismissibleAlert>
      )}
      {credentialsRejectedAt && (
        <DismissibleAlert
          key={credentialsRejectedAt}
          variant="warning"
          title={formatMessage(
            {
              id: getTranslation('connection.credentialsRejected.title'),
              defaultMessage: 'Odoo rejected the credentials on {at}',
            },
            { at: formatDate(credentialsRejectedAt, DATE_TIME_FORMAT) },
          )}
        >
          {formatMessage({
            id: getTranslation('connection.credentialsRejected.body'),
            defaultMessage: 'Check ODOO_USERNAME and ODOO_API_KEY. Lead events wait in the outbox meanwhile.',
          })}
        </DismissibleAlert>
      )}
    </Flex>
  );
};
