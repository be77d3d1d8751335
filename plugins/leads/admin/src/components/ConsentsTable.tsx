import { DataTable, DateTime, EmptyList } from '@magnetiq/plugin-kit/admin';
import { Badge, type BadgeProps } from '@strapi/design-system';
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
    <DataTable
      rows={consents}
      rowKey={(consent) => consent.id}
      textColor="neutral800"
      columns={[
        {
          label: column('purpose', 'Purpose'),
          cell: (consent) => {
            const purpose = PURPOSE_LABELS[consent.purpose];
            return purpose ? formatMessage(purpose) : consent.purpose;
          },
        },
        {
          label: column('action', 'Consent'),
          cell: (consent) => {
            const action = ACTION_LABELS[consent.action];
            return (
              <Badge variant={ACTION_VARIANTS[consent.action] ?? 'neutral'}>
                {action ? formatMessage(action) : consent.action}
              </Badge>
            );
          },
        },
        { label: column('textVersion', 'Text version'), cell: (consent) => consent.textVersion },
        { label: column('source', 'Source'), cell: (consent) => consent.source },
        { label: column('recordedAt', 'Recorded'), cell: (consent) => <DateTime value={consent.recordedAt} /> },
      ]}
    />
  );
};
