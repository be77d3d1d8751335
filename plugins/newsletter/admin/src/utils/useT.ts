import { useIntl } from 'react-intl';
import { getTranslation } from './getTranslation';

/** `t(id, defaultMessage, values)`: a message of this plugin's translations. */
export const useT = () => {
  const { formatMessage } = useIntl();
  return (id: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values);
};
