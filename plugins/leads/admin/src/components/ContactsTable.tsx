import { Table, Tbody, Td, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import { paths } from '../paths';
import type { Contact } from '../types';
import { getTranslation } from '../utils/getTranslation';
import { DateTime } from './DateTime';
import { HeaderCell } from './HeaderCell';
import { ContactStatusBadge } from './StatusBadge';

const fullName = (contact: Contact) => [contact.firstName, contact.lastName].filter(Boolean).join(' ');

export const ContactsTable = ({ contacts }: { contacts: Contact[] }) => {
  const { formatMessage } = useIntl();
  const navigate = useNavigate();
  const column = (key: string, defaultMessage: string) => formatMessage({ id: getTranslation(`contacts.table.${key}`), defaultMessage });

  return (
    <Table colCount={5} rowCount={contacts.length + 1}>
      <Thead>
        <Tr>
          <HeaderCell>{column('email', 'Email')}</HeaderCell>
          <HeaderCell>{column('name', 'Name')}</HeaderCell>
          <HeaderCell>{column('company', 'Company')}</HeaderCell>
          <HeaderCell>{column('status', 'Status')}</HeaderCell>
          <HeaderCell>{column('lastActivity', 'Last activity')}</HeaderCell>
        </Tr>
      </Thead>
      <Tbody>
        {contacts.map((contact) => (
          <Tr key={contact.documentId} onClick={() => navigate(paths.contact(contact.documentId))} style={{ cursor: 'pointer' }}>
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
