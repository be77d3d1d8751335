import { Badge, type BadgeProps } from '@strapi/design-system';
import { useIntl, type MessageDescriptor } from 'react-intl';
import type { CircuitState } from '../types';
import { getTranslation } from '../utils/getTranslation';

const CIRCUIT_LABELS: Record<CircuitState, MessageDescriptor> = {
  closed: { id: getTranslation('circuit.closed'), defaultMessage: 'Closed: requests go through' },
  open: { id: getTranslation('circuit.open'), defaultMessage: 'Open: requests paused' },
  'half-open': { id: getTranslation('circuit.half-open'), defaultMessage: 'Half-open: trying again' },
};

const CIRCUIT_VARIANTS: Record<CircuitState, NonNullable<BadgeProps['variant']>> = {
  closed: 'success',
  open: 'danger',
  'half-open': 'warning',
};

/** The circuit breaker in front of Odoo: open means calls are paused after repeated failures. */
export const CircuitBadge = ({ circuit }: { circuit: CircuitState }) => {
  const { formatMessage } = useIntl();
  const label = CIRCUIT_LABELS[circuit];
  return <Badge variant={CIRCUIT_VARIANTS[circuit] ?? 'neutral'}>{label ? formatMessage(label) : circuit}</Badge>;
};
