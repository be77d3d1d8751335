import { Badge, type BadgeProps } from '@strapi/design-system';
import { useIntl, type MessageDescriptor } from 'react-intl';
import type { ContactStatus, OutboxStatus } from '../types';
import { getTranslation } from '../utils/getTranslation';

type Variant = NonNullable<BadgeProps['variant']>;

export const CONTACT_STATUS_LABELS: Record<ContactStatus, MessageDescriptor> = {
  new: { id: getTranslation('contact.status.new'), defaultMessage: 'New' },
  confirmed: { id: getTranslation('contact.status.confirmed'), defaultMessage: 'Confirmed' },
  unsubscribed: { id: getTranslation('contact.status.unsubscribed'), defaultMessage: 'Unsubscribed' },
  erased: { id: getTranslation('contact.status.erased'), defaultMessage: 'Erased' },
};

export const OUTBOX_STATUS_LABELS: Record<OutboxStatus, MessageDescriptor> = {
  pending: { id: getTranslation('outbox.status.pending'), defaultMessage: 'Pending' },
  processing: { id: getTranslation('outbox.status.processing'), defaultMessage: 'Processing' },
  done: { id: getTranslation('outbox.status.done'), defaultMessage: 'Done' },
  dead: { id: getTranslation('outbox.status.dead'), defaultMessage: 'Dead' },
};

const CONTACT_STATUS_VARIANTS: Record<ContactStatus, Variant> = {
  new: 'secondary',
  confirmed: 'success',
  unsubscribed: 'warning',
  erased: 'neutral',
};

const OUTBOX_STATUS_VARIANTS: Record<OutboxStatus, Variant> = {
  pending: 'secondary',
  processing: 'primary',
  done: 'success',
  dead: 'danger',
};

export const ContactStatusBadge = ({ status }: { status: ContactStatus }) => {
  const { formatMessage } = useIntl();
  const label = CONTACT_STATUS_LABELS[status];
  return <Badge variant={CONTACT_STATUS_VARIANTS[status] ?? 'neutral'}>{label ? formatMessage(label) : status}</Badge>;
};

export const OutboxStatusBadge = ({ status }: { status: OutboxStatus }) => {
  const { formatMessage } = useIntl();
  const label = OUTBOX_STATUS_LABELS[status];
  return <Badge variant={OUTBOX_STATUS_VARIANTS[status] ?? 'neutral'}>{label ? formatMessage(label) : status}</Badge>;
};
