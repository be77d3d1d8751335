import * as React from 'react';
import { ConfirmDialog, useNotifyError } from '@magnetiq/plugin-kit/admin';
import { Button, Flex } from '@strapi/design-system';
import { ArrowClockwise, Cross, WarningCircle } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { OutboxMessage } from '../types';
import { getTranslation } from '../utils/getTranslation';

interface OutboxRowActionsProps {
  message: OutboxMessage;
  onDone: () => void;
}

/** Replay a dead message (back to pending with fresh attempts) or discard it (mark it done unsent). */
export const OutboxRowActions = ({ message, onDone }: OutboxRowActionsProps) => {
  const { formatMessage } = useIntl();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const notifyError = useNotifyError(getTranslation);
  const [isReplaying, setIsReplaying] = React.useState(false);

  const run = async (action: 'replay' | 'discard', successMessage: string) => {
    try {
      await post(`/leads/outbox/${message.id}/${action}`);
      toggleNotification({ type: 'success', message: successMessage });
      onDone();
    } catch (error) {
      notifyError(error);
    }
  };

  const replay = async () => {
    setIsReplaying(true);
    await run(
      'replay',
      formatMessage(
        { id: getTranslation('outbox.replay.success'), defaultMessage: 'Message {id} will be delivered again.' },
        { id: message.id },
      ),
    );
    setIsReplaying(false);
  };

  const discard = () =>
    run(
      'discard',
      formatMessage(
        { id: getTranslation('outbox.discard.success'), defaultMessage: 'Message {id} has been discarded.' },
        { id: message.id },
      ),
    );

  return (
    <Flex gap={2} justifyContent="flex-end">
      <Button size="S" variant="secondary" startIcon={<ArrowClockwise />} loading={isReplaying} onClick={replay}>
        {formatMessage({ id: getTranslation('outbox.replay'), defaultMessage: 'Replay' })}
      </Button>
      <ConfirmDialog
        trigger={
          <Button size="S" variant="danger-light" startIcon={<Cross />}>
            {formatMessage({ id: getTranslation('outbox.discard'), defaultMessage: 'Discard' })}
          </Button>
        }
        icon={<WarningCircle fill="danger600" />}
        title={formatMessage({ id: getTranslation('outbox.discard.title'), defaultMessage: 'Discard this message?' })}
        cancelLabel={formatMessage({ id: 'app.components.Button.cancel', defaultMessage: 'Cancel' })}
        confirmLabel={formatMessage({ id: 'app.components.Button.confirm', defaultMessage: 'Confirm' })}
        onConfirm={discard}
      >
        {formatMessage(
          {
            id: getTranslation('outbox.discard.body'),
            defaultMessage: 'Message {id} ({topic}) will be marked as done without being delivered.',
          },
          { id: message.id, topic: message.topic },
        )}
      </ConfirmDialog>
    </Flex>
  );
};
