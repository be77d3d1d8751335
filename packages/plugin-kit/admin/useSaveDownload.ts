import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { CSV_TYPE, saveFile } from './saveFile';

/** Strapi's fetch client reads `responseType` at run time but does not declare it. */
type GetText = (path: string, options: { responseType: 'text' }) => Promise<{ data: string }>;

/**
 * Returns `download(path, fileName, type)`: GETs an admin route as text (a CSV export) with the
 * admin's credentials and saves it as a file. Rejects when the request fails.
 */
export const useSaveDownload = () => {
  const { get } = useFetchClient();
  return React.useCallback(
    async (path: string, fileName: string, type: string = CSV_TYPE) => {
      const { data } = await (get as unknown as GetText)(path, { responseType: 'text' });
      saveFile(data, fileName, type);
    },
    [get],
  );
};
