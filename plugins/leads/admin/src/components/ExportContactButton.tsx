import * as React from 'react';
import { saveJson, useNotifyError } from '@magnetiq/plugin-kit/admin';
import { Button } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { DataResponse } from '../types';
import { getTranslation } from '../utils/getTranslation';

/** GDPR Art. 15/20: downloads everything held about the contact as a JSON file. */
export const ExportContactButton = ({ documentId }: { documentId: string }) => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const notifyError = useNotifyError(getTranslation);
  const [isExporting, setIsExporting] = React.useState(false);

  const exportContact = async () => {
    setIsExporting(true);
    try {
      const { data } = await get<DataResponse<unknown>>(`/leads/contacts/${encodeURIComponent(documentId)}/export`);
      saveJson(data.data, `contact-${documentId}.json`);
    } catch (error) {
      notifyError(error);
    } finally {
      setIsExporting(false);
    }
  };

  return (
    <Button variant="secondary" startIcon={<Download />} loading={isExporting} onClick={exportContact}>
      {formatMessage({ id: getTranslation('contact.export'), defaultMessage: 'Export JSON' })}
    </Button>
  );
};
