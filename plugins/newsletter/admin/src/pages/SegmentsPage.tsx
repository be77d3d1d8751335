import * as React from 'react';
import { EmptyList, Section, TableHead, useAdminAction, useAdminQuery } from '@magnetiq/plugin-kit/admin';
import { Button, Checkbox, Field, Flex, Grid, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { PluginNav } from '../components/PluginNav';
import { RowActions } from '../components/RowActions';
import { LIST_FILTERS, type DataResponse, type ListFilter, type Segment, type SegmentFilter } from '../types';
import { useT } from '../utils/useT';

/** The form's state: the list parts as comma-separated text. */
interface FormState {
  id: number | null;
  name: string;
  lists: Record<ListFilter, string>;
  booked: boolean;
  confirmedFrom: string;
  confirmedBefore: string;
}

const emptyLists = () => Object.fromEntries(LIST_FILTERS.map((key) => [key, ''])) as Record<ListFilter, string>;
const EMPTY: FormState = {
  id: null,
  name: '',
  lists: emptyLists(),
  booked: false,
  confirmedFrom: '',
  confirmedBefore: '',
};

const fromSegment = (segment: Segment): FormState => ({
  id: segment.id,
  name: segment.name,
  lists: Object.fromEntries(LIST_FILTERS.map((key) => [key, (segment.filter[key] ?? []).join(', ')])) as Record<
    ListFilter,
    string
  >,
  booked: segment.filter.booked === true,
  confirmedFrom: segment.filter.confirmedFrom?.slice(0, 10) ?? '',
  confirmedBefore: segment.filter.confirmedBefore?.slice(0, 10) ?? '',
});

/** The filter the server accepts: only the parts that say something. */
const toFilter = (form: FormState): SegmentFilter => {
  const filter: SegmentFilter = {};
  for (const key of LIST_FILTERS) {
    const values = form.lists[key]
      .split(',')
      .map((value) => value.trim())
      .filter(Boolean);
    if (values.length > 0) filter[key] = values;
  }
  if (form.booked) filter.booked = true;
  if (form.confirmedFrom) filter.confirmedFrom = form.confirmedFrom;
  if (form.confirmedBefore) filter.confirmedBefore = form.confirmedBefore;
  return filter;
};

/** The live count of a filter from the server, a moment after the last change. */
const useLiveCount = (filter: SegmentFilter) => {
  const { post } = useFetchClient();
  const key = JSON.stringify(filter);
  const [count, setCount] = React.useState<number | null>(null);
  const [failed, setFailed] = React.useState(false);
  React.useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      post<DataResponse<{ count: number }>>('/newsletter/segments/count', JSON.parse(key))
        .then(({ data }) => {
          if (!current) return;
          setCount(data.data.count);
          setFailed(false);
        })
        .catch(() => current && setFailed(true));
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [post, key]);
  return { count, failed };
};

const SegmentCount = ({ id }: { id: number }) => {
  const { formatNumber } = useIntl();
  const count = useAdminQuery<DataResponse<{ count: number }>>(`/newsletter/segments/${id}/count`);
  return <Typography>{count.data ? formatNumber(count.data.data.count) : '…'}</Typography>;
};

