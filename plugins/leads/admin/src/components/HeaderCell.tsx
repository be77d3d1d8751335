import { Th, Typography, VisuallyHidden } from '@strapi/design-system';

interface HeaderCellProps {
  children: string;
  /** For columns of buttons: the name is read out but not shown. */
  visuallyHidden?: boolean;
}

/** A column heading styled like the tables of Strapi's own admin pages. */
export const HeaderCell = ({ children, visuallyHidden = false }: HeaderCellProps) => (
  <Th>
    {visuallyHidden ? (
      <VisuallyHidden>{children}</VisuallyHidden>
    ) : (
      <Typography variant="sigma" textColor="neutral600">
        {children}
      </Typography>
    )}
  </Th>
);
