import { DateTime, Detail as Field, DetailText as Text } from '@magnetiq/plugin-kit/admin';
import { Flex, Grid } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { Contact } from '../types';
import { getTranslation } from '../utils/getTranslation';
import { ContactStatusBadge } from './StatusBadge';

export const ContactFields = ({ contact }: { contact: Contact }) => {
  const { formatMessage } = useIntl();
  const label = (key: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(`contact.field.${key}`), defaultMessage });

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Grid.Root gap={5}>
        <Field label={label('email', 'Email')}>
          <Text value={contact.email} />
        </Field>
        <Field label={label('firstName', 'First name')}>
          <Text value={contact.firstName} />
        </Field>
        <Field label={label('lastName', 'Last name')}>
          <Text value={contact.lastName} />
        </Field>
        <Field label={label('company', 'Company')}>
          <Text value={contact.company} />
        </Field>
        <Field label={label('jobTitle', 'Job title')}>
          <Text value={contact.jobTitle} />
        </Field>
        <Field label={label('phone', 'Phone')}>
          <Text value={contact.phone} />
        </Field>
        <Field label={label('country', 'Country')}>
          <Text value={contact.country} />
        </Field>
        <Field label={label('language', 'Language')}>
          <Text value={contact.language} />
        </Field>
        <Field label={label('status', 'Status')}>
          <ContactStatusBadge status={contact.status} />
        </Field>
      </Grid.Root>
      <Grid.Root gap={5}>
        <Field label={label('createdAt', 'Created')}>
          <DateTime value={contact.createdAt} />
        </Field>
        <Field label={label('confirmedAt', 'Confirmed')}>
          <DateTime value={contact.confirmedAt} />
        </Field>
        <Field label={label('lastActivityAt', 'Last activity')}>
          <DateTime value={contact.lastActivityAt} />
        </Field>
        <Field label={label('unsubscribedAt', 'Unsubscribed')}>
          <DateTime value={contact.unsubscribedAt} />
        </Field>
        <Field label={label('erasedAt', 'Erased')}>
          <DateTime value={contact.erasedAt} />
        </Field>
      </Grid.Root>
    </Flex>
  );
};
