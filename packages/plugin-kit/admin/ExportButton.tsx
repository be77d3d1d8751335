import * as React from 'react';
import { Button, type ButtonProps } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useExport } from './useExport';

interface ExportButtonProps {
  /** the admin route that answers the CSV */
  path: string;
  fileName: string;
  /** the danger notification when the export fails */
  failureMessage: string;
  children: React.ReactNode;
  variant?: ButtonProps['variant'];
  disabled?: boolean;
}

/** A page's CSV export button: the download icon, busy while the file downloads, a notification when it fails. */
export const ExportButton = ({ path, fileName, failureMessage, children, variant, disabled }: ExportButtonProps) => {
  const csv = useExport(failureMessage);
  return (
    <Button
      variant={variant}
      startIcon={<Download />}
      onClick={() => void csv.exportFile(path, fileName)}
      loading={csv.isExporting}
      disabled={disabled}
    >
      {children}
    </Button>
  );
};
