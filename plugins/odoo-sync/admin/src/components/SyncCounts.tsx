import { CountCard } from '@magnetiq/plugin-kit/admin';
import { Flex } from '@strapi/design-system';
import { useIntl, type MessageDescriptor } from 'react-intl';
import { SYNC_STATES, type SyncState, type SyncStatus } from '../types';
import { getTranslation } from '../utils/getTranslation';

const SYNC_STATE_LABELS: Record<SyncState, MessageDescriptor> = {
  done: { id: getTranslation('counts.done'), defaultMessage: 'Synced' },
  pending: { id: getTranslation('counts.pending'), defaultMessage: 'Pending' },
  processing: { id: getTranslation('counts.processing'), defaultMessage: 'Processing' },
  dead: { id: getTranslation('counts.dead'), defaultMessage: 'Dead' },
};

/** One card per outbox status of the Odoo events. */
export const SyncCounts = ({ counts }: { counts: SyncStatus['counts'] }) => {
  const { formatMessage } = useIntl();

  return (
    <Flex gap={4} wrap="wrap" tag="dl">
      {SYNC_STATES.map((state) => (
        <CountCard
          key={state}
          label={formatMessage(SYNC_STATE_LABELS[state])}
          count={counts[state] ?? 0}
          isAlarming={state === 'dead' && counts.dead > 0}
        />
      ))}
    </Flex>
  );
};
