import * as React from 'react';
import { Field, Flex, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { SearchInput } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useListQuery } from '../hooks/useListQuery';
import { CONTACT_STATUSES } from '../types';
import { getTranslation } from '../utils/getTranslation';
import { CONTACT_STATUS_LABELS } from './StatusBadge';

/** Search, status and source filters of the contact list; all of them live in the URL. */
export const ContactFilters = () => {
  const { formatMessage } = useIntl();
  const { filters, setFilter } = useListQuery();
  const [source, setSource] = React.useState(filters.source ?? '');

  // Follow the URL when it changes under us (back button, a cleared filter).
  React.useEffect(() => setSource(filters.source ?? ''), [filters.source]);

  const applySource = () => {
    if (source.trim() !== (filters.source ?? '')) setFilter('source', source.trim());
  };

  const statusLabel = formatMessage({ id: getTranslation('contacts.filter.status'), defaultMessage: 'Status' });
  const sourceLabel = formatMessage({ id: getTranslation('contacts.filter.source'), defaultMessage: 'Source' });

  return (
    <Flex gap={2} wrap="wrap" alignItems="center">
      <SearchInput
        label={formatMessage({ id: getTranslation('contacts.search.label'), defaultMessage: 'Search contacts' })}
        placeholder={formatMessage({
          id: getTranslation('contacts.search.placeholder'),
          defaultMessage: 'Email, name or company',
        })}
      />
      <SingleSelect
        aria-label={statusLabel}
        size="S"
        placeholder={statusLabel}
        value={filters.status ?? null}
        onChange={(value) => setFilter('status', String(value))}
        onClear={() => setFilter('status', undefined)}
        clearLabel={formatMessage({ id: getTranslation('filters.clear'), defaultMessage: 'Clear filter' })}
      >
        {CONTACT_STATUSES.map((status) => (
          <SingleSelectOption key={status} value={status}>
            {formatMessage(CONTACT_STATUS_LABELS[status])}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          applySource();
        }}
      >
        <Field.Root name="source">
          <Field.Input
            aria-label={sourceLabel}
            size="S"
            value={source}
            onChange={(event) => setSource(event.target.value)}
            onBlur={applySource}
            placeholder={formatMessage({
              id: getTranslation('contacts.filter.source.placeholder'),
              defaultMessage: 'Source, e.g. contact-form',
            })}
          />
        </Field.Root>
      </form>
    </Flex>
  );
};
