import * as React from 'react';
import { Alert, type AlertProps } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../utils/getTranslation';

type DismissibleAlertProps = Omit<AlertProps, 'closeLabel' | 'onClose'>;

/**
 * The design system's Alert always renders a close button, so this one hides itself when it is
 * pressed. Callers key it by the condition (e.g. its timestamp) so that a new one shows again.
 */
export const DismissibleAlert = (props: DismissibleAlertProps) => {
  const { formatMessage } = useIntl();
  const [isDismissed, setIsDismissed] = React.useState(false);

  if (isDismissed) return null;

  return (
    <Alert
      {...props}
      closeLabel={formatMessage({ id: getTranslation('alert.close'), defaultMessage: 'Close' })}
      onClose={() => setIsDismissed(true)}
    />
  );
};
