import { DateTime, TableHead } from '@magnetiq/plugin-kit/admin';
import { Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
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
    <Table colCount={8} rowCount={messages.length + 1}>
      <TableHead
        columns={[
          column('id', 'ID'),
          column('topic', 'Topic'),
          column('status', 'Status'),
          column('attempts', 'Attempts'),
          column('nextAttemptAt', 'Next attempt'),
          column('lastError', 'Last error'),
          column('updatedAt', 'Updated'),
          { label: column('actions', 'Actions'), visuallyHidden: true },
        ]}
      />
      <Tbody>
        {messages.map((message) => (
          <Tr key={message.id}>
            <Td>
              <Typography textColor="neutral800">{message.id}</Typography>
            </Td>
            <Td>
              <Typography textColor="neutral800" fontWeight="semiBold">
                {message.topic}
              </Typography>
            </Td>
            <Td>
              <OutboxStatusBadge status={message.status} />
            </Td>
            <Td>
              <Typography textColor="neutral800">{message.attempts}</Typography>
            </Td>
            <Td>
              <DateTime value={message.status === 'pending' ? message.nextAttemptAt : null} />
            </Td>
            <Td maxWidth="32rem">
              <Typography
                textColor={message.lastError ? 'danger600' : 'neutral500'}
                ellipsis
                title={message.lastError ?? undefined}
              >
                {message.lastError || '–'}
              </Typography>
            </Td>
            <Td>
              <DateTime value={message.updatedAt} />
            </Td>
            <Td>
              {canManage && message.status === 'dead' ? (
                <OutboxRowActions message={message} onDone={onChanged} />
              ) : null}
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
