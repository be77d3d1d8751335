import * as React from 'react';
import { DataTable, ListEditorPage, Section, useAdminQuery, useListEditor } from '@magnetiq/plugin-kit/admin';
import { Field, Flex, Grid, Textarea } from '@strapi/design-system';
import { useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { PluginNav } from '../components/PluginNav';
import { EditorActions } from '../components/EditorActions';
import { actionsColumn } from '../components/RowActions';
import { PERMISSIONS } from '../permissions';
import type { DataResponse, Topic } from '../types';
import { useT } from '../utils/useT';

interface FormState {
  id: number | null;
  slug: string;
  locale: string;
  name: string;
  description: string;
  position: string;
}

const EMPTY: FormState = { id: null, slug: '', locale: 'en', name: '', description: '', position: '0' };

const fromTopic = (topic: Topic): FormState => ({
  id: topic.id,
  slug: topic.slug,
  locale: topic.locale,
  name: topic.name,
  description: topic.description ?? '',
  position: String(topic.position),
});

/** The lists a reader subscribes to (one row per locale), with their subscribers, and their editor. */
export const TopicsPage = () => {
  const t = useT();
  const { formatNumber } = useIntl();
  const topics = useAdminQuery<DataResponse<Topic[]>>('/newsletter/topics');
  const { allowedActions } = useRBAC(PERMISSIONS.topics);
  const editor = useListEditor({
    path: '/newsletter/topics',
    empty: EMPTY,
    refetch: topics.refetch,
    failureMessage: t('notification.error', 'Something went wrong. Please try again.'),
  });
  const { form, setForm } = editor;
  const canManage = allowedActions.canManage;
  const rows = topics.data?.data ?? [];

  const set =
    (key: keyof Omit<FormState, 'id'>) => (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      setForm((previous) => ({ ...previous, [key]: event.target.value }));

  const save = (event: React.FormEvent) => {
    event.preventDefault();
    const body = {
      slug: form.slug.trim(),
      locale: form.locale.trim(),
      name: form.name.trim(),
      description: form.description.trim() || null,
      position: Number(form.position) || 0,
    };
    void editor.save(body, t('topics.saved', 'Topic saved'));
  };

  const list = (
    <DataTable
      rows={rows}
      rowKey={(topic) => topic.id}
      columns={[
        { label: t('topics.name', 'Name'), cell: (topic) => topic.name },
        { label: t('topics.slug', 'Slug'), cell: (topic) => topic.slug },
        { label: t('topics.locale', 'Language'), cell: (topic) => topic.locale },
        { label: t('topics.position', 'Position'), cell: (topic) => formatNumber(topic.position) },
        { label: t('topics.subscribers', 'Subscribers'), cell: (topic) => formatNumber(topic.subscribers) },
        canManage &&
          actionsColumn<Topic>(
            t('list.actions', 'Actions'),
            editor,
            (topic) => setForm(fromTopic(topic)),
            t('topics.deleted', 'Topic deleted'),
          ),
      ]}
    />
  );

  const editorSection = canManage ? (
    <Section title={form.id ? t('topics.edit', 'Edit topic') : t('topics.new', 'New topic')}>
      <form onSubmit={save}>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Grid.Root gap={4}>
            <Grid.Item col={6} xs={12} direction="column" alignItems="stretch">
              <Field.Root name="name" required>
                <Field.Label>{t('topics.name', 'Name')}</Field.Label>
                <Field.Input value={form.name} onChange={set('name')} maxLength={120} />
              </Field.Root>
            </Grid.Item>
            <Grid.Item col={6} xs={12} direction="column" alignItems="stretch">
              <Field.Root name="slug" required hint={t('topics.slugHint', 'lowercase words joined by hyphens')}>
                <Field.Label>{t('topics.slug', 'Slug')}</Field.Label>
                <Field.Input value={form.slug} onChange={set('slug')} maxLength={60} />
                <Field.Hint />
              </Field.Root>
            </Grid.Item>
            <Grid.Item col={3} xs={12} direction="column" alignItems="stretch">
              <Field.Root name="locale" required>
                <Field.Label>{t('topics.locale', 'Language')}</Field.Label>
                <Field.Input value={form.locale} onChange={set('locale')} maxLength={35} />
              </Field.Root>
            </Grid.Item>
            <Grid.Item col={3} xs={12} direction="column" alignItems="stretch">
              <Field.Root name="position">
                <Field.Label>{t('topics.position', 'Position')}</Field.Label>
                <Field.Input type="number" min={0} value={form.position} onChange={set('position')} />
              </Field.Root>
            </Grid.Item>
            <Grid.Item col={12} direction="column" alignItems="stretch">
              <Field.Root name="description">
                <Field.Label>{t('topics.description', 'Description')}</Field.Label>
                <Textarea value={form.description} onChange={set('description')} maxLength={500} />
              </Field.Root>
            </Grid.Item>
          </Grid.Root>
          <Flex justifyContent="flex-end">
            <EditorActions
              isEditing={form.id !== null}
              onReset={editor.reset}
              resetLabel={t('topics.newInstead', 'New topic instead')}
              saveLabel={t('topics.save', 'Save topic')}
              isSaving={editor.isSaving}
              canSave={Boolean(form.name.trim() && form.slug.trim())}
            />
          </Flex>
        </Flex>
      </form>
    </Section>
  ) : null;

  return (
    <ListEditorPage
      title={t('topics.title', 'Topics')}
      subtitle={t('topics.subtitle', 'The lists readers choose in the preference centre, per language')}
      nav={<PluginNav />}
      query={topics}
      isEmpty={rows.length === 0}
      emptyText={t('topics.empty', 'No topics yet.')}
      list={list}
      editor={editorSection}
    />
  );
};
