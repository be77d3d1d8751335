import { DateTime, TableHead } from '@magnetiq/plugin-kit/admin';
import { Badge, IconButton, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { Eye } from '@strapi/icons';
import { useIntl, type MessageDescriptor } from 'react-intl';
import type { EmailLogEntry } from '../types';
import { getTranslation } from '../utils/getTranslation';

const TRANSPORT_LABELS: Record<string, MessageDescriptor> = {
  sendgrid: { id: getTranslation('emails.transport.sendgrid'), defaultMessage: 'SendGrid' },
  log: { id: getTranslation('emails.transport.log'), defaultMessage: 'Logged only' },
};

interface EmailsTableProps {
  emails: EmailLogEntry[];
  onOpen: (email: EmailLogEntry) => void;
}

export const EmailsTable = ({ emails, onOpen }: EmailsTableProps) => {
  const { formatMessage } = useIntl();
  const column = (key: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(`emails.table.${key}`), defaultMessage });
  const viewLabel = formatMessage({ id: getTranslation('emails.view'), defaultMessage: 'Show email text' });

  return (
    <Table colCount={6} rowCount={emails.length + 1}>
      <TableHead
        columns={[
          column('to', 'To'),
          column('subject', 'Subject'),
          column('template', 'Template'),
          column('transport', 'Transport'),
          column('sentAt', 'Sent'),
          { label: column('actions', 'Actions'), visuallyHidden: true },
        ]}
      />
      <Tbody>
        {emails.map((email) => (
          <Tr key={email.id} onClick={() => onOpen(email)} style={{ cursor: 'pointer' }}>
            <Td>
              <Typography textColor="neutral800">{email.to}</Typography>
            </Td>
            <Td maxWidth="40rem">
              <Typography textColor="neutral800" fontWeight="semiBold" ellipsis>
                {email.subject}
              </Typography>
            </Td>
            <Td>
              <Typography textColor={email.template ? 'neutral800' : 'neutral500'}>{email.template || '–'}</Typography>
            </Td>
            <Td>
              <Badge variant={email.transport === 'sendgrid' ? 'success' : 'neutral'}>
                {TRANSPORT_LABELS[email.transport] ? formatMessage(TRANSPORT_LABELS[email.transport]) : email.transport}
              </Badge>
            </Td>
            <Td>
              <DateTime value={email.sentAt} />
            </Td>
            <Td>
              <IconButton
                label={viewLabel}
                variant="ghost"
                onClick={(event) => {
                  event.stopPropagation();
                  onOpen(email);
                }}
              >
                <Eye />
              </IconButton>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
