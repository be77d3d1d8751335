import * as React from 'react';
import { ConfirmDialog, useAdminAction, useSaveDownload } from '@magnetiq/plugin-kit/admin';
import { Button, Field, Flex } from '@strapi/design-system';
import { Download, Upload, WarningCircle } from '@strapi/icons';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { SessionDetail } from '../types';
import { getTranslation } from '../utils/getTranslation';

interface Props {
  session: SessionDetail;
  canManage: boolean;
  /** the CSV holds the registrants' personal data */
  canExport: boolean;
  onChanged: () => void;
}

/** Export, attendance import, recording link and cancellation of one session. */
export const SessionActions = ({ session, canManage, canExport, onChanged }: Props) => {
  const { formatMessage } = useIntl();
  const { post, put } = useFetchClient();
  const download = useSaveDownload();
  const t = (id: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const [recordingUrl, setRecordingUrl] = React.useState(session.recordingUrl ?? '');
  const [capacity, setCapacity] = React.useState(String(session.capacity));
  const fileInput = React.useRef<HTMLInputElement>(null);
  const base = `/webinars/sessions/${session.documentId}`;

  const action = useAdminAction(t('action.failed', 'That did not work. Please try again.'));
  const { busy } = action;
  const run = (name: string, work: () => Promise<string | void>) =>
    action.run(async () => {
      const message = await work();
      onChanged();
      return message;
    }, name);

  const exportCsv = () =>
    run('export', async () => {
      await download(`${base}/registrations.csv`, `webinar-session-${session.documentId}-registrations.csv`);
    });

  const importAttendance = (file: File) =>
    run('import', async () => {
      const { data } = await post<{ data: { changed: number; unmatched: string[]; skipped: unknown[] } }>(
        `${base}/attendance/import`,
        { csv: await file.text() },
      );
      return t('attendance.imported', '{changed} marked; {unmatched} not registered; {skipped} lines skipped', {
        changed: data.data.changed,
        unmatched: data.data.unmatched.length,
        skipped: data.data.skipped.length,
      });
    });

  const saveRecording = () =>
    run('recording', async () => {
      const { data } = await post<{ data: { notified: number } }>(`${base}/recording`, { recordingUrl, notify: true });
      return t('recording.saved', 'Recording saved; {notified} people emailed', { notified: data.data.notified });
    });

  const saveCapacity = () =>
    run('capacity', async () => {
      await put(base, { capacity: Number(capacity) });
      return t('capacity.saved', 'Seats saved; a larger capacity gives the new seats to the waitlist');
    });

  const cancelSession = () =>
    run('cancel', async () => {
      const { data } = await post<{ data: { notified: number } }>(`${base}/cancel`, {});
      return t('cancel.done', 'Session cancelled; {notified} people emailed', { notified: data.data.notified });
    });

  return (
    <Flex gap={3} wrap="wrap" alignItems="flex-end">
      {canExport ? (
        <Button variant="secondary" startIcon={<Download />} onClick={exportCsv} loading={busy === 'export'}>
          {t('export.button', 'Export registrations (CSV)')}
        </Button>
      ) : null}
      {canManage ? (
        <>
          <input
            ref={fileInput}
            type="file"
            accept=".csv,text/csv"
            hidden
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void importAttendance(file);
            }}
          />
          {/* matching a report's emails to registrations reveals who registered: registrations.read too */}
          {canExport ? (
            <Button
              variant="secondary"
              startIcon={<Upload />}
              onClick={() => fileInput.current?.click()}
              loading={busy === 'import'}
              disabled={session.status === 'cancelled'}
            >
              {t('attendance.import', 'Import attendance report (CSV)')}
            </Button>
          ) : null}
          <Flex gap={2} alignItems="flex-end">
            <Field.Root name="capacity">
              <Field.Label>{t('session.capacity', 'Seats')}</Field.Label>
              <Field.Input
                type="number"
                min={0}
                value={capacity}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) => setCapacity(event.target.value)}
              />
            </Field.Root>
            <Button
              variant="secondary"
              onClick={saveCapacity}
              loading={busy === 'capacity'}
              disabled={
                session.status === 'cancelled' || capacity === String(session.capacity) || !/^\d+$/.test(capacity)
              }
            >
              {t('capacity.save', 'Save seats')}
            </Button>
          </Flex>
          <Flex gap={2} alignItems="flex-end">
            <Field.Root name="recordingUrl">
              <Field.Label>{t('recording.label', 'Recording link')}</Field.Label>
              <Field.Input
                type="url"
                value={recordingUrl}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) => setRecordingUrl(event.target.value)}
              />
            </Field.Root>
            <Button
              variant="secondary"
              onClick={saveRecording}
              loading={busy === 'recording'}
              disabled={!/^https?:\/\//.test(recordingUrl) || session.status === 'cancelled'}
            >
              {t('recording.save', 'Save and email it')}
            </Button>
          </Flex>
          <ConfirmDialog
            trigger={
              <Button variant="danger-light" disabled={session.status === 'cancelled'} loading={busy === 'cancel'}>
                {t('cancel.button', 'Cancel session')}
              </Button>
            }
            title={t('cancel.title', 'Cancel this session?')}
            icon={<WarningCircle fill="danger600" />}
            cancelLabel={t('cancel.keep', 'Keep it')}
            confirmLabel={t('cancel.confirm', 'Cancel session and notify')}
            onConfirm={cancelSession}
          >
            {t(
              'cancel.body',
              'Everyone registered or waiting is emailed, with an update that removes the calendar entry. This cannot be undone.',
            )}
          </ConfirmDialog>
        </>
      ) : null}
    </Flex>
  );
};
