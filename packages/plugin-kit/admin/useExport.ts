import * as React from 'react';
import { useNotification } from '@strapi/strapi/admin';
import { useSaveDownload } from './useSaveDownload';

/**
 * A page's CSV export: `exportFile(path, fileName, name?)` downloads an admin route as a file;
 * `exporting` names the export running (for its button's `loading`), and a failure is shown as a
 * danger notification with `failureMessage`.
 */
export const useExport = (failureMessage: string) => {
  const download = useSaveDownload();
  const { toggleNotification } = useNotification();
  const [exporting, setExporting] = React.useState<string | null>(null);

  const exportFile = async (path: string, fileName: string, name = 'export') => {
    setExporting(name);
    try {
      await download(path, fileName);
    } catch {
      toggleNotification({ type: 'danger', message: failureMessage });
    } finally {
      setExporting(null);
    }
  };

  return { exporting, isExporting: exporting !== null, exportFile };
};
