import { Section, useAdminQuery, PluginPage } from '@magnetiq/plugin-kit/admin';
import { Flex } from '@strapi/design-system';
import { BackButton, isFetchError, Page, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useParams } from 'react-router-dom';
import { ActivityTimeline } from '../components/ActivityTimeline';
import { ConsentsTable } from '../components/ConsentsTable';
import { ContactFields } from '../components/ContactFields';
import { EraseContactButton } from '../components/EraseContactButton';
import { ExportContactButton } from '../components/ExportContactButton';
import { paths } from '../paths';
import { PERMISSIONS } from '../permissions';
import type { Contact, ContactTimeline, DataResponse } from '../types';
import { getTranslation } from '../utils/getTranslation';

const GDPR_PERMISSIONS = [...PERMISSIONS.contactsExport, ...PERMISSIONS.contactsErase];

const displayName = (contact: Contact) =>
  [contact.firstName, contact.lastName].filter(Boolean).join(' ') || contact.email;

export const ContactDetailPage = () => {
  const { formatMessage } = useIntl();
  const { documentId = '' } = useParams<{ documentId: string }>();
  const { data, error, isLoading, refetch } = useAdminQuery<DataResponse<ContactTimeline>>(
    `/leads/contacts/${encodeURIComponent(documentId)}`,
  );
  // The buttons are hidden without permission; the server enforces the same permissions.
  const {
    isLoading: isLoadingPermissions,
    allowedActions: { canExport, canErase },
  } = useRBAC(GDPR_PERMISSIONS);

  if (error) {
    if (isFetchError(error) && error.status === 404) {
      return (
        <Page.Error
          content={formatMessage({
            id: getTranslation('contact.notFound'),
            defaultMessage: 'This contact does not exist.',
          })}
        />
      );
    }
    return <Page.Error />;
  }
  if (!data || isLoadingPermissions) return <Page.Loading />;

  const { contact, consents, activities, entries } = data.data;
  const title = displayName(contact);

  return (
    <PluginPage
      busy={isLoading}
      navigationAction={<BackButton fallback={paths.contacts} />}
      title={title}
      subtitle={title === contact.email ? undefined : contact.email}
      primaryAction={
        <Flex gap={2}>
          {canExport ? <ExportContactButton documentId={contact.documentId} /> : null}
          {canErase && contact.status !== 'erased' ? (
            <EraseContactButton documentId={contact.documentId} email={contact.email} onErased={refetch} />
          ) : null}
        </Flex>
      }
    >
      <Flex direction="column" alignItems="stretch" gap={6}>
        <Section title={formatMessage({ id: getTranslation('contact.section.details'), defaultMessage: 'Details' })}>
          <ContactFields contact={contact} />
        </Section>
        <Section title={formatMessage({ id: getTranslation('contact.section.consents'), defaultMessage: 'Consents' })}>
          <ConsentsTable consents={consents} />
        </Section>
        <Section
          title={formatMessage({ id: getTranslation('contact.section.activities'), defaultMessage: 'Activity' })}
        >
          <ActivityTimeline activities={activities} entries={entries} />
        </Section>
      </Flex>
    </PluginPage>
  );
};
