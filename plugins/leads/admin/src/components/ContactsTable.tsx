import { DateTime, TableHead } from '@magnetiq/plugin-kit/admin';
import { Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
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
    <Table colCount={5} rowCount={contacts.length + 1}>
      <TableHead
        columns={[
          column('email', 'Email'),
          column('name', 'Name'),
          column('company', 'Company'),
          column('status', 'Status'),
          column('lastActivity', 'Last activity'),
        ]}
      />
      <Tbody>
        {contacts.map((contact) => (
          <Tr
            key={contact.documentId}
            onClick={() => navigate(paths.contact(contact.documentId))}
            style={{ cursor: 'pointer' }}
          >
            <Td>
              <Typography fontWeight="semiBold" textColor="neutral800">
                {contact.email}
              </Typography>
            </Td>
            <Td>
              <Typography textColor="neutral800">{fullName(contact) || '–'}</Typography>
            </Td>
            <Td>
              <Typography textColor="neutral800">{contact.company || '–'}</Typography>
            </Td>
            <Td>
              <ContactStatusBadge status={contact.status} />
            </Td>
            <Td>
              <DateTime value={contact.lastActivityAt} />
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
