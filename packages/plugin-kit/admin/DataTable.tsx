import * as React from 'react';
import { Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { TableHead, type TableColumn } from './TableHead';

/** One cell of a row: text or a number is shown as body text, an element as it is; `false` leaves the column out. */
export type TableCell = React.ReactNode;

interface DataTableProps<Row> {
  /** the headings (`TableHead`): `false`/`null` leaves a column out, as its cell must */
  columns: TableColumn[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => React.Key;
  /** the row's cells in the order of the columns */
  cells: (row: Row, index: number) => TableCell[];
  /** shown instead of the table when there is no row (grey text, like Strapi's hints) */
  empty?: React.ReactNode;
}

const isText = (cell: TableCell): cell is string | number => typeof cell === 'string' || typeof cell === 'number';

/** A list page's table: the design-system `Table` with its heading row and one `Tr` a row. */
export function DataTable<Row>({ columns, rows, rowKey, cells, empty }: DataTableProps<Row>) {
  if (rows.length === 0 && empty !== undefined) return <Typography textColor="neutral600">{empty}</Typography>;
  return (
    <Table colCount={columns.filter(Boolean).length} rowCount={rows.length + 1}>
      <TableHead columns={columns} />
      <Tbody>
        {rows.map((row, index) => (
          <Tr key={rowKey(row, index)}>
            {cells(row, index).map((cell, column) =>
              cell === false ? null : <Td key={column}>{isText(cell) ? <Typography>{cell}</Typography> : cell}</Td>,
            )}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}
