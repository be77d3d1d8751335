import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { OUTBOX_STATUSES, type OutboxStats } from '../types';
import { OUTBOX_STATUS_LABELS } from './StatusBadge';

/** One card per outbox status with the number of messages in it. */
export const OutboxCounts = ({ stats }: { stats: OutboxStats }) => {
  const { formatMessage, formatNumber } = useIntl();

  return (
    <Flex gap={4} wrap="wrap" tag="dl">
      {OUTBOX_STATUSES.map((status) => (
        <Box
          key={status}
          background="neutral0"
          hasRadius
          shadow="tableShadow"
          padding={4}
          minWidth="16rem"
          borderColor={status === 'dead' && stats.byStatus.dead > 0 ? 'danger200' : undefined}
        >
          <Flex direction="column" alignItems="flex-start" gap={1}>
            <Typography tag="dt" variant="sigma" textColor="neutral600">
              {formatMessage(OUTBOX_STATUS_LABELS[status])}
            </Typography>
            <Typography
              tag="dd"
              variant="alpha"
              textColor={status === 'dead' && stats.byStatus.dead > 0 ? 'danger600' : 'neutral800'}
            >
              {formatNumber(stats.byStatus[status] ?? 0)}
            </Typography>
          </Flex>
        </Box>
      ))}
    </Flex>
  );
};
