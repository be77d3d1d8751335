import * as React from 'react';
import { DataTable, ListEditorPage, Section, useAdminQuery, useListEditor } from '@magnetiq/plugin-kit/admin';
import { Checkbox, Field, Flex, Grid, MultiSelect, MultiSelectOption, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { PluginNav } from '../components/PluginNav';
import { EditorActions } from '../components/EditorActions';
import { actionsColumn } from '../components/RowActions';
import {
  CHOICE_FILTERS,
  TEXT_FILTERS,
  type ChoiceFilter,
  type DataResponse,
  type Option,
  type Segment,
  type SegmentFilter,
  type SegmentOptions,
  type TextFilter,
} from '../types';
import { useT } from '../utils/useT';

/** The form's state: known values chosen in multi-selects, the UTM parts as comma-separated text. */
interface FormState {
  id: number | null;
  name: string;
  choices: Record<ChoiceFilter, string[]>;
  texts: Record<TextFilter, string>;
  /** other plugins' criteria by name (webinar-attended, odoo-stage) */
  criteria: Record<string, string[]>;
  booked: boolean;
  confirmedFrom: string;
  confirmedBefore: string;
}

const EMPTY: FormState = {
  id: null,
  name: '',
  choices: Object.fromEntries(CHOICE_FILTERS.map((key) => [key, []])) as unknown as Record<ChoiceFilter, string[]>,
  texts: Object.fromEntries(TEXT_FILTERS.map((key) => [key, ''])) as Record<TextFilter, string>,
  criteria: {},
  booked: false,
  confirmedFrom: '',
  confirmedBefore: '',
};

const fromSegment = (segment: Segment): FormState => ({
  id: segment.id,
  name: segment.name,
  choices: Object.fromEntries(CHOICE_FILTERS.map((key) => [key, segment.filter[key] ?? []])) as unknown as Record<
    ChoiceFilter,
    string[]
  >,
  texts: Object.fromEntries(TEXT_FILTERS.map((key) => [key, (segment.filter[key] ?? []).join(', ')])) as Record<
    TextFilter,
    string
  >,
  criteria: Object.fromEntries((segment.filter.criteria ?? []).map(({ name, values }) => [name, values])),
  booked: segment.filter.booked === true,
  confirmedFrom: segment.filter.confirmedFrom?.slice(0, 10) ?? '',
  confirmedBefore: segment.filter.confirmedBefore?.slice(0, 10) ?? '',
});

/** The filter the server accepts: only the parts that say something. */
const toFilter = (form: FormState): SegmentFilter => {
  const filter: SegmentFilter = {};
  for (const key of CHOICE_FILTERS) if (form.choices[key].length > 0) filter[key] = form.choices[key];
  for (const key of TEXT_FILTERS) {
    const values = form.texts[key]
      .split(',')
      .map((value) => value.trim())
      .filter(Boolean);
    if (values.length > 0) filter[key] = values;
  }
  const criteria = Object.entries(form.criteria)
    .filter(([, values]) => values.length > 0)
    .map(([name, values]) => ({ name, values }));
  if (criteria.length > 0) filter.criteria = criteria;
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

/**
 * A part chosen from known values. A value a saved segment holds that is no longer offered (a
 * whitepaper nobody requests any more) stays choosable, so saving does not drop it unseen.
 */
const ChoiceField = ({
  name,
  label,
  hint,
  options,
  value,
  onChange,
}: {
  name: string;
  label: string;
  hint?: string;
  options: Option[];
  value: string[];
  onChange: (value: string[]) => void;
}) => {
  const offered = [
    ...options,
    ...value.filter((v) => !options.some((o) => o.value === v)).map((v) => ({ value: v, label: v })),
  ];
  return (
    <Field.Root name={name} hint={hint}>
      <Field.Label>{label}</Field.Label>
      <MultiSelect
        value={value}
        onChange={onChange}
        withTags
        onClear={() => onChange([])}
        disabled={offered.length === 0}
      >
        {offered.map((option) => (
          <MultiSelectOption key={option.value} value={option.value}>
            {option.label}
          </MultiSelectOption>
        ))}
      </MultiSelect>
      <Field.Hint />
    </Field.Root>
  );
};

/** Saved segments with their live counts, and the editor of one. */
export const SegmentsPage = () => {
  const t = useT();
  const { formatNumber } = useIntl();
  const segments = useAdminQuery<DataResponse<Segment[]>>('/newsletter/segments');
  const options = useAdminQuery<DataResponse<SegmentOptions>>('/newsletter/segments/options');
  const editor = useListEditor({
    path: '/newsletter/segments',
    empty: EMPTY,
    refetch: segments.refetch,
    failureMessage: t('notification.error', 'Something went wrong. Please try again.'),
  });
  const { form, setForm } = editor;
  const filter = toFilter(form);
  const live = useLiveCount(filter);
  const offered = options.data?.data;
  const rows = segments.data?.data ?? [];

  const choiceLabels: Record<ChoiceFilter, [string, string]> = {
    topics: [t('filter.topics', 'Topics'), t('filter.topicsHint', 'subscribed to any of them')],
    languages: [t('filter.languages', 'Languages'), ''],
    sources: [t('filter.sources', 'Came in through'), t('filter.sourcesHint', 'any of these activities')],
    whitepapers: [t('filter.whitepapers', 'Requested whitepapers'), ''],
    webinars: [t('filter.webinars', 'Registered for webinars'), ''],
  };
  const textLabels: Record<TextFilter, string> = {
    utmSources: t('filter.utmSources', 'utm_source'),
    utmMediums: t('filter.utmMediums', 'utm_medium'),
    utmCampaigns: t('filter.utmCampaigns', 'utm_campaign'),
  };

  const setChoice = (key: ChoiceFilter) => (values: string[]) =>
    setForm((previous) => ({ ...previous, choices: { ...previous.choices, [key]: values } }));
  const setCriterion = (name: string) => (values: string[]) =>
    setForm((previous) => ({ ...previous, criteria: { ...previous.criteria, [name]: values } }));
  const setText = (key: TextFilter) => (event: React.ChangeEvent<HTMLInputElement>) =>
    setForm((previous) => ({ ...previous, texts: { ...previous.texts, [key]: event.target.value } }));
  const setField =
    (key: 'name' | 'confirmedFrom' | 'confirmedBefore') => (event: React.ChangeEvent<HTMLInputElement>) =>
      setForm((previous) => ({ ...previous, [key]: event.target.value }));

  const save = (event: React.FormEvent) => {
    event.preventDefault();
    void editor.save({ name: form.name.trim(), filter }, t('segments.saved', 'Segment saved'));
  };

  const list = (
    <DataTable
      rows={rows}
      rowKey={(segment) => segment.id}
      columns={[
        { label: t('segments.name', 'Name'), cell: (segment) => segment.name },
        { label: t('segments.count', 'Subscribers now'), cell: (segment) => <SegmentCount id={segment.id} /> },
        actionsColumn<Segment>(
          t('list.actions', 'Actions'),
          editor,
          (segment) => setForm(fromSegment(segment)),
          t('segments.deleted', 'Segment deleted'),
        ),
      ]}
    />
  );

  const editorSection = (
    <Section
      title={form.id ? t('segments.edit', 'Edit segment') : t('segments.new', 'New segment')}
      description={t(
        'segments.description',
        'Only confirmed subscribers are counted. Parts combine with AND, the values of one part with OR.',
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
            {CHOICE_FILTERS.map((key) => (
              <Grid.Item key={key} col={6} xs={12} direction="column" alignItems="stretch">
                <ChoiceField
                  name={key}
                  label={choiceLabels[key][0]}
                  hint={choiceLabels[key][1] || undefined}
                  options={offered?.[key] ?? []}
                  value={form.choices[key]}
                  onChange={setChoice(key)}
                />
              </Grid.Item>
            ))}
            {(offered?.criteria ?? []).map((criterion) => (
              <Grid.Item key={criterion.name} col={6} xs={12} direction="column" alignItems="stretch">
                <ChoiceField
                  name={`criterion-${criterion.name}`}
                  label={t(`criterion.${criterion.name}`, criterion.label)}
                  options={criterion.options}
                  value={form.criteria[criterion.name] ?? []}
                  onChange={setCriterion(criterion.name)}
                />
              </Grid.Item>
            ))}
            {TEXT_FILTERS.map((key) => (
              <Grid.Item key={key} col={4} xs={12} direction="column" alignItems="stretch">
                <Field.Root name={key} hint={t('filter.commaSeparated', 'comma-separated')}>
                  <Field.Label>{textLabels[key]}</Field.Label>
                  <Field.Input value={form.texts[key]} onChange={setText(key)} />
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
            <EditorActions
              isEditing={form.id !== null}
              onReset={editor.reset}
              resetLabel={t('segments.newInstead', 'New segment instead')}
              saveLabel={t('segments.save', 'Save segment')}
              isSaving={editor.isSaving}
              canSave={Boolean(form.name.trim())}
            />
          </Flex>
        </Flex>
      </form>
    </Section>
  );

  return (
    <ListEditorPage
      title={t('segments.title', 'Segments')}
      subtitle={t('segments.subtitle', 'Saved filters over your subscribers; a campaign goes to one')}
      nav={<PluginNav />}
      query={segments}
      isEmpty={rows.length === 0}
      emptyText={t('segments.empty', 'No segments yet.')}
      list={list}
      editor={editorSection}
    />
  );
};
