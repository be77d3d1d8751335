import * as React from 'react';
import { Button, Dialog, Typography, type ButtonProps } from '@strapi/design-system';

export interface ConfirmDialogProps {
  /** the button that opens the dialog */
  trigger: React.ReactElement;
  title: React.ReactNode;
  /** the body: text is shown as body text, an element (a reason field, a form) as it is */
  children: React.ReactNode;
  /** shown beside the body (e.g. a warning icon) */
  icon?: React.ReactElement;
  cancelLabel: string;
  confirmLabel: string;
  confirmVariant?: ButtonProps['variant'];
  confirmStartIcon?: React.ReactElement;
  onConfirm: () => unknown;
  /**
   * Controlled: with `open` the dialog stays open after the confirm click until the caller closes
   * it (after its request succeeded); without it, the confirm click closes the dialog.
   */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  confirmDisabled?: boolean;
  confirmLoading?: boolean;
}

/** A confirmation: the trigger button, a dialog with a title, a body, Cancel and the confirm button. */
export const ConfirmDialog = ({
  trigger,
  title,
  children,
  icon,
  cancelLabel,
  confirmLabel,
  confirmVariant = 'danger',
  confirmStartIcon,
  onConfirm,
  open,
  onOpenChange,
  confirmDisabled,
  confirmLoading,
}: ConfirmDialogProps) => {
  const confirm = (
    <Button
      variant={confirmVariant}
      startIcon={confirmStartIcon}
      onClick={() => void onConfirm()}
      loading={confirmLoading}
      disabled={confirmDisabled}
    >
      {confirmLabel}
    </Button>
  );
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Trigger>{trigger}</Dialog.Trigger>
      <Dialog.Content>
        <Dialog.Header>{title}</Dialog.Header>
        <Dialog.Body icon={icon}>
          {typeof children === 'string' ? <Typography>{children}</Typography> : children}
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button variant="tertiary">{cancelLabel}</Button>
          </Dialog.Cancel>
          {open === undefined ? <Dialog.Action>{confirm}</Dialog.Action> : confirm}
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
