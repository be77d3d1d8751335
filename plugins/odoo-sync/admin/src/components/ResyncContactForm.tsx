import * as React from 'react';
import { useNotifyError } from '@magnetiq/plugin-kit/admin';
import { Box, Button, Field, Flex } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { DataResponse, ResyncResult } from '../types';
import { getTranslation } from '../utils/getTranslation';

/** Queues every activity of one contact for Odoo again; Odoo records are updated, not duplicated. */
export const ResyncContactForm = ({ onQueued }: { onQueued: () => void }) => {
  const { formatMessage } = useIntl();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const notifyError = useNotifyError(getTranslation);
  const [documentId, setDocumentId] = React.useState('');
  const [isSending, setIsSending] = React.useState(false);
  const trimmedId = documentId.trim();

  const resync = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!trimmedId) return;
    setIsSending(true);
    try {
      const { data } = await post<DataResponse<ResyncResult>>(
        `/odoo-sync/contacts/${encodeURIComponent(trimmedId)}/resync`,
      );
      toggleNotification({
        type: 'success',
        message: formatMessage(
          {
            id: getTranslation('resync.success'),
            defaultMessage: '{count, plural, =0 {No event to queue} one {# event queued} other {# events queued}}',
          },
          { count: data.data.queued },
        ),
      });
      setDocumentId('');
      onQueued();
    } catch (error) {
      notifyError(error);
    } finally {
      setIsSending(false);
    }
  };

  return (
    <form onSubmit={resync}>
      <Flex gap={2} alignItems="flex-start" wrap="wrap">
        <Box minWidth="32rem">
          <Field.Root
            name="contactDocumentId"
            hint={formatMessage({
              id: getTranslation('resync.hint'),
              defaultMessage: 'The document id shown in the address of the contact page in Leads.',
            })}
          >
            <Field.Label>
              {formatMessage({ id: getTranslation('resync.label'), defaultMessage: 'Contact document id' })}
            </Field.Label>
            <Field.Input
              value={documentId}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => setDocumentId(event.target.value)}
              placeholder={formatMessage({
                id: getTranslation('resync.placeholder'),
                defaultMessage: 'e.g. k3v9x2m1q8h7c4d6e5f0a1b2',
              })}
            />
            <Field.Hint />
          </Field.Root>
        </Box>
        {/* The top margin lines the button up with the input below the label. */}
        <Box paddingTop={6}>
          <Button
            type="submit"
            variant="secondary"
            startIcon={<ArrowClockwise />}
            loading={isSending}
            disabled={!trimmedId}
          >
            {formatMessage({ id: getTranslation('resync.button'), defaultMessage: 'Re-sync' })}
          </Button>
        </Box>
      </Flex>
    </form>
  );
};
