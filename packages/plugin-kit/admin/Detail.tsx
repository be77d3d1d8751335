import * as React from 'react';
import { Grid, Typography } from '@strapi/design-system';

interface DetailProps {
  label: string;
  /** columns of 12 on a wide screen; half the row on a small one, all of it on a phone */
  col?: number;
  children: React.ReactNode;
}

/** One labelled value of a details grid (inside `Grid.Root`), as on Strapi's edit views. */
export const Detail = ({ label, col = 4, children }: DetailProps) => (
  <Grid.Item col={col} s={6} xs={12} direction="column" alignItems="flex-start" gap={1}>
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    {children}
  </Grid.Item>
);

/** A text value of a `Detail`, or a grey dash when there is none. */
export const DetailText = ({ value }: { value: string | null | undefined }) => (
  <Typography textColor={value ? 'neutral800' : 'neutral500'}>{value || '–'}</Typography>
);
