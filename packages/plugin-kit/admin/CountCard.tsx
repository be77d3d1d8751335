import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

interface CountCardProps {
  label: string;
  count: number;
  caption?: string;
  isAlarming?: boolean;
}

/** One number with its name, as a `dt`/`dd` pair: place it inside a `dl`. */
export const CountCard = ({ label, count, caption, isAlarming = false }: CountCardProps) => {
  const { formatNumber } = useIntl();

  return (
    <Box
      background="neutral0"
      hasRadius
      shadow="tableShadow"
      padding={4}
      minWidth="16rem"
      borderColor={isAlarming ? 'danger200' : undefined}
    >
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography tag="dt" variant="sigma" textColor="neutral600">
          {label}
        </Typography>
        <Typography tag="dd" variant="alpha" textColor={isAlarming ? 'danger600' : 'neutral800'}>
          {formatNumber(count)}
        </Typography>
        {caption && (
          <Typography tag="dd" variant="pi" textColor="neutral600">
            {caption}
          </Typography>
        )}
      </Flex>
    </Box>
  );
};
