import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../utils/getTranslation';

/** Seats taken of the capacity, as a bar; red once the session is full (the waitlist is open). */
export const CapacityBar = ({
  capacity,
  seatsTaken,
  waitlisted,
}: {
  capacity: number;
  seatsTaken: number;
  waitlisted?: number;
}) => {
  const { formatMessage } = useIntl();
  const share = capacity === 0 ? 1 : Math.min(1, seatsTaken / capacity);
  const full = seatsTaken >= capacity;
  return (
    <Flex direction="column" alignItems="stretch" gap={1} minWidth="12rem">
      <Box
        background="neutral150"
        hasRadius
        height="0.5rem"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={capacity}
        aria-valuenow={seatsTaken}
        aria-label={formatMessage({ id: getTranslation('capacity.label'), defaultMessage: 'Seats taken' })}
      >
        <Box
          background={full ? 'danger500' : 'primary600'}
          hasRadius
          height="0.5rem"
          width={`${Math.round(share * 100)}%`}
        />
      </Box>
      <Typography variant="pi" textColor="neutral600">
        {formatMessage(
          {
            id: getTranslation('capacity.text'),
            defaultMessage:
              '{taken} of {capacity} seats taken{waitlisted, select, 0 {} other {, {waitlisted} waiting}}',
          },
          { taken: seatsTaken, capacity, waitlisted: String(waitlisted ?? 0) },
        )}
      </Typography>
    </Flex>
  );
};
