import * as React from 'react';
import { ConfirmDialog, useAdminAction } from '@magnetiq/plugin-kit/admin';
import { Button, Field, Textarea } from '@strapi/design-system';
import { Cross } from '@strapi/icons';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { AdminBooking } from '../types';
import { getTranslation } from '../utils/getTranslation';

/** Cancel a booking with a reason; the visitor and the host get the cancellation (with ICS CANCEL). */
export const CancelBookingButton = ({ booking, onDone }: { booking: AdminBooking; onDone: () => void }) => {
  const { formatMessage } = useIntl();
  const { post } = useFetchClient();
  const [reason, setReason] = React.useState('');
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const action = useAdminAction(t('cancel.failed', 'Cancelling failed'));

  const cancel = () =>
    action.run(async () => {
      await post(`/booking/bookings/${booking.id}/cancel`, { reason: reason.trim() });
      onDone();
      return t('cancel.done', 'The booking is cancelled; visitor and host are told.');
    });

  return (
    <ConfirmDialog
      trigger={
        <Button size="S" variant="danger-light" startIcon={<Cross />}>
          {t('cancel.button', 'Cancel')}
        </Button>
      }
      title={t('cancel.title', 'Cancel this booking?')}
      cancelLabel={t('cancel.keep', 'Keep it')}
      confirmLabel={t('cancel.confirm', 'Cancel booking')}
      onConfirm={cancel}
      confirmDisabled={!reason.trim()}
    >
      <Field.Root name="reason" required hint={t('cancel.hint', 'Sent to the visitor and the host.')}>
        <Field.Label>{t('cancel.reason', 'Reason')}</Field.Label>
        <Textarea
          value={reason}
          onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setReason(event.target.value)}
          maxLength={1000}
        />
        <Field.Hint />
      </Field.Root>
    </ConfirmDialog>
  );
};
