import { EmptyList, useAdminQuery, PluginPage } from '@magnetiq/plugin-kit/admin';
import { Flex } from '@strapi/design-system';
import { Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { ContactFilters } from '../components/ContactFilters';
import { ContactsTable } from '../components/ContactsTable';
import { ListPagination } from '../components/ListPagination';
import { useListQuery } from '../hooks/useListQuery';
import type { Contact, ListResponse } from '../types';
import { getTranslation } from '../utils/getTranslation';

export const ContactsListPage = () => {
  const { formatMessage } = useIntl();
  const { search, filters, page, pageSize } = useListQuery();
  const { data, error, isLoading } = useAdminQuery<ListResponse<Contact>>('/leads/contacts', {
    q: search,
    status: filters.status,
    source: filters.source,
    page,
    pageSize,
  });

  const title = formatMessage({ id: getTranslation('contacts.title'), defaultMessage: 'Contacts' });

  if (error) return <Page.Error />;
  if (!data) return <Page.Loading />;

  const { total } = data.meta.pagination;
  const isFiltered = Boolean(search || filters.status || filters.source);

  return (
    <PluginPage
      busy={isLoading}
      title={title}
      startActions={<ContactFilters />}
      subtitle={formatMessage(
        {
          id: getTranslation('contacts.subtitle'),
          defaultMessage: '{total, plural, one {# contact} other {# contacts}} found',
        },
        { total },
      )}
    >
      {data.data.length === 0 ? (
        <EmptyList
          content={
            isFiltered
              ? formatMessage({
                  id: getTranslation('contacts.empty.filtered'),
                  defaultMessage: 'No contact matches these filters.',
                })
              : formatMessage({
                  id: getTranslation('contacts.empty'),
                  defaultMessage: 'No contacts yet. They appear here when someone fills in a form.',
                })
          }
        />
      ) : (
        <Flex direction="column" alignItems="stretch" gap={4}>
          <ContactsTable contacts={data.data} />
          <ListPagination pagination={data.meta.pagination} />
        </Flex>
      )}
    </PluginPage>
  );
};
