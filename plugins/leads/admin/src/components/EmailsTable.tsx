import { DataTable, DateTime } from '@magnetiq/plugin-kit/admin';
import { Badge, IconButton, Typography } from '@strapi/design-system';
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
    <DataTable
      rows={emails}
      rowKey={(email) => email.id}
      onRowClick={onOpen}
      textColor="neutral800"
      columns={[
        { label: column('to', 'To'), cell: (email) => email.to },
        {
          label: column('subject', 'Subject'),
          maxWidth: '40rem',
          cell: (email) => (
            <Typography textColor="neutral800" fontWeight="semiBold" ellipsis>
              {email.subject}
            </Typography>
          ),
        },
        {
          label: column('template', 'Template'),
          cell: (email) => (
            <Typography textColor={email.template ? 'neutral800' : 'neutral500'}>{email.template || '–'}</Typography>
          ),
        },
        {
          label: column('transport', 'Transport'),
          cell: (email) => (
            <Badge variant={email.transport === 'sendgrid' ? 'success' : 'neutral'}>
              {TRANSPORT_LABELS[email.transport] ? formatMessage(TRANSPORT_LABELS[email.transport]) : email.transport}
            </Badge>
          ),
        },
        { label: column('sentAt', 'Sent'), cell: (email) => <DateTime value={email.sentAt} /> },
        {
          label: column('actions', 'Actions'),
          visuallyHidden: true,
          cell: (email) => (
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
          ),
        },
      ]}
    />
  );
};
