import * as React from 'react';
import { useAdminAction } from '@magnetiq/plugin-kit/admin';
import { Button } from '@strapi/design-system';
import { Upload } from '@strapi/icons';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { getTranslation } from '../utils/getTranslation';

/**
 * Uploads (or replaces) a paper's PDF through the plugin's own route, which stores it outside the
 * public uploads and sets the file fields itself: editors never type a file key.
 */
export const UploadPdfButton = ({
  documentId,
  title,
  onUploaded,
}: {
  documentId: string;
  title: string;
  onUploaded: () => void;
}) => {
  const { formatMessage } = useIntl();
  const { post } = useFetchClient();
  const input = React.useRef<HTMLInputElement>(null);
  const t = (id: string, defaultMessage: string, values?: Record<string, string>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const action = useAdminAction(t('upload.failed', 'The upload failed. Please try again.'));

  const upload = (file: File) =>
    action.run(async () => {
      const form = new FormData();
      form.append('file', file, file.name);
      await post(`/whitepapers/papers/${documentId}/file`, form);
      onUploaded();
      return t('upload.done', 'PDF uploaded');
    });

  return (
    <>
      <input
        ref={input}
        type="file"
        accept="application/pdf,.pdf"
        hidden
        aria-label={t('upload.input', 'PDF file for {title}', { title })}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void upload(file);
        }}
      />
      <Button
        size="S"
        variant="secondary"
        startIcon={<Upload />}
        loading={action.isBusy}
        onClick={() => input.current?.click()}
      >
        {t('upload.button', 'Upload PDF')}
      </Button>
    </>
  );
};
