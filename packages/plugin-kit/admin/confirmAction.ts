/**
 * What the confirm button of `ConfirmDialog` does: runs `onConfirm` with the button busy, then
 * closes the dialog unless it resolved to `false` (a failed `useAdminAction().run`: the dialog stays
 * open with what was typed in it, next to the error notification). A throw also leaves it open.
 */
export const confirmAction = async (
  onConfirm: () => unknown,
  { setBusy, close }: { setBusy: (busy: boolean) => void; close: () => void },
): Promise<void> => {
  setBusy(true);
  try {
    if ((await onConfirm()) !== false) close();
  } finally {
    setBusy(false);
  }
};
