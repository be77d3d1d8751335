import { Th, Thead, Tr, Typography, VisuallyHidden, type TypographyProps } from '@strapi/design-system';

interface HeaderCellProps {
  children: string;
  /** For columns of buttons: the name is read out but not shown. */
  visuallyHidden?: boolean;
  textColor?: TypographyProps['textColor'];
}

/** A column heading in the `sigma` style (grey capitals) of the tables of Strapi's own admin pages. */
export const HeaderCell = ({ children, visuallyHidden = false, textColor = 'neutral600' }: HeaderCellProps) => (
  <Th>
    {visuallyHidden ? (
      <VisuallyHidden>{children}</VisuallyHidden>
    ) : (
      <Typography variant="sigma" textColor={textColor}>
        {children}
      </Typography>
    )}
  </Th>
);

/** A column of `TableHead`: its label, or the label with options; `false`/`null` leaves it out. */
export type TableColumn = string | { label: string; visuallyHidden?: boolean } | false | null | undefined;

interface TableHeadProps {
  columns: TableColumn[];
}

/** The `Thead` row of a design-system `Table`, one `HeaderCell` per column. */
export const TableHead = ({ columns }: TableHeadProps) => (
  <Thead>
    <Tr>
      {columns.map((column, index) => {
        if (!column) return null;
        const { label, visuallyHidden } =
          typeof column === 'string' ? { label: column, visuallyHidden: false } : column;
        return (
          <HeaderCell key={`${index}:${label}`} visuallyHidden={visuallyHidden}>
            {label}
          </HeaderCell>
        );
      })}
    </Tr>
  </Thead>
);
