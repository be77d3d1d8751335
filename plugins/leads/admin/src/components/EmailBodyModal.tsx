import { DateTime } from '@magnetiq/plugin-kit/admin';
import { Box, Button, Flex, Modal, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { EmailLogEntry } from '../types';
import { getTranslation } from '../utils/getTranslation';

interface EmailBodyModalProps {
  email: EmailLogEntry | null;
  onClose: () => void;
}

/** The plain-text body of a logged email: how operators read mail when no SendGrid key is set. */
export const EmailBodyModal = ({ email, onClose }: EmailBodyModalProps) => {
  const { formatMessage } = useIntl();

  return (
    <Modal.Root open={email !== null} onOpenChange={(isOpen) => (isOpen ? undefined : onClose())}>
      <Modal.Content>
        <Modal.Header closeLabel={formatMessage({ id: getTranslation('emails.modal.close'), defaultMessage: 'Close' })}>
          <Modal.Title>{email?.subject}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {email ? (
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Flex gap={2} wrap="wrap">
                <Typography variant="pi" textColor="neutral600">
                  {formatMessage(
                    { id: getTranslation('emails.modal.to'), defaultMessage: 'To: {to}' },
                    { to: email.to },
                  )}
                </Typography>
                <DateTime value={email.sentAt} variant="pi" textColor="neutral600" />
              </Flex>
              <Box background="neutral100" hasRadius padding={4}>
                {email.text ? (
                  <Typography
                    tag="pre"
                    variant="omega"
                    textColor="neutral800"
                    style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 }}
                  >
                    {email.text}
                  </Typography>
                ) : (
                  <Typography textColor="neutral500">
                    {formatMessage({
                      id: getTranslation('emails.modal.noText'),
                      defaultMessage: 'No text body was stored for this email.',
                    })}
                  </Typography>
                )}
              </Box>
            </Flex>
          ) : null}
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">
              {formatMessage({ id: getTranslation('emails.modal.close'), defaultMessage: 'Close' })}
            </Button>
          </Modal.Close>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
