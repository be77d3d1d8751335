import * as React from 'react';
import { isFetchError, useAPIErrorHandler, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

/**
 * Shows a failed request as a danger notification, with the server's message when there is one,
 * and returns that message so that it can also be shown next to the button that failed.
 * `getTranslation` is the plugin's: the fallback text is its `notification.error` message.
 */
export const useNotifyError = (getTranslation: (id: string) => string) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const { formatAPIError } = useAPIErrorHandler();

  return React.useCallback(
    (error: unknown) => {
      const message = isFetchError(error)
        ? formatAPIError(error)
        : formatMessage({
            id: getTranslation('notification.error'),
            defaultMessage: 'Something went wrong. Please try again.',
          });
      toggleNotification({ type: 'danger', message });
      return message;
    },
    [formatAPIError, formatMessage, getTranslation, toggleNotification],
  );
};
