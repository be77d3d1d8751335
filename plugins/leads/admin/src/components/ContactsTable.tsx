import { DataTable, DateTime } from '@magnetiq/plugin-kit/admin';
import { Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import { paths } from '../paths';
import type { Contact } from '../types';
import { getTranslation } from '../utils/getTranslation';
import { ContactStatusBadge } from './StatusBadge';

const fullName = (contact: Contact) => [contact.firstName, contact.lastName].filter(Boolean).join(' ');

export const ContactsTable = ({ contacts }: { contacts: Contact[] }) => {
  const { formatMessage } = useIntl();
  const navigate = useNavigate();
  const column = (key: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(`contacts.table.${key}`), defaultMessage });

  return (
    <DataTable
      rows={contacts}
      rowKey={(contact) => contact.documentId}
      onRowClick={(contact) => navigate(paths.contact(contact.documentId))}
      textColor="neutral800"
      columns={[
        {
          label: column('email', 'Email'),
          cell: (contact) => (
            <Typography fontWeight="semiBold" textColor="neutral800">
              {contact.email}
            </Typography>
          ),
        },
        { label: column('name', 'Name'), cell: (contact) => fullName(contact) || '–' },
        { label: column('company', 'Company'), cell: (contact) => contact.company || '–' },
        { label: column('status', 'Status'), cell: (contact) => <ContactStatusBadge status={contact.status} /> },
        {
          label: column('lastActivity', 'Last activity'),
          cell: (contact) => <DateTime value={contact.lastActivityAt} />,
        },
      ]}
    />
  );
};
