import * as React from 'react';
import { DataTable, ExportButton, useAdminQuery, PluginPage } from '@magnetiq/plugin-kit/admin';
import { Box, Button, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { AuditEntry as LeadsAuditEntry } from '@magnetiq/plugin-leads/contract';
import { getTranslation } from '../utils/getTranslation';

/** as the route answers it: dates as ISO strings */
type AuditEntry = Omit<LeadsAuditEntry, 'occurredAt'> & { occurredAt: string };

type Filters = Record<'user' | 'action' | 'type' | 'from' | 'to', string>;
const EMPTY: Filters = { user: '', action: '', type: '', from: '', to: '' };
const FIELDS: Array<[keyof Filters, string]> = [
  ['user', 'Admin user id'],
  ['action', 'Action (e.g. content.*)'],
  ['type', 'Type (e.g. api::page.page)'],
  ['from', 'From (YYYY-MM-DD)'],
  ['to', 'To (YYYY-MM-DD)'],
];

/** The audit log with filters and CSV export (Super Admin). */
export const AuditLogPage = () => {
  const { formatMessage, formatDate } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const [draft, setDraft] = React.useState<Filters>(EMPTY);
  const [filters, setFilters] = React.useState<Filters>(EMPTY);
  const params = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== ''));
  const query = useAdminQuery<{ data: AuditEntry[] }>('/editorial/audit-log', { ...params, pageSize: 100 });
  return (
    <PluginPage
      title={t('audit.title', 'Audit log')}
      primaryAction={
        <ExportButton
          path={`/editorial/audit-log/export?${new URLSearchParams(params).toString()}`}
          fileName="audit-log.csv"
          failureMessage={t('audit.exportFailed', 'The export failed')}
        >
          {t('audit.export', 'Export CSV')}
        </ExportButton>
      }
    >
      <Flex gap={2} alignItems="flex-end" paddingBottom={4} wrap="wrap">
        {FIELDS.map(([key, label]) => (
          <Field.Root key={key} name={key}>
            <Field.Label>{label}</Field.Label>
            <TextInput
              value={draft[key]}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                setDraft({ ...draft, [key]: event.target.value })
              }
            />
          </Field.Root>
        ))}
        <Button variant="secondary" onClick={() => setFilters(draft)}>
          {t('audit.filter', 'Filter')}
        </Button>
      </Flex>
      {query.error ? <Typography textColor="danger600">{t('audit.failed', 'Check the filters')}</Typography> : null}
      <Box background="neutral0" hasRadius shadow="tableShadow">
        <DataTable
          rows={query.data?.data ?? []}
          rowKey={(entry) => entry.id}
          columns={[
            {
              label: t('audit.when', 'When'),
              cell: (entry) => formatDate(entry.occurredAt, { dateStyle: 'short', timeStyle: 'medium' }),
            },
            {
              label: t('audit.who', 'Who'),
              cell: (entry) => entry.actorEmail ?? (entry.actorId ? `#${entry.actorId}` : '—'),
            },
            { label: t('audit.action', 'Action'), cell: (entry) => entry.action },
            { label: t('audit.what', 'What'), cell: (entry) => `${entry.subjectType} ${entry.subjectId}` },
            {
              label: t('audit.details', 'Details'),
              cell: (entry) => (
                <Typography variant="pi">{entry.details ? JSON.stringify(entry.details).slice(0, 160) : ''}</Typography>
              ),
            },
          ]}
        />
      </Box>
    </PluginPage>
  );
};
