import { ConfirmDialog, useNotifyError } from '@magnetiq/plugin-kit/admin';
import { Button, Flex, Typography } from '@strapi/design-system';
import { Trash, WarningCircle } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { getTranslation } from '../utils/getTranslation';

interface EraseContactButtonProps {
  documentId: string;
  email: string;
  onErased: () => void;
}

/** GDPR Art. 17: anonymises the contact after an explicit confirmation. It cannot be undone. */
export const EraseContactButton = ({ documentId, email, onErased }: EraseContactButtonProps) => {
  const { formatMessage } = useIntl();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const notifyError = useNotifyError(getTranslation);

  const erase = async () => {
    try {
      await post(`/leads/contacts/${encodeURIComponent(documentId)}/erase`);
      toggleNotification({
        type: 'success',
        message: formatMessage({
          id: getTranslation('contact.erase.success'),
          defaultMessage: 'The contact has been erased.',
        }),
      });
      onErased();
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <ConfirmDialog
      trigger={
        <Button variant="danger-light" startIcon={<Trash />}>
          {formatMessage({ id: getTranslation('contact.erase'), defaultMessage: 'Erase' })}
        </Button>
      }
      icon={<WarningCircle fill="danger600" />}
      title={formatMessage({ id: getTranslation('contact.erase.title'), defaultMessage: 'Erase this contact?' })}
      cancelLabel={formatMessage({ id: 'app.components.Button.cancel', defaultMessage: 'Cancel' })}
      confirmLabel={formatMessage({ id: 'app.components.Button.confirm', defaultMessage: 'Confirm' })}
      onConfirm={erase}
    >
      <Flex direction="column" gap={2}>
        <Typography textAlign="center">
          {formatMessage(
            {
              id: getTranslation('contact.erase.body'),
              defaultMessage:
                'The personal data of {email} will be anonymised, tracking details and email texts removed, and pending messages cancelled.',
            },
            { email },
          )}
        </Typography>
        <Typography textAlign="center" fontWeight="semiBold">
          {formatMessage({
            id: getTranslation('contact.erase.irreversible'),
            defaultMessage: 'Consent records stay as proof. This cannot be undone.',
          })}
        </Typography>
      </Flex>
    </ConfirmDialog>
  );
};
