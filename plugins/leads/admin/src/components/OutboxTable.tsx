import { DataTable, DateTime } from '@magnetiq/plugin-kit/admin';
import { Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { OutboxMessage } from '../types';
import { getTranslation } from '../utils/getTranslation';
import { OutboxRowActions } from './OutboxRowActions';
import { OutboxStatusBadge } from './StatusBadge';

interface OutboxTableProps {
  messages: OutboxMessage[];
  canManage: boolean;
  onChanged: () => void;
}

export const OutboxTable = ({ messages, canManage, onChanged }: OutboxTableProps) => {
  const { formatMessage } = useIntl();
  const column = (key: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(`outbox.table.${key}`), defaultMessage });

  return (
    <DataTable
      rows={messages}
      rowKey={(message) => message.id}
      textColor="neutral800"
      columns={[
        { label: column('id', 'ID'), cell: (message) => message.id },
        {
          label: column('topic', 'Topic'),
          cell: (message) => (
            <Typography textColor="neutral800" fontWeight="semiBold">
              {message.topic}
            </Typography>
          ),
        },
        { label: column('status', 'Status'), cell: (message) => <OutboxStatusBadge status={message.status} /> },
        { label: column('attempts', 'Attempts'), cell: (message) => message.attempts },
        {
          label: column('nextAttemptAt', 'Next attempt'),
          cell: (message) => <DateTime value={message.status === 'pending' ? message.nextAttemptAt : null} />,
        },
        {
          label: column('lastError', 'Last error'),
          maxWidth: '32rem',
          cell: (message) => (
            <Typography
              textColor={message.lastError ? 'danger600' : 'neutral500'}
              ellipsis
              title={message.lastError ?? undefined}
            >
              {message.lastError || '–'}
            </Typography>
          ),
        },
        { label: column('updatedAt', 'Updated'), cell: (message) => <DateTime value={message.updatedAt} /> },
        {
          label: column('actions', 'Actions'),
          visuallyHidden: true,
          cell: (message) =>
            canManage && message.status === 'dead' ? <OutboxRowActions message={message} onDone={onChanged} /> : null,
        },
      ]}
    />
  );
};
