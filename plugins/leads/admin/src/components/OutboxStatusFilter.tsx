import { SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { OUTBOX_STATUSES, type OutboxStatus } from '../types';
import { getTranslation } from '../utils/getTranslation';
import { OUTBOX_STATUS_LABELS } from './StatusBadge';

export type OutboxStatusChoice = OutboxStatus | 'all';

interface OutboxStatusFilterProps {
  value: OutboxStatusChoice;
  onChange: (value: OutboxStatusChoice) => void;
}

export const OutboxStatusFilter = ({ value, onChange }: OutboxStatusFilterProps) => {
  const { formatMessage } = useIntl();

  return (
    <SingleSelect
      aria-label={formatMessage({ id: getTranslation('outbox.filter.status'), defaultMessage: 'Status' })}
      size="S"
      value={value}
      onChange={(next) => onChange(String(next) as OutboxStatusChoice)}
    >
      <SingleSelectOption value="all">
        {formatMessage({ id: getTranslation('outbox.filter.all'), defaultMessage: 'All statuses' })}
      </SingleSelectOption>
      {OUTBOX_STATUSES.map((status) => (
        <SingleSelectOption key={status} value={status}>
          {formatMessage(OUTBOX_STATUS_LABELS[status])}
        </SingleSelectOption>
      ))}
    </SingleSelect>
  );
};
