import * as React from 'react';
import { Box, Button, Flex, Modal, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { VersionDetail, VersionSummary } from '../types';
import { getTranslation } from '../utils/getTranslation';
import { DiffView } from './DiffView';

interface PanelProps {
  model: string;
  documentId?: string;
  document?: { locale?: string | null; updatedAt?: string | null } | null;
}

const HistoryList = ({
  uid,
  documentId,
  locale,
  updatedAt,
}: {
  uid: string;
  documentId: string;
  locale: string | null;
  /** the draft's last change: a save reloads the list */
  updatedAt: string | null;
}) => {
  const { formatMessage, formatDate } = useIntl();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const t = (id: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const [versions, setVersions] = React.useState<VersionSummary[] | null>(null);
  const [failed, setFailed] = React.useState(false);
  const [open, setOpen] = React.useState<VersionDetail | null>(null);
  const [busy, setBusy] = React.useState(false);

  const query = new URLSearchParams({ uid, documentId, pageSize: '20' });
  if (locale) query.set('locale', locale);
  const path = `/editorial/versions?${query.toString()}`;

  React.useEffect(() => {
    let live = true;
    get(path)
      .then((response) => live && setVersions((response.data as { data: VersionSummary[] }).data))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [get, path, updatedAt]);

  const show = async (id: number) => {
    const response = await get(`/editorial/versions/${id}`);
    setOpen((response.data as { data: VersionDetail }).data);
  };

  const restore = async (id: number) => {
    setBusy(true);
    try {
      const response = await post(`/editorial/versions/${id}/restore`, {});
      const meta = (response.data as { meta: { dropped: string[]; missing: unknown[] } }).meta;
      const notes = [t('history.restored', 'Restored as the new draft. Review it, then publish.')];
      if (meta.dropped.length > 0)
        notes.push(
          t('history.dropped', 'Fields that no longer exist were skipped: {fields}', {
            fields: meta.dropped.join(', '),
          }),
        );
      if (meta.missing.length > 0)
        notes.push(
          t('history.missing', 'Entries or files that were deleted were left out: {count}', {
            count: meta.missing.length,
          }),
        );
      toggleNotification({ type: 'success', message: notes.join(' ') });
      // the edit view's form holds the old draft: load the restored one
      window.location.reload();
    } catch {
      toggleNotification({ type: 'danger', message: t('history.restoreFailed', 'Restoring failed') });
      setBusy(false);
    }
  };

  if (failed)
    return <Typography textColor="danger600">{t('history.failed', 'The history could not be loaded')}</Typography>;
  if (!versions) return <Typography>{t('history.loading', 'Loading versions…')}</Typography>;
  if (versions.length === 0)
    return <Typography>{t('history.empty', 'No versions yet: the first save records one.')}</Typography>;

  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="editorial-history">
      {versions.map((version) => (
        <Box key={version.id} padding={2} hasRadius borderColor="neutral200" data-testid="editorial-version">
          <Typography variant="pi" fontWeight="bold">
            {formatDate(version.createdAt, { dateStyle: 'medium', timeStyle: 'short' })} · {version.action}
          </Typography>
          <Typography variant="pi" tag="p" textColor="neutral600">
            {version.createdBy?.name ?? 'system'} · {version.status}
          </Typography>
          <Flex gap={1} paddingTop={1}>
            <Button size="S" variant="tertiary" onClick={() => void show(version.id)}>
              {t('history.show', 'Show changes')}
            </Button>
            <Button size="S" variant="secondary" loading={busy} onClick={() => void restore(version.id)}>
              {t('history.restore', 'Restore as draft')}
            </Button>
          </Flex>
        </Box>
      ))}
      <Modal.Root open={open !== null} onOpenChange={(value: boolean) => !value && setOpen(null)}>
        <Modal.Content>
          <Modal.Header>
            <Modal.Title>{t('history.diff.title', 'Changes from this version to the current draft')}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            {open && (
              <DiffView diff={open.diff} empty={t('history.diff.none', 'The current draft has the same content.')} />
            )}
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{t('history.close', 'Close')}</Button>
            </Modal.Close>
            {open && (
              <Button loading={busy} onClick={() => void restore(open.id)}>
                {t('history.restore', 'Restore as draft')}
              </Button>
            )}
          </Modal.Footer>
        </Modal.Content>
      </Modal.Root>
    </Flex>
  );
};

/** The Content Manager edit view's side panel (addEditViewSidePanel): this entry's versions. */
export const HistoryPanel = (props: PanelProps) => {
  if (!props.documentId) return null;
  return {
    title: 'History',
    content: (
      <HistoryList
        uid={props.model}
        documentId={props.documentId}
        locale={props.document?.locale ?? null}
        updatedAt={props.document?.updatedAt ?? null}
      />
    ),
  };
};
