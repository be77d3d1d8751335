import { Button, Flex } from '@strapi/design-system';
import { Plus } from '@strapi/icons';

/** The buttons under a list's editor: back to a new row (while editing one), and save. */
export const EditorActions = ({
  isEditing,
  onReset,
  resetLabel,
  saveLabel,
  isSaving,
  canSave,
}: {
  isEditing: boolean;
  onReset: () => void;
  resetLabel: string;
  saveLabel: string;
  isSaving: boolean;
  canSave: boolean;
}) => (
  <Flex gap={2}>
    {isEditing ? (
      <Button variant="tertiary" onClick={onReset}>
        {resetLabel}
      </Button>
    ) : null}
    <Button type="submit" startIcon={isEditing ? undefined : <Plus />} loading={isSaving} disabled={!canSave}>
      {saveLabel}
    </Button>
  </Flex>
);
