import * as React from 'react';
import { Table, Tbody, Td, Tr, Typography, type TypographyProps } from '@strapi/design-system';
import { TableHead } from './TableHead';

/** One cell of a row: text or a number is shown as body text, an element as it is. */
export type TableCell = React.ReactNode;

/** A column: its heading and its cell of a row, together, so a column left out leaves out both. */
export interface DataColumn<Row> {
  label: string;
  cell: (row: Row, index: number) => TableCell;
  /** for a column of buttons: the heading is read out but not shown */
  visuallyHidden?: boolean;
  /** the cells are at most this wide (with an ellipsis text) */
  maxWidth?: string;
}

interface DataTableProps<Row> {
  /** the columns in order: `false`/`null` leaves a column out (heading and cells) */
  columns: Array<DataColumn<Row> | false | null | undefined>;
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => React.Key;
  /** shown instead of the table when there is no row (grey text, like Strapi's hints) */
  empty?: React.ReactNode;
  /** a click on a row (it opens the row's page, a dialog): the row shows a pointer */
  onRowClick?: (row: Row) => void;
  /** the colour of the text cells (the body colour when not given) */
  textColor?: TypographyProps['textColor'];
}

const isText = (cell: TableCell): cell is string | number => typeof cell === 'string' || typeof cell === 'number';

/** A list page's table: the design-system `Table` with its heading row (`TableHead`) and one `Tr` a row. */
export function DataTable<Row>({ columns, rows, rowKey, empty, onRowClick, textColor }: DataTableProps<Row>) {
  if (rows.length === 0 && empty !== undefined) return <Typography textColor="neutral600">{empty}</Typography>;
  const shown = columns.filter((column): column is DataColumn<Row> => Boolean(column));
  return (
    <Table colCount={shown.length} rowCount={rows.length + 1}>
      <TableHead columns={shown.map(({ label, visuallyHidden }) => ({ label, visuallyHidden }))} />
      <Tbody>
        {rows.map((row, index) => {
          const rowClick = onRowClick ? { onClick: () => onRowClick(row), style: { cursor: 'pointer' } } : {};
          return (
            <Tr key={rowKey(row, index)} {...rowClick}>
              {shown.map((column, position) => {
                const cell = column.cell(row, index);
                return (
                  <Td key={position} maxWidth={column.maxWidth}>
                    {isText(cell) ? <Typography textColor={textColor}>{cell}</Typography> : cell}
                  </Td>
                );
              })}
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
}
