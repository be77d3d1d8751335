import type { DataColumn } from '@magnetiq/plugin-kit/admin';
import { Button, Flex } from '@strapi/design-system';
import { Pencil, Trash } from '@strapi/icons';
import { useT } from '../utils/useT';

/** Edit and Delete of one row of a list with an editor below it. */
export const RowActions = ({
  onEdit,
  onDelete,
  isDeleting,
}: {
  onEdit: () => void;
  onDelete: () => void;
  isDeleting: boolean;
}) => {
  const t = useT();
  return (
    <Flex gap={2}>
      <Button size="S" variant="tertiary" startIcon={<Pencil />} onClick={onEdit}>
        {t('list.edit', 'Edit')}
      </Button>
      <Button size="S" variant="danger-light" startIcon={<Trash />} loading={isDeleting} onClick={onDelete}>
        {t('list.delete', 'Delete')}
      </Button>
    </Flex>
  );
};

/** What `actionsColumn` uses of a `useListEditor`. */
interface RowEditor {
  remove(id: number, deletedMessage: string): unknown;
  isDeleting(id: number): boolean;
}

/** The Actions column of such a list: Edit puts the row in the form, Delete removes it through the editor. */
export const actionsColumn = <Row extends { id: number }>(
  label: string,
  editor: RowEditor,
  edit: (row: Row) => void,
  deletedMessage: string,
): DataColumn<Row> => ({
  label,
  cell: (row) => (
    <RowActions
      onEdit={() => edit(row)}
      onDelete={() => editor.remove(row.id, deletedMessage)}
      isDeleting={editor.isDeleting(row.id)}
    />
  ),
});
