import * as React from 'react';
import { DataTable, useAdminQuery } from '@magnetiq/plugin-kit/admin';
import { Button, Field, Flex, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { REGISTRATION_STATUSES, type Page, type RegistrationItem } from '../types';
import { getTranslation } from '../utils/getTranslation';
import { STATUS_LABELS, StatusBadge } from './StatusBadge';

const PAGE_SIZE = 50;

/** The registrations of a session: status filter, search, pages, and attended / no-show marks. */
export const RegistrationsTable = ({
  session,
  canManage,
  onChanged,
}: {
  session: string;
  canManage: boolean;
  onChanged: () => void;
}) => {
  const { formatMessage, formatDate } = useIntl();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const t = (id: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const [status, setStatus] = React.useState<string | null>(null);
  const [search, setSearch] = React.useState('');
  const [q, setQ] = React.useState('');
  const [page, setPage] = React.useState(1);
  const list = useAdminQuery<{ data: Page<RegistrationItem> }>(`/webinars/sessions/${session}/registrations`, {
    page,
    pageSize: PAGE_SIZE,
    status: status ?? undefined,
    q,
  });

  const mark = async (registration: string, next: 'attended' | 'no-show') => {
    try {
      await post(`/webinars/sessions/${session}/attendance`, { marks: [{ registration, status: next }] });
      list.refetch();
      onChanged();
    } catch {
      toggleNotification({ type: 'danger', message: t('action.failed', 'That did not work. Please try again.') });
    }
  };

  const results = list.data?.data.results ?? [];
  const pagination = list.data?.data.pagination;
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex gap={2} wrap="wrap" alignItems="flex-end">
        <form
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            setPage(1);
            setQ(search.trim());
          }}
        >
          <Field.Root name="q">
            <Field.Label>{t('registrations.search', 'Search')}</Field.Label>
            <Field.Input
              value={search}
              placeholder={t('registrations.searchPlaceholder', 'Email, name or company')}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => setSearch(event.target.value)}
            />
          </Field.Root>
        </form>
        <SingleSelect
          aria-label={t('registrations.status', 'Status')}
          placeholder={t('registrations.status', 'Status')}
          value={status ?? undefined}
          onChange={(value) => {
            setPage(1);
            setStatus(String(value));
          }}
          onClear={() => setStatus(null)}
        >
          {REGISTRATION_STATUSES.map((value) => (
            <SingleSelectOption key={value} value={value}>
              {formatMessage(STATUS_LABELS[value])}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Flex>
      <DataTable
        rows={results}
        rowKey={(row) => row.documentId}
        columns={[
          {
            label: t('registrations.name', 'Name'),
            cell: (row) => [row.firstName, row.lastName].filter(Boolean).join(' ') || '—',
          },
          { label: t('registrations.email', 'Email'), cell: (row) => row.email },
          { label: t('registrations.company', 'Company'), cell: (row) => row.company ?? '—' },
          { label: t('registrations.status', 'Status'), cell: (row) => <StatusBadge status={row.status} /> },
          {
            label: t('registrations.registeredAt', 'Registered'),
            cell: (row) => formatDate(row.registeredAt, { dateStyle: 'short', timeStyle: 'short' }),
          },
          canManage && {
            label: t('registrations.attendance', 'Attendance'),
            cell: (row) =>
              ['registered', 'attended', 'no-show'].includes(row.status) ? (
                <Flex gap={1}>
                  <Button
                    size="S"
                    variant={row.status === 'attended' ? 'success' : 'tertiary'}
                    onClick={() => mark(row.documentId, 'attended')}
                  >
                    {formatMessage(STATUS_LABELS.attended)}
                  </Button>
                  <Button
                    size="S"
                    variant={row.status === 'no-show' ? 'danger' : 'tertiary'}
                    onClick={() => mark(row.documentId, 'no-show')}
                  >
                    {formatMessage(STATUS_LABELS['no-show'])}
                  </Button>
                </Flex>
              ) : null,
          },
        ]}
        empty={list.data ? t('registrations.empty', 'No registrations match.') : t('registrations.loading', 'Loading…')}
      />
      {pagination && pagination.pageCount > 1 ? (
        <Flex gap={2} justifyContent="flex-end" alignItems="center">
          <Button size="S" variant="tertiary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t('pages.previous', 'Previous')}
          </Button>
          <Typography>{t('pages.of', 'Page {page} of {count}', { page, count: pagination.pageCount })}</Typography>
          <Button size="S" variant="tertiary" disabled={page >= pagination.pageCount} onClick={() => setPage(page + 1)}>
            {t('pages.next', 'Next')}
          </Button>
        </Flex>
      ) : null}
    </Flex>
  );
};
