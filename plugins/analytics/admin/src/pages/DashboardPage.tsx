import * as React from 'react';
import { useAdminQuery, useExport, PluginPage } from '@magnetiq/plugin-kit/admin';
import { Box, Field, Flex, Grid, Link, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { Page, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { FunnelChart, TimelineChart } from '../components/Charts';
import { CountsTable } from '../components/CountsTable';
import type { AnalyticsTable, Overview, UtmRow } from '../types';
import { getTranslation } from '../utils/getTranslation';

const DAY_MS = 86_400_000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

interface Filter {
  from: string;
  to: string;
  /** `all` or a locale configured in Settings → Internationalization */
  locale: string;
  interval: 'day' | 'week';
}

/** The filter starts from the address bar (?from=&to=&locale=&interval=), else the last 30 days. */
const initialFilter = (): Filter => {
  const params = new URLSearchParams(window.location.search);
  const today = new Date();
  return {
    from: params.get('from') ?? isoDay(new Date(today.getTime() - 29 * DAY_MS)),
    to: params.get('to') ?? isoDay(today),
    locale: (params.get('locale') as Filter['locale']) ?? 'all',
    interval: (params.get('interval') as Filter['interval']) ?? 'day',
  };
};

const utmTable = (
  dimension: 'source' | 'medium' | 'campaign',
  title: string,
  rows: UtmRow[],
  labels: Record<string, string>,
): AnalyticsTable => ({
  name: `utm-${dimension}`,
  title,
  columns: [
    { key: 'value', label: `utm_${dimension}`, kind: 'text' },
    { key: 'contacts', label: labels.contacts, kind: 'count' },
    { key: 'confirmed', label: labels.confirmed, kind: 'count' },
    { key: 'conversion', label: labels.conversion, kind: 'percent' },
  ],
  rows: rows.map((row) => ({ ...row })),
});

export const DashboardPage = () => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const [filter, setFilter] = React.useState<Filter>(initialFilter);
  // the locales configured in Settings → Internationalization (i18n's admin route)
  const localesQuery = useAdminQuery<Array<{ code: string; name: string }>>('/i18n/locales');
  const locales = Array.isArray(localesQuery.data) ? localesQuery.data : [];
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const csv = useExport(t('export.failed', 'The export failed. Please try again.'));
  const query = new URLSearchParams({
    from: filter.from,
    to: filter.to,
    locale: filter.locale,
    interval: filter.interval,
  }).toString();

  // a new filter keeps the last figures on screen until the new ones arrive
  const overviewQuery = useAdminQuery<{ data: Overview }>('/analytics/overview', { ...filter });
  const overview = overviewQuery.data?.data;
  const failed = Boolean(overviewQuery.error);

  React.useEffect(() => {
    if (!overviewQuery.error) return;
    toggleNotification({
      type: 'warning',
      message: t(
        'filter.invalid',
        'These figures could not be loaded: check the dates (at most two years, from before to).',
      ),
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [overviewQuery.error]);

  const exportTable = (name: string) =>
    csv.exportFile(
      `/analytics/export/${name}?${query}`,
      `analytics-${name.replace('.', '-')}-${filter.from}-${filter.to}.csv`,
      name,
    );

  if (!overview && failed) return <Page.Error />;
  if (!overview) return <Page.Loading />;

  const title = t('plugin.name', 'Lead analytics');
  const labels = {
    contacts: t('utm.contacts', 'Contacts'),
    confirmed: t('utm.confirmed', 'Confirmed'),
    conversion: t('utm.conversion', 'Conversion'),
  };
  const funnel = [
    { stage: t('funnel.submitted', 'Submitted'), contacts: overview.funnel.submitted },
    { stage: t('funnel.confirmed', 'Confirmed'), contacts: overview.funnel.confirmed },
    { stage: t('funnel.synced', 'In Odoo'), contacts: overview.funnel.synced },
    { stage: t('funnel.qualified', 'Qualified'), contacts: overview.funnel.qualified },
    { stage: t('funnel.won', 'Won'), contacts: overview.funnel.won },
  ];
  const outbox: AnalyticsTable = {
    name: 'outbox',
    title: t('outbox.title', 'Outbox health'),
    description: t('outbox.description', 'Deliveries waiting or failed now, per topic (not limited to the date range)'),
    columns: [
      { key: 'topic', label: t('outbox.topic', 'Topic'), kind: 'text' },
      { key: 'pending', label: t('outbox.pending', 'Pending'), kind: 'count' },
      { key: 'processing', label: t('outbox.processing', 'Processing'), kind: 'count' },
      { key: 'dead', label: t('outbox.dead', 'Dead'), kind: 'count' },
    ],
    rows: overview.outbox.map((row) => ({ ...row })),
  };
  const set = (change: Partial<Filter>) => setFilter((previous) => ({ ...previous, ...change }));

  return (
    <PluginPage
      title={title}
      subtitle={t('plugin.subtitle', 'Counts only: where leads come from and what they become')}
    >
      <Flex direction="column" alignItems="stretch" gap={6}>
        <Box background="neutral0" hasRadius shadow="tableShadow" padding={4}>
          <Flex gap={4} wrap="wrap" alignItems="flex-end">
            <Field.Root name="from">
              <Field.Label>{t('filter.from', 'From')}</Field.Label>
              <Field.Input
                type="date"
                value={filter.from}
                max={filter.to}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                  event.target.value && set({ from: event.target.value })
                }
              />
            </Field.Root>
            <Field.Root name="to">
              <Field.Label>{t('filter.to', 'To')}</Field.Label>
              <Field.Input
                type="date"
                value={filter.to}
                min={filter.from}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                  event.target.value && set({ to: event.target.value })
                }
              />
            </Field.Root>
            <Field.Root name="locale">
              <Field.Label>{t('filter.locale', 'Locale')}</Field.Label>
              <SingleSelect
                value={filter.locale}
                onChange={(value) => set({ locale: String(value) as Filter['locale'] })}
              >
                <SingleSelectOption value="all">{t('filter.allLocales', 'All locales')}</SingleSelectOption>
                {locales.map((locale) => (
                  <SingleSelectOption key={locale.code} value={locale.code}>
                    {locale.name}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
            <Field.Root name="interval">
              <Field.Label>{t('filter.interval', 'Per')}</Field.Label>
              <SingleSelect
                value={filter.interval}
                onChange={(value) => set({ interval: String(value) as Filter['interval'] })}
              >
                <SingleSelectOption value="day">{t('filter.day', 'Day')}</SingleSelectOption>
                <SingleSelectOption value="week">{t('filter.week', 'Week')}</SingleSelectOption>
              </SingleSelect>
            </Field.Root>
          </Flex>
        </Box>
        <Grid.Root gap={6}>
          <Grid.Item col={7} s={12} direction="column" alignItems="stretch">
            <TimelineChart title={t('timeline.title', 'Leads over time, by type')} timeline={overview.timeline} />
          </Grid.Item>
          <Grid.Item col={5} s={12} direction="column" alignItems="stretch">
            <FunnelChart title={t('funnel.title', 'Funnel (contacts)')} stages={funnel} />
          </Grid.Item>
        </Grid.Root>
        <Flex gap={2} justifyContent="flex-end">
          <CountsTableExport
            label={t('export.timeline', 'Leads over time (CSV)')}
            onClick={() => exportTable('timeline')}
          />
          <CountsTableExport label={t('export.funnel', 'Funnel (CSV)')} onClick={() => exportTable('funnel')} />
        </Flex>
        <Grid.Root gap={6}>
          {(['source', 'medium', 'campaign'] as const).map((dimension) => (
            <Grid.Item
              key={dimension}
              col={dimension === 'campaign' ? 12 : 6}
              s={12}
              direction="column"
              alignItems="stretch"
            >
              <CountsTable
                table={utmTable(
                  dimension,
                  t(`utm.${dimension}`, `Top UTM ${dimension}s`),
                  overview.utm[dimension],
                  labels,
                )}
                onExport={exportTable}
                isExporting={csv.exporting === `utm-${dimension}`}
              />
            </Grid.Item>
          ))}
        </Grid.Root>
        {overview.sections.map((section) => (
          <CountsTable
            key={section.name}
            table={section}
            onExport={exportTable}
            isExporting={csv.exporting === section.name}
          />
        ))}
        <CountsTable
          table={outbox}
          onExport={exportTable}
          isExporting={csv.exporting === 'outbox'}
          action={<Link href="/admin/plugins/leads/outbox">{t('outbox.link', 'Open the outbox')}</Link>}
        />
      </Flex>
    </PluginPage>
  );
};

const CountsTableExport = ({ label, onClick }: { label: string; onClick: () => void }) => (
  <Typography variant="pi">
    <Link
      href="#"
      onClick={(event: React.MouseEvent) => {
        event.preventDefault();
        onClick();
      }}
    >
      {label}
    </Link>
  </Typography>
);
