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
