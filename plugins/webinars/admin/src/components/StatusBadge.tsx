import { Badge } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { RegistrationStatus } from '../types';
import { getTranslation } from '../utils/getTranslation';

export const STATUS_LABELS: Record<RegistrationStatus, { id: string; defaultMessage: string }> = {
  registered: { id: getTranslation('status.registered'), defaultMessage: 'Registered' },
  waitlisted: { id: getTranslation('status.waitlisted'), defaultMessage: 'Waitlisted' },
  cancelled: { id: getTranslation('status.cancelled'), defaultMessage: 'Cancelled' },
  attended: { id: getTranslation('status.attended'), defaultMessage: 'Attended' },
  'no-show': { id: getTranslation('status.no-show'), defaultMessage: 'No-show' },
};

const COLORS: Record<RegistrationStatus, { backgroundColor: string; textColor: string }> = {
  registered: { backgroundColor: 'primary100', textColor: 'primary700' },
  waitlisted: { backgroundColor: 'warning100', textColor: 'warning700' },
  cancelled: { backgroundColor: 'neutral150', textColor: 'neutral700' },
  attended: { backgroundColor: 'success100', textColor: 'success700' },
  'no-show': { backgroundColor: 'danger100', textColor: 'danger700' },
};

export const StatusBadge = ({ status }: { status: RegistrationStatus }) => {
  const { formatMessage } = useIntl();
  return <Badge {...COLORS[status]}>{formatMessage(STATUS_LABELS[status])}</Badge>;
};
