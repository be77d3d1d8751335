import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';

interface SectionProps {
  title: string;
  description?: string;
  children: React.ReactNode;
}

/** A titled white card, as on Strapi's edit views. */
export const Section = ({ title, description, children }: SectionProps) => (
  <Box
    background="neutral0"
    hasRadius
    shadow="tableShadow"
    paddingTop={6}
    paddingBottom={6}
    paddingLeft={7}
    paddingRight={7}
  >
    <Flex direction="column" alignItems="stretch" gap={4}>
      {description ? (
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography variant="delta" tag="h2">
            {title}
          </Typography>
          <Typography textColor="neutral600">{description}</Typography>
        </Flex>
      ) : (
        <Typography variant="delta" tag="h2">
          {title}
        </Typography>
      )}
      {children}
    </Flex>
  </Box>
);