/** Saved segments with their live counts, and the editor of one. */
export const SegmentsPage = () => {
  const t = useT();
  const { formatNumber } = useIntl();
  const { post, put, del } = useFetchClient();
  const segments = useAdminQuery<DataResponse<Segment[]>>('/newsletter/segments');
  const action = useAdminAction(t('notification.error', 'Something went wrong. Please try again.'));
  const [form, setForm] = React.useState<FormState>(EMPTY);
  const filter = toFilter(form);
  const live = useLiveCount(filter);
  const title = t('segments.title', 'Segments');

  const labels: Record<ListFilter, [string, string]> = {
    topics: [t('filter.topics', 'Topics (slugs)'), t('filter.topicsHint', 'subscribed to any of them')],
    languages: [t('filter.languages', 'Languages'), t('filter.languagesHint', 'e.g. en, de')],
    sources: [
      t('filter.sources', 'Came in through'),
      t('filter.sourcesHint', 'contact-form, whitepaper-download, webinar-registration, booking, newsletter-signup'),
    ],
    utmSources: [t('filter.utmSources', 'utm_source'), ''],
    utmMediums: [t('filter.utmMediums', 'utm_medium'), ''],
    utmCampaigns: [t('filter.utmCampaigns', 'utm_campaign'), ''],
    whitepapers: [t('filter.whitepapers', 'Requested whitepapers'), t('filter.documentIds', 'document ids')],
    webinars: [t('filter.webinars', 'Registered for webinars'), t('filter.documentIds', 'document ids')],
  };

  const setList = (key: ListFilter) => (event: React.ChangeEvent<HTMLInputElement>) =>
    setForm((previous) => ({ ...previous, lists: { ...previous.lists, [key]: event.target.value } }));
  const setField =
    (key: 'name' | 'confirmedFrom' | 'confirmedBefore') => (event: React.ChangeEvent<HTMLInputElement>) =>
      setForm((previous) => ({ ...previous, [key]: event.target.value }));

  const save = (event: React.FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      const body = { name: form.name.trim(), filter };
      if (form.id) await put(`/newsletter/segments/${form.id}`, body);
      else await post('/newsletter/segments', body);
      setForm(EMPTY);
      segments.refetch();
      return t('segments.saved', 'Segment saved');
    }, 'save');
  };

  const remove = (segment: Segment) =>
    action.run(async () => {
      await del(`/newsletter/segments/${segment.id}`);
      if (form.id === segment.id) setForm(EMPTY);
      segments.refetch();
      return t('segments.deleted', 'Segment deleted');
    }, `delete-${segment.id}`);

  if (!segments.data && segments.error) return <Page.Error />;
  if (!segments.data) return <Page.Loading />;
  const rows = segments.data.data;

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={t('segments.subtitle', 'Saved filters over your subscribers; a campaign goes to one')}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <PluginNav />
          {rows.length === 0 ? (
            <EmptyList content={t('segments.empty', 'No segments yet.')} />
          ) : (
            <Table colCount={3} rowCount={rows.length + 1}>
              <TableHead
                columns={[
                  t('segments.name', 'Name'),
                  t('segments.count', 'Subscribers now'),
                  t('list.actions', 'Actions'),
                ]}
              />
              <Tbody>
                {rows.map((segment) => (
                  <Tr key={segment.id}>
                    <Td>
                      <Typography>{segment.name}</Typography>
                    </Td>
                    <Td>
                      <SegmentCount id={segment.id} />
                    </Td>
                    <Td>
                      <RowActions
                        onEdit={() => setForm(fromSegment(segment))}
                        onDelete={() => remove(segment)}
                        isDeleting={action.busy === `delete-${segment.id}`}
                      />
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}
          <Section
            title={form.id ? t('segments.edit', 'Edit segment') : t('segments.new', 'New segment')}
            description={t(
              'segments.description',
              'Only confirmed subscribers are counted. Parts combine with AND, values of one part (comma-separated) with OR.',
            )}
          >
            <form onSubmit={save}>
              <Flex direction="column" alignItems="stretch" gap={4}>
                <Grid.Root gap={4}>
                  <Grid.Item col={6} xs={12} direction="column" alignItems="stretch">
                    <Field.Root name="name" required>
                      <Field.Label>{t('segments.name', 'Name')}</Field.Label>
                      <Field.Input value={form.name} onChange={setField('name')} maxLength={120} />
                    </Field.Root>
                  </Grid.Item>
                  {LIST_FILTERS.map((key) => (
                    <Grid.Item key={key} col={6} xs={12} direction="column" alignItems="stretch">
                      <Field.Root name={key} hint={labels[key][1] || undefined}>
                        <Field.Label>{labels[key][0]}</Field.Label>
                        <Field.Input value={form.lists[key]} onChange={setList(key)} />
                        <Field.Hint />
                      </Field.Root>
                    </Grid.Item>
                  ))}
                  <Grid.Item col={3} xs={12} direction="column" alignItems="stretch">
                    <Field.Root name="confirmedFrom">
                      <Field.Label>{t('filter.confirmedFrom', 'Subscribed from')}</Field.Label>
                      <Field.Input type="date" value={form.confirmedFrom} onChange={setField('confirmedFrom')} />
                    </Field.Root>
                  </Grid.Item>
                  <Grid.Item col={3} xs={12} direction="column" alignItems="stretch">
                    <Field.Root name="confirmedBefore">
                      <Field.Label>{t('filter.confirmedBefore', 'Subscribed before')}</Field.Label>
                      <Field.Input type="date" value={form.confirmedBefore} onChange={setField('confirmedBefore')} />
                    </Field.Root>
                  </Grid.Item>
                  <Grid.Item col={6} xs={12} direction="column" alignItems="flex-start" justifyContent="flex-end">
                    <Checkbox
                      checked={form.booked}
                      onCheckedChange={(checked: boolean | 'indeterminate') =>
                        setForm((previous) => ({ ...previous, booked: checked === true }))
                      }
                    >
                      {t('filter.booked', 'Booked at least one meeting')}
                    </Checkbox>
                  </Grid.Item>
                </Grid.Root>
                <Flex justifyContent="space-between">
                  <Typography tag="p" role="status" aria-live="polite" fontWeight="semiBold">
                    {live.failed
                      ? t('segments.countFailed', 'The filter is not valid yet.')
                      : live.count === null
                        ? '…'
                        : t('segments.liveCount', '{count} subscribers match', { count: formatNumber(live.count) })}
                  </Typography>
                  <Flex gap={2}>
                    {form.id ? (
                      <Button variant="tertiary" onClick={() => setForm(EMPTY)}>
                        {t('segments.newInstead', 'New segment instead')}
                      </Button>
                    ) : null}
                    <Button
                      type="submit"
                      startIcon={form.id ? undefined : <Plus />}
                      loading={action.busy === 'save'}
                      disabled={!form.name.trim()}
                    >
                      {t('segments.save', 'Save segment')}
                    </Button>
                  </Flex>
                </Flex>
              </Flex>
            </form>
          </Section>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
