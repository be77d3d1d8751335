import { DataTable } from '@magnetiq/plugin-kit/admin';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { AnalyticsTable } from '../types';
import { getTranslation } from '../utils/getTranslation';

interface CountsTableProps {
  table: AnalyticsTable;
  onExport: (name: string) => void;
  isExporting: boolean;
  /** extra content under the title, e.g. a link to the outbox page */
  action?: React.ReactNode;
}

/** A card with one table of counts and its CSV export button. */
export const CountsTable = ({ table, onExport, isExporting, action }: CountsTableProps) => {
  const { formatMessage, formatNumber } = useIntl();
  const cell = (value: string | number | null | undefined, kind: string | undefined) => {
    if (value === null || value === undefined || value === '')
      return kind === 'text' || !kind
        ? formatMessage({ id: getTranslation('value.none'), defaultMessage: '(none)' })
        : '–';
    if (typeof value === 'number')
      return kind === 'percent'
        ? formatNumber(value, { style: 'percent', maximumFractionDigits: 1 })
        : formatNumber(value);
    return value;
  };

  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex justifyContent="space-between" alignItems="flex-start" gap={4}>
          <Flex direction="column" alignItems="flex-start" gap={1}>
            <Typography variant="delta" tag="h2">
              {table.title}
            </Typography>
            {table.description && <Typography textColor="neutral600">{table.description}</Typography>}
            {action}
          </Flex>
          <Button
            variant="tertiary"
            size="S"
            startIcon={<Download />}
            onClick={() => onExport(table.name)}
            loading={isExporting}
          >
            {formatMessage({ id: getTranslation('export.button'), defaultMessage: 'CSV' })}
          </Button>
        </Flex>
        <DataTable
          rows={table.rows}
          rowKey={(_row, index) => index}
          columns={table.columns.map((column) => ({
            label: column.label,
            cell: (row: (typeof table.rows)[number]) => cell(row[column.key], column.kind),
          }))}
          empty={formatMessage({ id: getTranslation('table.empty'), defaultMessage: 'Nothing in this range.' })}
        />
      </Flex>
    </Box>
  );
};
