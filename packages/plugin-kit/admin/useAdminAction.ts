import * as React from 'react';
import { useNotification } from '@strapi/strapi/admin';
import { apiErrorMessage } from './apiErrorMessage';

/**
 * Runs admin actions (a POST, an upload, an export) one at a time per name: `busy` names the one
 * running (for the button's `loading`), a returned string is shown as a success notification, and
 * a failure as a danger notification with the server's message, else `failureMessage`.
 * `run` resolves to whether the action succeeded.
 */
export const useAdminAction = (failureMessage: string) => {
  const { toggleNotification } = useNotification();
  const [busy, setBusy] = React.useState<string | null>(null);

  const run = async (work: () => Promise<string | void>, name = 'action'): Promise<boolean> => {
    setBusy(name);
    try {
      const message = await work();
      if (message) toggleNotification({ type: 'success', message });
      return true;
    } catch (error: unknown) {
      toggleNotification({ type: 'danger', message: apiErrorMessage(error) ?? failureMessage });
      return false;
    } finally {
      setBusy(null);
    }
  };

  return { busy, isBusy: busy !== null, run };
};
