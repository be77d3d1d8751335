import * as React from 'react';
import { EmptyList, useAdminQuery, PluginPage } from '@magnetiq/plugin-kit/admin';
import { Flex } from '@strapi/design-system';
import { Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { EmailBodyModal } from '../components/EmailBodyModal';
import { EmailsTable } from '../components/EmailsTable';
import { ListPagination } from '../components/ListPagination';
import { useListQuery } from '../hooks/useListQuery';
import type { EmailLogEntry, ListResponse } from '../types';
import { getTranslation } from '../utils/getTranslation';

export const EmailsPage = () => {
  const { formatMessage } = useIntl();
  const { page } = useListQuery();
  // The endpoint has a fixed page size, so only the page is sent.
  const { data, error, isLoading } = useAdminQuery<ListResponse<EmailLogEntry>>('/leads/emails', { page });
  const [openEmail, setOpenEmail] = React.useState<EmailLogEntry | null>(null);

  const title = formatMessage({ id: getTranslation('emails.title'), defaultMessage: 'Emails' });

  if (error) return <Page.Error />;
  if (!data) return <Page.Loading />;

  return (
    <PluginPage
      busy={isLoading}
      title={title}
      subtitle={formatMessage({
        id: getTranslation('emails.subtitle'),
        defaultMessage: 'Every email sent or, without a SendGrid key, only logged',
      })}
    >
      {data.data.length === 0 ? (
        <EmptyList
          content={formatMessage({
            id: getTranslation('emails.empty'),
            defaultMessage: 'No email has been sent yet.',
          })}
        />
      ) : (
        <Flex direction="column" alignItems="stretch" gap={4}>
          <EmailsTable emails={data.data} onOpen={setOpenEmail} />
          <ListPagination pagination={data.meta.pagination} canChangePageSize={false} />
        </Flex>
      )}
      <EmailBodyModal email={openEmail} onClose={() => setOpenEmail(null)} />
    </PluginPage>
  );
};
