import { DateTime, EmptyList, TableHead } from '@magnetiq/plugin-kit/admin';
import { Badge, type BadgeProps, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { useIntl, type MessageDescriptor } from 'react-intl';
import type { Consent, ConsentAction } from '../types';
import { getTranslation } from '../utils/getTranslation';

const ACTION_LABELS: Record<ConsentAction, MessageDescriptor> = {
  requested: { id: getTranslation('consent.action.requested'), defaultMessage: 'Requested' },
  granted: { id: getTranslation('consent.action.granted'), defaultMessage: 'Granted' },
  withdrawn: { id: getTranslation('consent.action.withdrawn'), defaultMessage: 'Withdrawn' },
};

const ACTION_VARIANTS: Record<ConsentAction, NonNullable<BadgeProps['variant']>> = {
  requested: 'secondary',
  granted: 'success',
  withdrawn: 'danger',
};

const PURPOSE_LABELS: Record<string, MessageDescriptor> = {
  'data-processing': { id: getTranslation('consent.purpose.data-processing'), defaultMessage: 'Data processing' },
  'marketing-email': { id: getTranslation('consent.purpose.marketing-email'), defaultMessage: 'Marketing emails' },
};

/** The consent records of a contact: the proof of what they agreed to, when and where. */
export const ConsentsTable = ({ consents }: { consents: Consent[] }) => {
  const { formatMessage } = useIntl();
  const column = (key: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(`consents.table.${key}`), defaultMessage });

  if (consents.length === 0) {
    return (
      <EmptyList
        content={formatMessage({ id: getTranslation('consents.empty'), defaultMessage: 'No consent recorded.' })}
      />
    );
  }

  return (
    <Table colCount={5} rowCount={consents.length + 1}>
      <TableHead
        columns={[
          column('purpose', 'Purpose'),
          column('action', 'Consent'),
          column('textVersion', 'Text version'),
          column('source', 'Source'),
          column('recordedAt', 'Recorded'),
        ]}
      />
      <Tbody>
        {consents.map((consent) => {
          const purpose = PURPOSE_LABELS[consent.purpose];
          const action = ACTION_LABELS[consent.action];
          return (
            <Tr key={consent.id}>
              <Td>
                <Typography textColor="neutral800">{purpose ? formatMessage(purpose) : consent.purpose}</Typography>
              </Td>
              <Td>
                <Badge variant={ACTION_VARIANTS[consent.action] ?? 'neutral'}>
                  {action ? formatMessage(action) : consent.action}
                </Badge>
              </Td>
              <Td>
                <Typography textColor="neutral800">{consent.textVersion}</Typography>
              </Td>
              <Td>
                <Typography textColor="neutral800">{consent.source}</Typography>
              </Td>
              <Td>
                <DateTime value={consent.recordedAt} />
              </Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
};
