import * as React from 'react';
import { Button, Dialog, Typography, type ButtonProps } from '@strapi/design-system';
import { confirmAction } from './confirmAction';

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
  /**
   * Runs with the confirm button busy; the dialog closes when it is done unless it resolved to
   * `false` (as `useAdminAction().run` does when the action failed) or threw.
   */
  onConfirm: () => unknown;
  confirmDisabled?: boolean;
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
  onConfirm,
  confirmDisabled,
}: ConfirmDialogProps) => {
  const [open, setOpen] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const confirm = () => confirmAction(onConfirm, { setBusy, close: () => setOpen(false) });
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
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
          <Button variant={confirmVariant} onClick={() => void confirm()} loading={busy} disabled={confirmDisabled}>
            {confirmLabel}
          </Button>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
